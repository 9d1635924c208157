import type { Db } from "@/db/client";
import { transactions } from "@/db/schema";
import type { AmazonPayClient, RefundDetails } from "@/lib/amazon-pay";
import { applyRefundState } from "./complete-refund";
import { finishStalePending } from "./finish-stale-pending";

type Refund = typeof transactions.$inferSelect;

/** Finds our refund at Amazon: by its id, or (when Refund's answer was lost) via the capture's refund ids. */
async function findRefund(client: AmazonPayClient, refund: Refund): Promise<RefundDetails | null> {
  if (refund.amazonRefundId) return (await client.getRefundDetails({ amazonRefundId: refund.amazonRefundId })).refund;
  if (!refund.amazonCaptureId) return null;
  const { capture } = await client.getCaptureDetails({ amazonCaptureId: refund.amazonCaptureId });
  for (const refundId of capture.refundIds) {
    const details = (await client.getRefundDetails({ amazonRefundId: refundId })).refund;
    if (details.refundReferenceId === refund.referenceId) return details;
  }
  return null;
}

export type PollReport = { checked: number; completed: number; declined: number; missing: number };

/**
 * The IPN's safety net: refunds still PENDING after `olderThanMs` are asked about at Amazon
 * (GetRefundDetails) and completed or declined exactly once, like the IPN would.
 */
export async function pollPendingRefunds(db: Db, options: { olderThanMs?: number; limit?: number; now?: number } = {}): Promise<PollReport> {
  const { checked, missing, changes } = await finishStalePending(db, {
    type: "REFUND",
    olderThanMs: options.olderThanMs ?? 10 * 60_000,
    limit: options.limit ?? 100,
    now: options.now ?? Date.now(),
    find: findRefund,
    apply: applyRefundState,
    // Amazon never created it (the Refund call failed before it was applied): nothing moved.
    missing: { reasonCode: "RefundNotFound", customerMessage: "Amazon has no record of this refund; nothing was refunded." },
  });
  return { checked, missing, completed: changes.filter((c) => c === "completed").length, declined: changes.filter((c) => c === "declined").length };
}
