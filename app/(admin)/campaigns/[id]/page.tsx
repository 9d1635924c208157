import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { loadCampaignForPage } from "@/lib/campaigns/load-for-page";
import { listMids } from "@/lib/mids/list-mids";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge, EnabledBadge, ModeBadge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { ActionButton } from "@/components/ui/action-button";
import { FlashToast } from "@/components/ui/toast";
import { Table, Th, Td } from "@/components/ui/table";
import { Money } from "@/components/ui/money";
import { UtilizationBar } from "@/components/ui/utilization-bar";
import { ProductForm, EMPTY_PRODUCT } from "@/components/campaigns/product-form";
import { AssignMidForm } from "@/components/campaigns/assign-mid-form";
import { AssignmentControls } from "@/components/campaigns/assignment-controls";
import { computeRoutingShares } from "@/lib/campaigns/routing-shares";
import { archiveProductAction, removeAssignmentAction, saveAssignmentAction, saveProductAction, setCampaignArchivedAction } from "../actions";
import { titleOfCampaign } from "@/lib/page-titles/entity-titles";

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) => ({ title: await titleOfCampaign((await params).id) });

const SAVED: Record<string, string> = { created: "Campaign created. Add products and assign MIDs next.", updated: "Changes saved.", product: "Product saved." };

/** "60 %", "33.3 %", "—" for none: what share of new orders routing sends to a MID now. */
function formatShare(share: number): string {
  if (share === 0) return "—";
  const percent = share * 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)} %`;
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageActor("campaigns.read");
  const campaign = await loadCampaignForPage(actor, (await params).id);
  const { saved } = await searchParams;
  const mayWrite = can(actor.role, "campaigns.write");
  const products = campaign.products.filter((p) => !p.archivedAt);
  const shares = computeRoutingShares(campaign.routingMode, campaign.assignments, campaign.currency);
  const assignedIds = new Set(campaign.assignments.map((a) => a.midId));
  const assignable = mayWrite
    ? (await listMids(getDb(), actor, { currency: campaign.currency }))
        .filter((m) => !assignedIds.has(m.id))
        .map((m) => ({ value: String(m.id), label: `#${m.id} ${m.title}${m.enabled ? "" : " (disabled)"}` }))
    : [];

  return (
    <>
      <PageHeader
        back={{ href: "/campaigns", label: "Campaigns" }}
        title={
          <span className="flex items-center gap-2">
            {campaign.name} {campaign.status === "archived" && <Badge tone="slate">Archived</Badge>}
          </span>
        }
        description={`Campaign #${campaign.id} · ${campaign.currency} · store “${campaign.storeName}” · ${campaign.routingMode} routing · ${campaign.captureMode === "authorize" ? "authorize only, capture or void from the order page" : "captured immediately (sale)"}`}
        actions={
          mayWrite && (
            <>
              <ActionButton
                label={campaign.status === "active" ? "Archive" : "Restore"}
                confirmMessage={campaign.status === "active" ? "Archive this campaign? Landers can no longer place orders in it." : undefined}
                action={setCampaignArchivedAction.bind(null, campaign.id, campaign.status === "active")}
              />
              <LinkButton href={`/campaigns/${campaign.id}/edit`}>Edit</LinkButton>
            </>
          )
        }
      />
      {saved && SAVED[saved] && <FlashToast message={SAVED[saved]} />}
      <div className="space-y-6">
        <Card
          title="MIDs"
          description={`Orders go to enabled MIDs with cap room, by ${campaign.routingMode === "priority" ? "priority (1 first)" : "weight"}. Cap room is this month's; the share column says where new orders go now.`}
        >
          {campaign.assignments.length === 0 ? (
            <p className="mb-4 text-sm text-muted">No MIDs assigned yet: landers cannot place orders in this campaign until one is.</p>
          ) : (
            <div className="mb-5">
              <Table label="Assigned MIDs">
                <thead>
                  <tr>
                    <Th>MID</Th>
                    {/* Routing sits next to the MID so a phone or tablet never has to scroll to reach it. */}
                    <Th>{mayWrite ? "Priority · weight · on" : "Priority · weight"}</Th>
                    <Th priority="md">State</Th>
                    <Th align="right">Share now</Th>
                    <Th align="right" priority="2xl">
                      Today
                    </Th>
                    <Th align="right" priority="2xl">
                      Cap used
                    </Th>
                    <Th align="right" priority="lg">
                      Cap
                    </Th>
                    <Th align="right">Left</Th>
                    <Th priority="lg">Utilization</Th>
                    {mayWrite && <Th srOnly>Actions</Th>}
                  </tr>
                </thead>
                <tbody>
                  {campaign.assignments.map(({ mid, ...a }) => (
                    <tr key={mid.id}>
                      <Td className="min-w-44">
                        <Link href={`/mids/${mid.id}`} className="font-medium hover:underline">
                          #{mid.id} {mid.title}
                        </Link>
                        <span className="block font-mono text-xs text-muted">{mid.merchantId}</span>
                      </Td>
                      <Td>
                        {mayWrite ? (
                          <AssignmentControls
                            midTitle={mid.title}
                            priority={a.priority}
                            weight={a.weight}
                            enabled={a.enabled}
                            action={saveAssignmentAction.bind(null, campaign.id, mid.id)}
                          />
                        ) : (
                          <span className="tabular text-xs">
                            {a.priority} · {a.weight}
                            {a.enabled ? "" : " · off"}
                          </span>
                        )}
                      </Td>
                      <Td priority="md">
                        <span className="flex flex-wrap gap-1">
                          <ModeBadge testMode={mid.testMode} />
                          {!mid.enabled ? (
                            <EnabledBadge enabled={false} />
                          ) : !a.enabled ? (
                            <Badge tone="slate">Off here</Badge>
                          ) : (
                            <Badge tone="green">Taking orders</Badge>
                          )}
                        </span>
                      </Td>
                      <Td align="right">
                        <span data-testid={`routing-share-${mid.id}`}>{formatShare(shares.get(mid.id) ?? 0)}</span>
                      </Td>
                      <Td align="right" priority="2xl">
                        <Money minor={mid.todayMinor} currency={mid.currency} />
                      </Td>
                      <Td align="right" priority="2xl">
                        <Money minor={mid.room.usedMinor} currency={mid.currency} />
                      </Td>
                      <Td align="right" priority="lg">
                        <Money minor={mid.monthlyCapMinor} currency={mid.currency} />
                      </Td>
                      <Td align="right">
                        <Money minor={mid.room.leftMinor} currency={mid.currency} />
                      </Td>
                      <Td priority="lg">
                        <UtilizationBar percent={mid.room.utilizationPercent} alertPercent={mid.capAlertPercent} />
                      </Td>
                      {mayWrite && (
                        <Td align="right">
                          <ActionButton
                            label="Remove"
                            size="sm"
                            variant="ghost"
                            confirmMessage={`Remove ${mid.title} from this campaign?`}
                            action={removeAssignmentAction.bind(null, campaign.id, mid.id)}
                          />
                        </Td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
          {mayWrite && <AssignMidForm action={saveAssignmentAction.bind(null, campaign.id, null)} options={assignable} />}
        </Card>
        <Card title="Products" description="Landers send product ids as product1_id, product2_id, …">
          {products.length === 0 ? (
            <p className="mb-4 text-sm text-muted">No products yet.</p>
          ) : (
            <div className="mb-5">
              <Table label="Products">
                <thead>
                  <tr>
                    <Th priority="md">ID</Th>
                    <Th>Product</Th>
                    <Th priority="md">Billing</Th>
                    <Th align="right">Price</Th>
                    <Th align="right" priority="lg">
                      Shipping
                    </Th>
                    <Th priority="lg">Recurring</Th>
                    {mayWrite && <Th srOnly>Actions</Th>}
                  </tr>
                </thead>
                <tbody>
                  {products.map((p) => (
                    <tr key={p.id}>
                      <Td priority="md" className="tabular text-muted">
                        {p.id}
                      </Td>
                      <Td>
                        <span className="font-medium">{p.name}</span>
                        <span className="block font-mono text-xs text-muted">{p.sku}</span>
                      </Td>
                      <Td priority="md">{p.billingType === "recurring" ? <Badge tone="violet">Recurring</Badge> : <Badge tone="slate">One-time</Badge>}</Td>
                      <Td align="right">
                        <Money minor={p.priceMinor} currency={campaign.currency} />
                      </Td>
                      <Td align="right" priority="lg">
                        <Money minor={p.shippingMinor} currency={campaign.currency} />
                      </Td>
                      <Td priority="lg" className="text-xs text-zinc-600">
                        {p.billingType === "recurring" && p.rebillPriceMinor !== null ? (
                          <>
                            <Money minor={p.rebillPriceMinor} currency={campaign.currency} /> every {p.cycleDays} days
                            {p.trialDays ? `, ${p.trialDays}-day trial` : ""}
                          </>
                        ) : (
                          "—"
                        )}
                      </Td>
                      {mayWrite && (
                        <Td align="right">
                          <span className="inline-flex items-center gap-1">
                            <LinkButton href={`/campaigns/${campaign.id}/products/${p.id}`} variant="ghost" size="sm">
                              Edit
                            </LinkButton>
                            <ActionButton
                              label="Archive"
                              size="sm"
                              variant="ghost"
                              confirmMessage={`Archive ${p.name}? Landers can no longer order it.`}
                              action={archiveProductAction.bind(null, campaign.id, p.id)}
                            />
                          </span>
                        </Td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
          {mayWrite && (
            <div className="rounded-md border border-zinc-200 bg-zinc-50/50 p-4">
              <h3 className="mb-3 text-sm font-medium text-zinc-800">Add a product</h3>
              <ProductForm
                action={saveProductAction.bind(null, campaign.id, null)}
                defaults={EMPTY_PRODUCT}
                currency={campaign.currency}
                submitLabel="Add product"
              />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
