import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listApiUsers } from "@/lib/api-users/manage-api-users";
import { parseIdParam } from "@/lib/parse-id-param";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EditAccessForm } from "@/components/api-users/edit-access-form";
import { updateApiUserAccessAction } from "../actions";
import { titleOfApiUser } from "@/lib/page-titles/entity-titles";

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) => ({ title: await titleOfApiUser((await params).id) });

export default async function ApiUserAccessPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("api_users.manage");
  const id = parseIdParam((await params).id);
  const user = (await listApiUsers(getDb(), actor)).find((u) => u.id === id);
  if (!user) notFound();
  return (
    <>
      <PageHeader title={`Access of ${user.loginId}`} description={user.name} back={{ href: "/settings/api-users", label: "API users" }} />
      <Card>
        <EditAccessForm action={updateApiUserAccessAction.bind(null, user.id)} endpoints={user.allowedEndpoints} ips={user.allowedIps} />
      </Card>
    </>
  );
}
