import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { forUpdate } from "@/db/dialect";
import { orders, transactions } from "@/db/schema";
import type { RefundDetails } from "@/lib/amazon-pay";
import { recordRefundedVolume } from "@/lib/mids/cap-ledger";
import { monthKey } from "@/lib/money/calendar";
import { lockTransactionRow } from "./lock-transaction-row";

/**
 * Applies Amazon's refund state to our PENDING refund (from the IPN or the poller), once:
 * Completed adds to the order's refunded total and the MID's refunded volume; Declined records why.
 */
export async function applyRefundState(
  tx: Tx,
  refundTransactionId: number,
  refund: RefundDetails,
  at = Date.now(),
): Promise<"completed" | "declined" | "pending" | "already-final"> {
  const charge = await lockTransactionRow(tx, refundTransactionId, () => [monthKey(new Date(at))]);
  if (!charge || charge.status !== "PENDING") return "already-final";
  const state = refund.status.state;
  if (state === "Pending") {
    await tx.update(transactions).set({ amazonRefundId: refund.amazonRefundId, amazonState: "Pending", updatedAt: at }).where(eq(transactions.id, charge.id));
    return "pending";
  }
  if (state === "Completed") {
    // Locked before the refund row is written (its running totals are locked rows too), as a
    // refund being started locks the order before inserting; and two refunds of one order
    // completing at once must both add to its refunded total.
    const [order] = await forUpdate(tx, tx.select().from(orders).where(eq(orders.id, charge.orderId)));
    await tx
      .update(transactions)
      .set({ status: "SUCCESS", amazonRefundId: refund.amazonRefundId, amazonState: "Completed", updatedAt: at })
      .where(eq(transactions.id, charge.id));
    if (order) {
      const refunded = order.refundedMinor + charge.amountMinor;
      await tx
        .update(orders)
        .set({ refundedMinor: refunded, status: refunded >= order.totalMinor ? "REFUNDED" : "PARTIALLY_REFUNDED", updatedAt: at })
        .where(eq(orders.id, order.id));
    }
    await recordRefundedVolume(tx, charge.midId, monthKey(new Date(at)), charge.amountMinor);
    return "completed";
  }
  await tx
    .update(transactions)
    .set({
      status: "HARD_DECLINE",
      amazonRefundId: refund.amazonRefundId,
      amazonState: state,
      reasonCode: refund.status.reasonCode ?? state,
      customerMessage: `Amazon declined the refund${refund.status.reasonCode ? ` (${refund.status.reasonCode})` : ""}.`,
      updatedAt: at,
    })
    .where(eq(transactions.id, charge.id));
  return "declined";
}
