import { formatMoney } from "@/lib/money/money";
import type { CurrencyTotal } from "@/lib/dashboard/load-dashboard";

/**
 * One figure per currency, each labelled with its code (a USD and a GBP total never read as one
 * number). Refunds pass `negative`: money going back shows with a minus, in its own colour.
 */
export function MoneyStat({ label, totals, hint, negative = false }: { label: string; totals: CurrencyTotal[]; hint?: string; negative?: boolean }) {
  const shown = totals.length === 0 ? [{ currency: "USD", minor: 0 }] : totals;
  return (
    <div className="rounded-lg border border-zinc-200 bg-surface px-5 py-4 shadow-sm">
      <p className="text-xs font-medium text-muted">{label}</p>
      <div className={negative ? "mt-1 tabular text-xl font-semibold text-violet-700" : "mt-1 tabular text-xl font-semibold text-zinc-900"}>
        {shown.map((t) => (
          <p key={t.currency} className="whitespace-nowrap">
            {formatMoney(negative && t.minor !== 0 ? -t.minor : t.minor, t.currency)}
            <span className="ml-1.5 text-xs font-medium text-muted">{t.currency}</span>
          </p>
        ))}
      </div>
      {hint && <p className="mt-1 text-xs text-muted">{hint}</p>}
    </div>
  );
}

export function PlainStat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-surface px-5 py-4 shadow-sm">
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="mt-1 tabular text-xl font-semibold text-zinc-900">{value}</p>
      {hint && <p className="text-xs text-muted">{hint}</p>}
    </div>
  );
}
