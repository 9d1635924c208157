import type { Db } from "@/db/client";
import { transactions } from "@/db/schema";
import type { AmazonPayClient, CaptureDetails } from "@/lib/amazon-pay";
import { applyCaptureState } from "./complete-capture";
import { finishStalePending } from "./finish-stale-pending";

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
  const { checked, missing, changes } = await finishStalePending(db, {
    type: "CAPTURE",
    olderThanMs: options.olderThanMs ?? 5 * 60_000,
    limit: options.limit ?? 100,
    now: options.now ?? Date.now(),
    find: findCapture,
    apply: applyCaptureState,
    missing: { reasonCode: "CaptureNotFound", customerMessage: "Amazon has no record of this capture; nothing was captured." },
  });
  return { checked, missing, finished: changes.filter((c) => c === "completed" || c === "declined").length };
}
