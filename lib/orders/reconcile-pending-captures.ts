import { and, asc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mids, transactions } from "@/db/schema";
import { AmazonPayError, type AmazonPayClient, type CaptureDetails } from "@/lib/amazon-pay";
import { amazonClientForMid } from "./amazon-client-for-mid";
import { applyCaptureState } from "./complete-capture";

type Capture = typeof transactions.$inferSelect;

/** Our capture at Amazon: by its id, or (when Capture's answer was lost) via the authorization's capture ids. */
async function findCapture(client: AmazonPayClient, capture: Capture): Promise<CaptureDetails | null> {
  if (capture.amazonCaptureId) return (await client.getCaptureDetails({ amazonCaptureId: capture.amazonCaptureId })).capture;
  if (!capture.amazonAuthorizationId) return null;
  const { authorization } = await client.getAuthorizationDetails({ amazonAuthorizationId: capture.amazonAuthorizationId });
  for (const captureId of authorization.captureIds) {
    const details = (await client.getCaptureDetails({ amazonCaptureId: captureId })).capture;
    if (details.captureReferenceId === capture.referenceId) return details;
  }
  return null;
}

export type CaptureReconcileReport = { checked: number; finished: number; missing: number };

/**
 * Captures left PENDING (the process died, or Amazon's answer was lost) are looked up at Amazon
 * and finished exactly once. One Amazon never received becomes ERROR: the authorization is
 * still open, so support can capture again. Never sends a new Capture itself.
 */
export async function reconcilePendingCaptures(db: Db, options: { olderThanMs?: number; limit?: number; now?: number } = {}): Promise<CaptureReconcileReport> {
  const now = options.now ?? Date.now();
  const pending = db
    .select({ capture: transactions, mid: mids })
    .from(transactions)
    .innerJoin(mids, eq(mids.id, transactions.midId))
    .where(and(eq(transactions.type, "CAPTURE"), eq(transactions.status, "PENDING"), lt(transactions.createdAt, now - (options.olderThanMs ?? 5 * 60_000))))
    .orderBy(asc(transactions.id))
    .limit(options.limit ?? 100)
    .all();
  const report: CaptureReconcileReport = { checked: pending.length, finished: 0, missing: 0 };
  for (const { capture, mid } of pending) {
    let details: CaptureDetails | null;
    try {
      details = await findCapture(amazonClientForMid(db, mid, { orderId: capture.orderId, transactionId: capture.id }), capture);
    } catch (error) {
      if (error instanceof AmazonPayError && error.retriable) continue; // Amazon is busy: next run.
      throw error;
    }
    if (!details) {
      db.update(transactions).set({ status: "ERROR", reasonCode: "CaptureNotFound", customerMessage: "Amazon has no record of this capture; nothing was captured.", updatedAt: Date.now() }).where(and(eq(transactions.id, capture.id), eq(transactions.status, "PENDING"))).run();
      report.missing += 1;
      continue;
    }
    const found = details;
    const change = db.transaction((tx) => applyCaptureState(tx, capture.id, found), { behavior: "immediate" });
    if (change === "completed" || change === "declined") report.finished += 1;
  }
  return report;
}
