import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { orders, transactions } from "@/db/schema";
import type { CaptureDetails } from "@/lib/amazon-pay";
import { settleReservation } from "@/lib/mids/cap-ledger";
import { lockTransactionRow } from "./lock-transaction-row";

/**
 * Applies Amazon's capture state to our PENDING capture (from Capture's answer, the IPN or the
 * reconciler), once. Completed turns the authorization's reservation into captured volume (in
 * the cap month it was reserved in, so the cap it was checked against is the one it counts
 * against); Declined releases it. Either way Amazon has closed the authorization.
 */
export async function applyCaptureState(
  tx: Tx,
  captureTransactionId: number,
  capture: CaptureDetails,
  at = Date.now(),
): Promise<"completed" | "declined" | "pending" | "already-final"> {
  const row = await lockTransactionRow(tx, captureTransactionId, (capture) => [capture.capMonth ?? ""]);
  if (!row || row.type !== "CAPTURE" || row.status !== "PENDING") return "already-final";
  const state = capture.status.state;
  if (state === "Pending") {
    await tx.update(transactions).set({ amazonCaptureId: capture.amazonCaptureId, amazonState: "Pending", updatedAt: at }).where(eq(transactions.id, row.id));
    return "pending";
  }
  if (row.parentTransactionId) {
    await tx
      .update(transactions)
      .set({ amazonState: "Closed", reasonCode: "MaxCapturesProcessed", updatedAt: at })
      .where(eq(transactions.id, row.parentTransactionId));
  }
  const capMonth = row.capMonth ?? "";
  if (state === "Completed" || state === "Closed") {
    await tx
      .update(transactions)
      .set({ status: "SUCCESS", amazonCaptureId: capture.amazonCaptureId, amazonState: state, updatedAt: at })
      .where(eq(transactions.id, row.id));
    await settleReservation(tx, row.midId, capMonth, row.amountMinor, row.amountMinor);
    await tx.update(orders).set({ status: "COMPLETE", declineReason: null, customerMessage: null, updatedAt: at }).where(eq(orders.id, row.orderId));
    return "completed";
  }
  const reason = capture.status.reasonCode ?? state;
  await tx
    .update(transactions)
    .set({
      status: "HARD_DECLINE",
      amazonCaptureId: capture.amazonCaptureId,
      amazonState: state,
      reasonCode: reason,
      customerMessage: `Amazon declined the capture (${reason}).`,
      updatedAt: at,
    })
    .where(eq(transactions.id, row.id));
  await settleReservation(tx, row.midId, capMonth, row.amountMinor, 0);
  await tx
    .update(orders)
    .set({ status: "DECLINED", declineReason: reason, customerMessage: `Amazon declined the capture (${reason}).`, updatedAt: at })
    .where(eq(orders.id, row.orderId));
  return "declined";
}
