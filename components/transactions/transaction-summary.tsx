import type { CurrencySummary, Figure, TransactionSummary } from "@/lib/transactions/summarize-transactions";
import { Money } from "@/components/ui/money";

function Cell({
  label,
  figure,
  minor,
  currency,
  negative = false,
  hint,
}: {
  label: string;
  figure?: Figure;
  minor: number;
  currency: string;
  negative?: boolean;
  hint?: string;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className={negative ? "text-sm font-semibold text-violet-700" : "text-sm font-semibold text-zinc-900"}>
        <Money minor={negative ? -minor : minor} currency={currency} code />
        {figure && <span className="ml-1 text-xs font-normal text-muted">· {figure.count.toLocaleString("en-US")}</span>}
        {hint && <span className="block text-[11px] font-normal text-muted">{hint}</span>}
      </dd>
    </div>
  );
}

function CurrencyRow({ c }: { c: CurrencySummary }) {
  return (
    <dl
      className="grid grid-cols-2 gap-3 border-t border-zinc-100 px-4 py-3 first:border-t-0 sm:grid-cols-3 lg:grid-cols-6"
      aria-label={`${c.currency} totals`}
    >
      <div>
        <dt className="text-xs font-medium text-muted">Currency</dt>
        <dd className="text-sm font-semibold text-zinc-900">
          {c.currency}
          <span className="ml-1 text-xs font-normal text-muted">· {c.rows.toLocaleString("en-US")} rows</span>
        </dd>
      </div>
      <Cell label="Captured" figure={c.captured} minor={c.captured.minor} currency={c.currency} />
      <Cell label="Refunded" figure={c.refunded} minor={c.refunded.minor} currency={c.currency} negative />
      <Cell label="Net" minor={c.net} currency={c.currency} hint="Captured − refunded" />
      <Cell label="Declined" figure={c.declined} minor={c.declined.minor} currency={c.currency} hint="Not charged" />
      <Cell label="Pending" figure={c.pending} minor={c.pending.minor} currency={c.currency} hint="Awaiting Amazon" />
    </dl>
  );
}

/**
 * The filtered result's figures per currency, in an operator's terms. Only confirmed sales and
 * captures count as captured, only confirmed refunds as refunded; declines and pending rows are
 * shown apart, never added in.
 */
export function TransactionSummaryPanel({ summary }: { summary: TransactionSummary }) {
  return (
    <section aria-label="Summary" className="mb-4 rounded-lg border border-zinc-200 bg-surface shadow-sm">
      <p className="border-b border-zinc-100 px-4 py-2 text-sm text-zinc-600" data-testid="transactions-summary">
        <span className="font-medium text-zinc-900">
          {summary.count.toLocaleString("en-US")}
          {summary.capped && "+"}
        </span>{" "}
        transaction{summary.count === 1 && !summary.capped ? "" : "s"}
        {summary.capped && " match: narrow the search (or add a date range, MID or type) to see its totals"}
      </p>
      {summary.currencies.map((c) => (
        <CurrencyRow key={c.currency} c={c} />
      ))}
    </section>
  );
}
