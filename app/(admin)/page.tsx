import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listMids } from "@/lib/mids/list-mids";
import { loadDashboard } from "@/lib/dashboard/load-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/badge";
import { MidTable } from "@/components/mids/mid-table";
import { MoneyStat, PlainStat } from "@/components/dashboard/stat";
import { VolumeChart } from "@/components/dashboard/volume-chart";
import { DeclinesByReason } from "@/components/dashboard/declines-by-reason";
import { labelDays } from "@/lib/money/calendar";
import { loadOnboarding } from "@/lib/dashboard/load-onboarding";
import { OnboardingChecklist } from "@/components/dashboard/onboarding-checklist";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requirePageActor("dashboard.read");
  const db = getDb();
  const dashboard = await loadDashboard(db, actor);
  const mids = can(actor.role, "mids.read") ? await listMids(db, actor, { status: "enabled" }) : null;
  const nearCap = mids?.filter((m) => m.room.isOverAlert) ?? [];
  const onboarding = await loadOnboarding(db, actor);
  const currencies = [...new Set(dashboard.chart.series.map((s) => s.currency))];
  return (
    <>
      <PageHeader title="Overview" description="Today and this month, in the merchant's time zone." />
      {onboarding.some((step) => !step.done) && <OnboardingChecklist steps={onboarding} />}
      {nearCap.length > 0 && (
        <div className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status">
          {nearCap.length} MID{nearCap.length > 1 ? "s are" : " is"} past the alert threshold:{" "}
          {nearCap.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ", "}
              <Link href={`/mids/${m.id}`} className="font-medium underline">
                {m.title}
              </Link>{" "}
              ({Math.round(m.room.utilizationPercent)}%)
            </span>
          ))}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
        <MoneyStat label="Gross today" totals={dashboard.grossToday} hint="Captured since midnight" />
        <MoneyStat label="Gross this month" totals={dashboard.grossMonth} hint="Captured month to date, today included" />
        <MoneyStat label="Refunds today" totals={dashboard.refundsToday} negative />
        <MoneyStat label="Refunds this month" totals={dashboard.refundsMonth} negative />
        <MoneyStat label="Net this month" totals={dashboard.netMonth} hint="Gross − refunds" />
        <PlainStat
          label="Approval rate (month)"
          value={dashboard.approvalRate === null ? "—" : `${(dashboard.approvalRate * 100).toFixed(1)}%`}
          hint={`${dashboard.attempts.toLocaleString("en-US")} charge attempts`}
        />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Captured volume, last 30 days" description="Per MID" className="lg:col-span-2">
          {currencies.length === 0 ? (
            <p className="text-sm text-muted">No captured volume in the last 30 days.</p>
          ) : (
            currencies.map((c) => (
              <VolumeChart
                key={c}
                currency={c}
                dayLabels={labelDays(dashboard.chart.start, 30)}
                series={dashboard.chart.series.filter((s) => s.currency === c)}
              />
            ))
          )}
        </Card>
        <Card title="Declines this month" description="By Amazon reason code">
          <DeclinesByReason declines={dashboard.declinesByReason} label="Declines by reason" empty="No declines this month." />
        </Card>
      </div>
      {mids && mids.length > 0 && (
        <div className="mt-6">
          <h2 className="mb-3 text-sm font-semibold text-zinc-900">MIDs this month</h2>
          <MidTable mids={mids} />
        </div>
      )}
      <Card title="Recent declines" className="mt-6">
        {dashboard.recentDeclines.length === 0 ? (
          <p className="text-sm text-muted">None.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 text-sm" aria-label="Recent declines">
            {dashboard.recentDeclines.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="w-40 text-xs text-muted">
                  <LocalTime ms={d.createdAt} />
                </span>
                <Link href={`/orders/${d.orderId}`} className="font-medium text-accent-700 hover:underline">
                  #{d.orderId}
                </Link>
                <StatusBadge status={d.status} />
                <span className="font-mono text-xs">{d.reasonCode}</span>
                <span className="text-xs text-muted">{d.email}</span>
                <span className="ml-auto">
                  <Money minor={d.amountMinor} currency={d.currency} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
