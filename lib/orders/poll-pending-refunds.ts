import { and, asc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mids, transactions } from "@/db/schema";
import { AmazonPayError, type AmazonPayClient, type RefundDetails } from "@/lib/amazon-pay";
import { amazonClientForMid } from "./amazon-client-for-mid";
import { applyRefundState } from "./complete-refund";

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
  const now = options.now ?? Date.now();
  const pending = db
    .select({ refund: transactions, mid: mids })
    .from(transactions)
    .innerJoin(mids, eq(mids.id, transactions.midId))
    .where(and(eq(transactions.type, "REFUND"), eq(transactions.status, "PENDING"), lt(transactions.createdAt, now - (options.olderThanMs ?? 10 * 60_000))))
    .orderBy(asc(transactions.id))
    .limit(options.limit ?? 100)
    .all();
  const report: PollReport = { checked: pending.length, completed: 0, declined: 0, missing: 0 };
  for (const { refund, mid } of pending) {
    let details: RefundDetails | null;
    try {
      details = await findRefund(amazonClientForMid(db, mid, { orderId: refund.orderId, transactionId: refund.id }), refund);
    } catch (error) {
      if (error instanceof AmazonPayError && error.retriable) continue; // Amazon is busy: next run.
      throw error;
    }
    if (!details) {
      // Amazon never created it (the Refund call failed before it was applied): nothing moved.
      db.update(transactions).set({ status: "ERROR", reasonCode: "RefundNotFound", customerMessage: "Amazon has no record of this refund; nothing was refunded.", updatedAt: Date.now() }).where(and(eq(transactions.id, refund.id), eq(transactions.status, "PENDING"))).run();
      report.missing += 1;
      continue;
    }
    const refundDetails = details;
    const change = db.transaction((tx) => applyRefundState(tx, refund.id, refundDetails), { behavior: "immediate" });
    if (change === "completed") report.completed += 1;
    if (change === "declined") report.declined += 1;
  }
  return report;
}
