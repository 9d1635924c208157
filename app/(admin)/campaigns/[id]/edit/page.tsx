import { requirePageActor } from "@/lib/auth/current-user";
import { loadCampaignForPage } from "@/lib/campaigns/load-for-page";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { updateCampaignAction } from "../../actions";
import { titleOfCampaign } from "@/lib/page-titles/entity-titles";

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) => ({
  title: await titleOfCampaign((await params).id, "Edit campaign"),
});

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("campaigns.write");
  const campaign = await loadCampaignForPage(actor, (await params).id);
  return (
    <>
      <PageHeader title={`Edit ${campaign.name}`} back={{ href: `/campaigns/${campaign.id}`, label: campaign.name }} />
      <CampaignForm
        action={updateCampaignAction.bind(null, campaign.id)}
        defaults={{
          name: campaign.name,
          currency: campaign.currency,
          store_name: campaign.storeName,
          routing_mode: campaign.routingMode,
          capture_mode: campaign.captureMode,
        }}
        submitLabel="Save changes"
        cancelHref={`/campaigns/${campaign.id}`}
      />
    </>
  );
}
