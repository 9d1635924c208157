import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-user";
import { loadCampaignForPage } from "@/lib/campaigns/load-for-page";
import { formatMinorPlain } from "@/lib/money/money";
import { parseIdParam } from "@/lib/parse-id-param";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ProductForm } from "@/components/campaigns/product-form";
import { saveProductAction } from "../../../actions";

export const metadata = { title: "Edit product" };

export default async function EditProductPage({ params }: { params: Promise<{ id: string; productId: string }> }) {
  const actor = await requirePageActor("campaigns.write");
  const { id, productId } = await params;
  const campaign = await loadCampaignForPage(actor, id);
  const product = campaign.products.find((p) => p.id === parseIdParam(productId) && !p.archivedAt);
  if (!product) notFound();
  const money = (minor: number | null) => (minor === null ? "" : formatMinorPlain(minor, campaign.currency));
  return (
    <>
      <PageHeader
        title={`Edit ${product.name}`}
        back={{ href: `/campaigns/${campaign.id}`, label: campaign.name }}
        description={`Product #${product.id} · ${campaign.currency}`}
      />
      <Card>
        <ProductForm
          action={saveProductAction.bind(null, campaign.id, product.id)}
          currency={campaign.currency}
          submitLabel="Save product"
          defaults={{
            name: product.name,
            sku: product.sku,
            price: money(product.priceMinor),
            shipping: money(product.shippingMinor),
            billing_type: product.billingType,
            cycle_days: String(product.cycleDays ?? 30),
            rebill_price: money(product.rebillPriceMinor),
            trial_days: String(product.trialDays ?? 0),
          }}
        />
      </Card>
    </>
  );
}
