import { Money } from "@/components/ui/money";

/**
 * A transaction's amount as money moving: a refund is money going back (shown negative, in its
 * own colour), a void or authorization moved nothing (muted), a sale or capture took it.
 */
export function TransactionAmount({
  type,
  status,
  minor,
  currency,
  code = false,
}: {
  type: string;
  status: string;
  minor: number;
  currency: string;
  code?: boolean;
}) {
  const declined = status !== "SUCCESS" && status !== "PENDING";
  const tone = type === "REFUND" ? "text-violet-700" : type === "VOID" || type === "AUTHORIZE" || declined ? "text-muted" : "text-zinc-900";
  return (
    <span className={tone}>
      <Money minor={type === "REFUND" ? -minor : minor} currency={currency} code={code} />
    </span>
  );
}
