import { requirePageActor } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-button";
import { FormMessage } from "@/components/ui/field";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { changeOwnPasswordAction, signOutEverywhereAction } from "./actions";

export const metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string | string[] }> }) {
  const actor = await requirePageActor();
  const { changed } = await searchParams;
  return (
    <>
      <PageHeader title="Account" description={`${actor.name} · ${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      <div className="space-y-6">
        <Card title="Change password" description="Every other device is signed out; you stay signed in on this one.">
          {changed === "password" && (
            <div className="mb-4 max-w-sm">
              <FormMessage tone="success">Password changed. Other devices are signed out.</FormMessage>
            </div>
          )}
          <ChangePasswordForm action={changeOwnPasswordAction} />
        </Card>
        <Card title="Sessions" description="Signing out, a password change or reset, and a role change end your sessions on every device.">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <p className="max-w-xl text-sm text-zinc-600">
              Left signed in on a shared or lost device? End every session of your account, this one included, and sign in again.
            </p>
            <ActionButton
              label="Sign out everywhere"
              action={signOutEverywhereAction}
              confirmMessage="Sign out of MID Console on every device, this one included?"
            />
          </div>
        </Card>
      </div>
    </>
  );
}
