import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getMid } from "@/lib/mids/list-mids";
import { queryAudit } from "@/lib/audit/list-audit";
import { buildImportOrderParams, buildLanderSnippet } from "@/lib/mids/lander-snippet";
import { REGION_LABELS } from "@/lib/mids/mid-rules";
import { formatBpsAsPercent } from "@/lib/money/money";
import { parseIdParam } from "@/lib/parse-id-param";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EnabledBadge, ModeBadge, Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Money } from "@/components/ui/money";
import { UtilizationBar } from "@/components/ui/utilization-bar";
import { LocalTime } from "@/components/ui/local-time";
import { FlashToast } from "@/components/ui/toast";
import { LanderSnippet } from "@/components/mids/lander-snippet";
import { ActionButton } from "@/components/ui/action-button";
import { AuditChanges } from "@/components/audit/audit-changes";
import { MidInsightsCard } from "@/components/mids/mid-insights";
import { loadMidInsights } from "@/lib/mids/load-mid-insights";
import { auditActionLabel } from "@/lib/audit/describe-audit";
import { setMidEnabledAction, verifyMidAction } from "../actions";
import { titleOfMid } from "@/lib/page-titles/entity-titles";

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) => ({ title: await titleOfMid((await params).id) });

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-5 gap-3 py-2 text-sm">
      <dt className="col-span-2 text-muted">{label}</dt>
      <dd className="col-span-3 break-all text-zinc-900">{children}</dd>
    </div>
  );
}

function SecretState({ isSet }: { isSet: boolean }) {
  return isSet ? <Badge tone="green">Set</Badge> : <Badge tone="slate">Not set</Badge>;
}

export default async function MidDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageActor("mids.read");
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const db = getDb();
  let mid;
  try {
    mid = await getMid(db, actor, id);
  } catch {
    notFound();
  }
  const { saved } = await searchParams;
  const history = (await queryAudit(db, { entity: "mid", entityId: String(mid.id), limit: 20 })).rows;
  const mayWrite = can(actor.role, "mids.write");

  return (
    <>
      <PageHeader
        back={{ href: "/mids", label: "MIDs" }}
        title={
          <span className="flex flex-wrap items-center gap-2">
            {mid.title} <ModeBadge testMode={mid.testMode} /> <EnabledBadge enabled={mid.enabled} />
          </span>
        }
        description={`MID #${mid.id} — landers send amazonBillerId=${mid.id}`}
        actions={
          mayWrite && (
            <>
              <ActionButton label="Verify credentials" action={verifyMidAction.bind(null, mid.id)} showSuccess />
              <ActionButton
                label={mid.enabled ? "Disable" : "Enable"}
                variant={mid.enabled ? "secondary" : "primary"}
                confirmMessage={mid.enabled ? `Disable ${mid.title}?` : undefined}
                confirmDetail="It takes no new orders until it is enabled again; campaigns route to their other MIDs."
                action={setMidEnabledAction.bind(null, mid.id, !mid.enabled)}
              />
              <LinkButton href={`/mids/${mid.id}/edit`}>Edit</LinkButton>
            </>
          )
        }
      />
      {saved && <FlashToast message={saved === "created" ? "MID created." : "Changes saved."} />}
      {/* Columns follow the card's width, not the screen's: six money figures need room side by side. */}
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <Card title="This month" className="@container lg:col-span-3">
          <div className="grid grid-cols-2 gap-6 @md:grid-cols-3 @4xl:grid-cols-6">
            {[
              ["Today (gross)", mid.todayMinor],
              ["Month to date (gross)", mid.grossMonthMinor],
              [mid.capCountsRefunds ? "Cap used (net)" : "Cap used (gross)", mid.room.usedMinor],
              ["Reserved (in flight)", mid.room.reservedMinor],
              ["Cap", mid.monthlyCapMinor],
              ["Left", mid.room.leftMinor],
            ].map(([label, value]) => (
              <div key={label as string}>
                <p className="text-xs font-medium text-muted">{label}</p>
                <p className="mt-1 text-lg font-semibold text-zinc-900">
                  <Money minor={value as number} currency={mid.currency} />
                </p>
              </div>
            ))}
          </div>
          <div className="mt-4">
            <UtilizationBar percent={mid.room.utilizationPercent} alertPercent={mid.capAlertPercent} />
          </div>
        </Card>
        <MidInsightsCard midId={mid.id} currency={mid.currency} insights={await loadMidInsights(db, actor, mid.id)} />
        <Card title="Amazon credentials">
          <dl className="divide-y divide-zinc-100">
            <Row label="Seller ID">
              <span className="font-mono text-xs">{mid.merchantId}</span>
            </Row>
            <Row label="MWS access key">
              <span className="font-mono text-xs">{mid.accessKeyHint}</span>
            </Row>
            <Row label="MWS secret key">
              <SecretState isSet={mid.secretKeySet} />
            </Row>
            <Row label="MWS auth token">
              <SecretState isSet={mid.mwsAuthTokenSet} />
            </Row>
            <Row label="LWA client ID">
              <span className="font-mono text-xs">{mid.clientId}</span>
            </Row>
            <Row label="LWA client secret">
              <SecretState isSet={mid.clientSecretSet} />
            </Row>
            <Row label="Region">
              {mid.region} — {REGION_LABELS[mid.region]}
            </Row>
            <Row label="Currency">{mid.currency}</Row>
            <Row label="Last verified">
              {mid.lastVerifiedAt ? (
                <span data-testid="last-verify">
                  <LocalTime ms={mid.lastVerifiedAt} />
                  <span className={mid.lastVerifyResult?.startsWith("ACTIVE") ? "block text-xs text-emerald-700" : "block text-xs text-red-700"}>
                    {mid.lastVerifyResult}
                  </span>
                </span>
              ) : (
                <span className="text-muted">Never</span>
              )}
            </Row>
          </dl>
        </Card>
        <Card title="Merchant account">
          <dl className="divide-y divide-zinc-100">
            <Row label="Title">{mid.title}</Row>
            <Row label="MID number">{mid.midNumber ?? "—"}</Row>
            <Row label="Descriptor">
              <span className="font-mono text-xs">{mid.descriptor}</span>
            </Row>
            <Row label="Customer service">
              {mid.customerServicePhone}
              {mid.customerServiceEmail && <span className="block text-xs text-muted">{mid.customerServiceEmail}</span>}
            </Row>
            <Row label="Created">
              <LocalTime ms={mid.createdAt} />
            </Row>
            <Row label="Updated">
              <LocalTime ms={mid.updatedAt} />
            </Row>
          </dl>
        </Card>
        <Card title="Limits & fees">
          <dl className="divide-y divide-zinc-100">
            <Row label="Monthly cap">
              <Money minor={mid.monthlyCapMinor} currency={mid.currency} />
            </Row>
            <Row label="Alert at">{mid.capAlertPercent}% of cap</Row>
            <Row label="Refunds give room back">{mid.capCountsRefunds ? "Yes" : "No"}</Row>
            <Row label="Discount rate">{formatBpsAsPercent(mid.discountRateBps)}%</Row>
            <Row label="Reserve rate">{formatBpsAsPercent(mid.reserveRateBps)}%</Row>
            <Row label="Transaction fee">
              <Money minor={mid.transactionFeeMinor} currency={mid.currency} />
            </Row>
            <Row label="Chargeback fee">
              <Money minor={mid.chargebackFeeMinor} currency={mid.currency} />
            </Row>
          </dl>
        </Card>
        <Card title="Lander snippet" description="Paste on the checkout page of a lander that sells through this MID." className="lg:col-span-2">
          <LanderSnippet oneTime={buildLanderSnippet(mid, "one-time")} recurring={buildLanderSnippet(mid, "recurring")} />
        </Card>
        <Card title="Import Order parameters" description="Send these with the usual customer and product fields to POST /api/order/import.">
          <dl className="space-y-3">
            {buildImportOrderParams(mid).map((p) => (
              <div key={p.name}>
                <dt className="font-mono text-xs font-semibold text-zinc-900">{p.name}</dt>
                <dd className="text-xs text-zinc-600">{p.value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card
          title="History"
          description="Every change to this MID, newest first."
          actions={
            can(actor.role, "audit.read") && (
              <LinkButton variant="secondary" size="sm" href={`/settings/audit?entity=mid&q=${mid.id}`}>
                Open in audit log
              </LinkButton>
            )
          }
          className="lg:col-span-3"
        >
          {history.length === 0 ? (
            <p className="text-sm text-muted">No changes recorded yet.</p>
          ) : (
            <ol className="divide-y divide-zinc-100" aria-label="MID history">
              {history.map((entry) => (
                <li key={entry.id} className="grid gap-2 py-3 sm:grid-cols-4">
                  <div className="text-sm">
                    <p className="font-medium text-zinc-900">{auditActionLabel(entry.action)}</p>
                    <p className="text-xs text-muted">{entry.actorLabel}</p>
                    <p className="text-xs text-muted">
                      <LocalTime ms={entry.at} />
                    </p>
                  </div>
                  <div className="sm:col-span-3">
                    <AuditChanges before={entry.before} after={entry.after} currency={entry.currency ?? mid.currency} />
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
