import Link from "next/link";
import type { MidInsights } from "@/lib/mids/load-mid-insights";
import { INSIGHT_DAYS } from "@/lib/mids/load-mid-insights";
import { labelDays } from "@/lib/money/calendar";
import { formatMoney } from "@/lib/money/money";
import { Card } from "@/components/ui/card";
import { DeclinesByReason } from "@/components/dashboard/declines-by-reason";
import { DailyBarChart } from "@/components/charts/daily-bar-chart";
import { DECLINE_COLOR, SERIES_COLORS } from "@/components/charts/chart-colors";

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <p className="text-xs font-medium text-zinc-600">{label}</p>
      <p className="mt-1 tabular text-lg font-semibold text-zinc-900">{value}</p>
      {hint && <p className="text-xs text-zinc-600">{hint}</p>}
    </div>
  );
}

/** The MID page's last 30 days: approval, declines by reason, volume and attempts per day. */
export function MidInsightsCard({ midId, currency, insights }: { midId: number; currency: string; insights: MidInsights }) {
  const labels = labelDays(insights.fromMs, INSIGHT_DAYS);
  const captured = insights.days.reduce((sum, d) => sum + d.capturedMinor, 0);
  const declined = insights.attempts - insights.approved;
  const rate = insights.approvalRate === null ? "—" : `${(insights.approvalRate * 100).toFixed(1)} %`;
  return (
    <Card
      title={`Last ${INSIGHT_DAYS} days`}
      description="Charge attempts, approvals and captured volume on this MID, by day in the merchant's time zone."
      className="lg:col-span-3"
      actions={
        <span className="flex shrink-0 flex-wrap gap-3 text-sm">
          <Link href={`/orders?mid=${midId}`} className="font-medium text-accent-700 hover:underline">
            Orders on this MID
          </Link>
          <Link href={`/transactions?mid=${midId}`} className="font-medium text-accent-700 hover:underline">
            Transactions
          </Link>
        </span>
      }
    >
      <div className="grid gap-6 sm:grid-cols-4" data-testid="mid-insight-figures">
        <Figure label="Approval rate" value={rate} hint={`${insights.attempts.toLocaleString("en-US")} charge attempts`} />
        <Figure label="Approved" value={insights.approved.toLocaleString("en-US")} />
        <Figure label="Declined or failed" value={declined.toLocaleString("en-US")} />
        <Figure label={`Captured (${currency})`} value={formatMoney(captured, currency)} />
      </div>
      {insights.attempts === 0 && captured === 0 ? (
        <p className="mt-6 text-sm text-zinc-600">No orders on this MID in the last {INSIGHT_DAYS} days: charts appear with the first order.</p>
      ) : (
        <div className="mt-6 grid min-w-0 gap-6 lg:grid-cols-3">
          <div className="min-w-0">
            <h3 className="mb-2 text-xs font-semibold text-zinc-700">Captured per day ({currency})</h3>
            <DailyBarChart
              currency={currency}
              rows={insights.days.map((d) => ({ label: labels[d.day], captured: d.capturedMinor }))}
              series={[{ key: "captured", label: "Captured", color: SERIES_COLORS[0] }]}
              summary={`Captured per day, last ${INSIGHT_DAYS} days: ${formatMoney(captured, currency)} in all.`}
            />
          </div>
          <div className="min-w-0">
            <h3 className="mb-2 text-xs font-semibold text-zinc-700">Attempts per day</h3>
            <DailyBarChart
              rows={insights.days.map((d) => ({ label: labels[d.day], approved: d.approved, declined: d.declined }))}
              series={[
                { key: "approved", label: "Approved", color: SERIES_COLORS[2] },
                { key: "declined", label: "Declined", color: DECLINE_COLOR },
              ]}
              summary={`Charge attempts per day, last ${INSIGHT_DAYS} days: ${insights.approved} approved, ${declined} declined or failed.`}
            />
          </div>
          <div className="min-w-0">
            <h3 className="mb-2 text-xs font-semibold text-zinc-700">Declines by reason</h3>
            <DeclinesByReason declines={insights.declinesByReason} label="Declines by reason on this MID" empty="No declines." />
          </div>
        </div>
      )}
    </Card>
  );
}
