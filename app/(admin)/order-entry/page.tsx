import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { loadCampaignForPage } from "@/lib/campaigns/load-for-page";
import { ORDER_SIMULATIONS } from "@/lib/orders/sandbox-simulations";
import { parseIdParam } from "@/lib/parse-id-param";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { formatMoney } from "@/lib/money/money";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { OrderEntryForm } from "@/components/order-entry/order-entry-form";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";
import { createSandboxCheckoutAction, placeOrderAction } from "./actions";

export const metadata = { title: "Order entry" };

export default async function OrderEntryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("orders.create");
  const campaigns = await listCampaigns(getDb(), actor, { status: "active" });
  const urlValues = readSearchParams(await searchParams);
  const chosen = urlValues.read("campaign", (raw) => campaigns.find((c) => c.id === parseIdParam(raw)) ?? null, "must be the id of an active campaign");
  const selected = chosen ?? (campaigns.length === 1 ? campaigns[0] : undefined);
  const campaign = selected ? await loadCampaignForPage(actor, String(selected.id)) : null;
  const products = campaign?.products.filter((p) => !p.archivedAt) ?? [];
  const mids = campaign?.assignments.filter((a) => a.enabled && a.mid.enabled) ?? [];

  return (
    <>
      <PageHeader title="Order entry" description="Place an Amazon Pay order by hand, through the same pipeline as the Import Order API." />
      <form method="get" className="mb-6 flex flex-wrap items-center gap-2" aria-label="Choose campaign">
        <label htmlFor="campaign" className="text-sm font-medium text-zinc-700">
          Campaign
        </label>
        <select
          id="campaign"
          name="campaign"
          defaultValue={campaign ? String(campaign.id) : ""}
          className="min-w-0 max-w-full rounded-md border-0 py-1.5 pl-2.5 pr-8 text-sm ring-1 ring-inset ring-zinc-300"
        >
          <option value="" disabled>
            Choose a campaign…
          </option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.id} {c.name} ({c.currency})
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClasses("secondary", "sm")}>
          Use campaign
        </button>
      </form>
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {!campaign ? (
        <EmptyState
          title={campaigns.length ? "Choose a campaign" : "No active campaigns"}
          description={
            campaigns.length ? "Products, MIDs and the currency come from the campaign." : "Create a campaign with products and an assigned MID first."
          }
        />
      ) : products.length === 0 || mids.length === 0 ? (
        <EmptyState
          title="This campaign cannot take orders yet"
          description={products.length === 0 ? "Add a product to the campaign first." : "Assign and enable a MID for this campaign first."}
        />
      ) : (
        <OrderEntryForm
          key={campaign.id}
          products={products.map((p) => ({
            value: String(p.id),
            label: `${p.name} — ${formatMoney(p.priceMinor, campaign.currency)}${p.billingType === "recurring" ? " (recurring)" : ""}`,
            recurring: p.billingType === "recurring",
          }))}
          mids={mids.map((a) => ({
            value: String(a.mid.id),
            label: `#${a.mid.id} ${a.mid.title}${a.mid.testMode ? " (sandbox)" : ""}`,
            testMode: a.mid.testMode,
          }))}
          simulations={ORDER_SIMULATIONS.map((s) => ({ value: s.id, label: s.label }))}
          emulatorAvailable={Boolean(process.env.AMAZON_PAY_ENDPOINT_OVERRIDE)}
          placeOrder={placeOrderAction.bind(null, campaign.id)}
          createCheckout={createSandboxCheckoutAction}
        />
      )}
    </>
  );
}
