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
import { changeRoleAction, createUserAction, resetPasswordAction, setUserDisabledAction } from "./actions";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("users.manage");
  const users = listUsers(getDb(), actor);
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and what each role may do." />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <Table label="Users">
            <thead>
              <tr>
                <Th>User</Th>
                <Th>Last sign-in</Th>
                <Th>Role &amp; access</Th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className={user.disabled ? "bg-zinc-50 text-zinc-500" : undefined} data-user={user.email}>
                  <Td>
                    <span className="flex items-center gap-2 font-medium">
                      {user.name}
                      {user.disabled && <Badge tone="slate">Disabled</Badge>}
                    </span>
                    <span className="block text-xs text-zinc-500">{user.email}</span>
                  </Td>
                  <Td>{user.lastLoginAt ? <LocalTime ms={user.lastLoginAt} /> : <span className="text-zinc-400">Never</span>}</Td>
                  <Td>
                    <UserRowActions
                      email={user.email}
                      role={user.role}
                      disabled={user.disabled}
                      changeRole={changeRoleAction.bind(null, user.id)}
                      setDisabled={setUserDisabledAction.bind(null, user.id, !user.disabled)}
                      resetPassword={resetPasswordAction.bind(null, user.id)}
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
