import { requirePageActor } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { createCampaignAction } from "../actions";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  await requirePageActor("campaigns.write");
  return (
    <>
      <PageHeader title="New campaign" back={{ href: "/campaigns", label: "Campaigns" }} description="Products and MIDs are added on the campaign's page." />
      <CampaignForm
        action={createCampaignAction}
        defaults={{ name: "", currency: "USD", store_name: "", routing_mode: "priority", capture_mode: "sale" }}
        submitLabel="Create campaign"
        cancelHref="/campaigns"
      />
    </>
  );
}
