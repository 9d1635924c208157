import { formatMoney } from "@/lib/money/money";

export function Money({ minor, currency }: { minor: number; currency: string }) {
  return <span className="tabular whitespace-nowrap">{formatMoney(minor, currency)}</span>;
}
