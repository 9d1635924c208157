import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/users/manage-users";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Table, Th, Td } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-throttle";
import { changeRoleAction, createUserAction, resetPasswordAction, revokeUserSessionsAction, setUserDisabledAction, unlockUserAction } from "./actions";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("users.manage");
  const users = await listUsers(getDb(), actor);
  return (
    <>
      <PageHeader
        title="Users"
        description={`Who can sign in, and what each role may do. An account with ${SIGN_IN_LIMITS.perAccount} failed sign-ins in ${SIGN_IN_LIMITS.windowMs / 60_000} minutes is locked until they age out or you unlock it.`}
      />
      <div className="grid gap-6 xl:grid-cols-3 [&>*]:min-w-0">
        <div className="xl:col-span-2">
          <Table label="Users">
            <thead>
              <tr>
                <Th>User</Th>
                <Th priority="lg">Last sign-in</Th>
                <Th>Role &amp; access</Th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className={user.disabled ? "bg-zinc-50 text-muted" : undefined} data-user={user.email}>
                  <Td>
                    <span className="flex items-center gap-2 font-medium">
                      {user.name}
                      {user.disabled && <Badge tone="slate">Disabled</Badge>}
                      {user.locked && <Badge tone="red">Locked</Badge>}
                    </span>
                    <span className="block text-xs text-muted">{user.email}</span>
                    {user.failedSignIns > 0 && (
                      <span className="mt-0.5 block text-xs text-amber-700" data-testid="failed-sign-ins">
                        {user.failedSignIns} failed sign-in{user.failedSignIns === 1 ? "" : "s"} in the last {SIGN_IN_LIMITS.windowMs / 60_000} minutes
                      </span>
                    )}
                  </Td>
                  <Td priority="lg">{user.lastLoginAt ? <LocalTime ms={user.lastLoginAt} /> : <span className="text-muted">Never</span>}</Td>
                  <Td>
                    <UserRowActions
                      name={user.name}
                      email={user.email}
                      role={user.role}
                      disabled={user.disabled}
                      hasFailedSignIns={user.failedSignIns > 0}
                      changeRole={changeRoleAction.bind(null, user.id)}
                      disable={setUserDisabledAction.bind(null, user.id, true)}
                      enable={setUserDisabledAction.bind(null, user.id, false)}
                      resetPassword={resetPasswordAction.bind(null, user.id)}
                      revokeSessions={revokeUserSessionsAction.bind(null, user.id)}
                      unlock={unlockUserAction.bind(null, user.id)}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <Card title="Add user">
          <CreateUserForm action={createUserAction} />
        </Card>
      </div>
    </>
  );
}
