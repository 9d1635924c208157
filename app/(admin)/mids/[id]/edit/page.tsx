import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { getMid } from "@/lib/mids/list-mids";
import { midFormDefaults } from "@/lib/mids/mid-form-defaults";
import { PageHeader } from "@/components/ui/page-header";
import { MidForm } from "@/components/mids/mid-form";
import { updateMidAction } from "../../actions";
import { parseIdParam } from "@/lib/parse-id-param";
import { titleOfMid } from "@/lib/page-titles/entity-titles";

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) => ({ title: await titleOfMid((await params).id, "Edit MID") });

export default async function EditMidPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("mids.write");
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  let mid;
  try {
    mid = await getMid(getDb(), actor, id);
  } catch {
    notFound();
  }
  return (
    <>
      <PageHeader title={`Edit ${mid.title}`} description={`MID #${mid.id} · ${mid.merchantId}`} back={{ href: `/mids/${mid.id}`, label: mid.title }} />
      <MidForm mode="edit" defaults={midFormDefaults(mid)} action={updateMidAction.bind(null, mid.id)} cancelHref={`/mids/${mid.id}`} />
    </>
  );
}
