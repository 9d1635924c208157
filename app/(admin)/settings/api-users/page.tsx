import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listApiUsers } from "@/lib/api-users/manage-api-users";
import { API_ENDPOINTS } from "@/lib/api-users/api-endpoints";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Table, Th, Td } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { ActionButton } from "@/components/ui/action-button";
import { FlashToast } from "@/components/ui/toast";
import { CreateApiUserForm } from "@/components/api-users/create-api-user-form";
import { createApiUserAction, setApiUserDisabledAction } from "./actions";

export const metadata = { title: "API users" };

export default async function ApiUsersPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageActor("api_users.manage");
  const users = await listApiUsers(getDb(), actor);
  const { saved } = await searchParams;
  const label = (id: string) => API_ENDPOINTS.find((e) => e.id === id)?.label ?? id;
  return (
    <>
      <PageHeader title="API users" description="Credentials landers and scripts use for the Konnektive-compatible API (loginId + password)." />
      {saved && <FlashToast message="Access saved." />}
      <div className="grid gap-6 xl:grid-cols-3 [&>*]:min-w-0">
        <div className="xl:col-span-2">
          {users.length === 0 ? (
            <div className="rounded-lg border border-dashed border-zinc-300 bg-surface px-6 py-14 text-center text-sm text-muted">
              No API users yet. Create one for each lander or integration, so each can be limited and disabled on its own.
            </div>
          ) : (
            <Table label="API users">
              <thead>
                <tr>
                  <Th>Login ID</Th>
                  <Th priority="lg">Endpoints</Th>
                  <Th priority="xl">IPs</Th>
                  <Th priority="md">Last used</Th>
                  <Th srOnly>Actions</Th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className={u.disabled ? "bg-zinc-50 text-muted" : undefined} data-api-user={u.loginId}>
                    <Td>
                      <span className="flex items-center gap-2 whitespace-nowrap font-mono text-xs font-semibold">
                        {u.loginId} {u.disabled && <Badge tone="slate">Disabled</Badge>}
                      </span>
                      <span className="block text-xs text-muted">{u.name}</span>
                    </Td>
                    <Td priority="lg">
                      <span className="flex max-w-xs flex-wrap gap-1">
                        {u.allowedEndpoints.map((e) => (
                          <Badge key={e} tone="slate">
                            {label(e)}
                          </Badge>
                        ))}
                      </span>
                    </Td>
                    <Td priority="xl" className="font-mono text-xs">
                      {u.allowedIps.length ? u.allowedIps.join(", ") : <span className="font-sans text-muted">Any</span>}
                    </Td>
                    <Td priority="md">{u.lastUsedAt ? <LocalTime ms={u.lastUsedAt} /> : <span className="text-muted">Never</span>}</Td>
                    <Td align="right">
                      <span className="inline-flex items-center gap-1">
                        <Link href={`/settings/api-users/${u.id}`} className="rounded-md px-2.5 py-1.5 text-xs font-medium text-zinc-700 hover:bg-zinc-100">
                          Access
                        </Link>
                        {u.disabled ? (
                          <ActionButton
                            label="Enable"
                            size="sm"
                            variant="ghost"
                            action={setApiUserDisabledAction.bind(null, u.id, false)}
                            successToast={`${u.loginId} is enabled.`}
                          />
                        ) : (
                          <ActionButton
                            label="Disable"
                            size="sm"
                            variant="ghost"
                            confirmMessage={`Disable ${u.loginId}?`}
                            confirmDetail="Its API calls are refused at once, until it is enabled again."
                            action={setApiUserDisabledAction.bind(null, u.id, true)}
                            successToast={`${u.loginId} is disabled.`}
                            undo={{ action: setApiUserDisabledAction.bind(null, u.id, false), done: `${u.loginId} is enabled again.` }}
                          />
                        )}
                      </span>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
        <Card title="Add API user">
          <CreateApiUserForm action={createApiUserAction} />
        </Card>
      </div>
    </>
  );
}
