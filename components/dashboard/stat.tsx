import { formatMoney } from "@/lib/money/money";
import type { CurrencyTotal } from "@/lib/dashboard/load-dashboard";

export function MoneyStat({ label, totals }: { label: string; totals: CurrencyTotal[] }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-surface px-5 py-4 shadow-sm">
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="mt-1 tabular text-xl font-semibold text-zinc-900">
        {totals.length === 0 ? formatMoney(0, "USD") : totals.map((t) => <span key={t.currency} className="mr-3 inline-block">{formatMoney(t.minor, t.currency)}</span>)}
      </p>
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
