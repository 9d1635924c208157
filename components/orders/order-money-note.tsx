import { formatMoney } from "@/lib/money/money";

/**
 * The lines under an order's status wherever orders are listed: money Amazon holds but nobody
 * captured, and refunds or captures sent but not confirmed, so nobody charges or refunds twice.
 */
export function OrderMoneyNote({
  status,
  totalMinor,
  currency,
  refundPendingMinor = 0,
  capturePendingMinor = 0,
  where = "list",
}: {
  status: string;
  totalMinor: number;
  currency: string;
  refundPendingMinor?: number;
  capturePendingMinor?: number;
  where?: "list" | "order";
}) {
  const lines: Array<{ text: string; className: string }> = [];
  if (status === "AUTHORIZED" && capturePendingMinor === 0) {
    lines.push({
      text: `Authorized ${formatMoney(totalMinor, currency)} — capture it ${where === "list" ? "from the order page" : "below"}`,
      className: "text-sky-800",
    });
  }
  if (capturePendingMinor > 0) lines.push({ text: `Capture pending ${formatMoney(capturePendingMinor, currency)}`, className: "text-sky-800" });
  if (refundPendingMinor > 0) lines.push({ text: `Refund pending ${formatMoney(refundPendingMinor, currency)}`, className: "text-violet-700" });
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((l) => (
        <span key={l.text} className={`mt-0.5 block text-[11px] font-medium ${l.className}`}>
          {l.text}
        </span>
      ))}
    </>
  );
}
