import { formatMoney } from "@/lib/money/money";

/** An amount; `code` adds the currency code ("$1.00 USD") wherever figures in several currencies sit together. */
export function Money({ minor, currency, code = false }: { minor: number; currency: string; code?: boolean }) {
  return (
    <span className="tabular whitespace-nowrap">
      {formatMoney(minor, currency)}
      {code && <span className="ml-1 text-[0.75em] font-medium text-muted">{currency}</span>}
    </span>
  );
}
