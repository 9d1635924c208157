import { requirePageActor } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { changeOwnPasswordAction } from "./actions";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requirePageActor();
  return (
    <>
      <PageHeader title="Account" description={`${actor.name} · ${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      <Card title="Change password" description="You stay signed in on this device.">
        <ChangePasswordForm action={changeOwnPasswordAction} />
      </Card>
    </>
  );
}
