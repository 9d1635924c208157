/**
 * Amazon's reason code under a transaction's response. On a declined or failed row it is the
 * cause, shown as a code; on a successful or pending row it only says how Amazon closed the
 * object (an authorization closes with MaxCapturesProcessed once captured), so it reads as a
 * plain note, never like an error.
 */
const NOTES: Record<string, string> = {
  MaxCapturesProcessed: "Closed after capture",
  MaxAmountCharged: "Order fully charged",
  MaxAuthorizationsCaptured: "Closed after capture",
  SellerClosed: "Closed by us",
  AmazonClosed: "Closed by Amazon",
  ExpiredUnused: "Expired unused",
  RefundedExternally: "Refunded outside MID Console",
};

export function ReasonNote({ status, reasonCode }: { status: string; reasonCode: string | null }) {
  if (!reasonCode) return null;
  if (status === "SUCCESS" || status === "PENDING") {
    return (
      <span className="block text-[11px] text-muted" title={reasonCode}>
        {NOTES[reasonCode] ?? reasonCode}
      </span>
    );
  }
  return <span className="block font-mono text-[11px] text-red-700">{reasonCode}</span>;
}
