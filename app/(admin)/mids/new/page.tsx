import { requirePageActor } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";
import { MidForm } from "@/components/mids/mid-form";
import { midFormDefaults } from "@/lib/mids/mid-form-defaults";
import { createMidAction } from "../actions";

export const metadata = { title: "New MID" };

export default async function NewMidPage() {
  await requirePageActor("mids.write");
  return (
    <>
      <PageHeader
        title="New MID"
        description="Add an Amazon Pay merchant account. Landers send its id as amazonBillerId."
        back={{ href: "/mids", label: "MIDs" }}
      />
      <MidForm mode="create" defaults={midFormDefaults(null)} action={createMidAction} cancelHref="/mids" />
    </>
  );
}
