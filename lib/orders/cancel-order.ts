import { and, eq, inArray } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { mids, orders, transactions } from "@/db/schema";
import { CAPTURED_TYPES } from "@/lib/values/transaction-types";
import { AmazonPayError, isAmazonUnavailable } from "@/lib/amazon-pay";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { AmazonUnavailableError, DomainError } from "@/lib/errors";
import { amazonClientForMid } from "./amazon-client-for-mid";
import { requireReason } from "./order-references";
import { lockOrderRow } from "./lock-order-row";
import { readAuthorization, releaseAuthorization } from "./read-authorization";

/**
 * Cancels an order that has no capture: CancelOrderReference at Amazon (or CloseBillingAgreement
 * for a recurring first charge that never went through), then the order is CANCELED. An open
 * authorization (capture-later campaigns) is closed by Amazon with the order reference, so its
 * cap reservation is released here.
 */
export async function cancelOrder(db: Db, actor: Actor, input: { orderId: number; reason: string }): Promise<void> {
  assertCan(actor, "orders.refund");
  const reason = requireReason(input.reason);
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw new DomainError("Order not found.");
  if (order.status === "CANCELED") return;
  if (order.status === "PENDING") throw new DomainError("This order is still pending at Amazon; wait until it is finished.");
  const [captured] = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.orderId, order.id), inArray(transactions.status, ["SUCCESS", "PENDING"]), inArray(transactions.type, CAPTURED_TYPES)));
  if (captured) throw new DomainError("This order was charged; refund it instead of cancelling.");
  const [mid] = await db.select().from(mids).where(eq(mids.id, order.midId));
  if (!mid) throw new DomainError("The order's MID no longer exists.");
  const client = amazonClientForMid(db, mid, { orderId: order.id });
  try {
    if (order.amazonOrderReferenceId) await client.cancelOrderReference({ amazonOrderReferenceId: order.amazonOrderReferenceId, cancelationReason: reason });
    else if (order.amazonBillingAgreementId)
      await client.closeBillingAgreement({ amazonBillingAgreementId: order.amazonBillingAgreementId, closureReason: reason });
  } catch (error) {
    // Already canceled or closed at Amazon is the state we want.
    const finalAlready = error instanceof AmazonPayError && /InvalidCancelAttempt|InvalidCloseAttempt|InvalidOrderReferenceStatus/.test(error.code);
    if (!finalAlready) {
      // Sending the cancellation again is harmless: already canceled at Amazon counts as done.
      if (error instanceof AmazonPayError && isAmazonUnavailable(error))
        throw new AmazonUnavailableError(`Amazon Pay is unavailable (${error.code}); the order was not canceled. Try again shortly.`);
      throw new DomainError(`Amazon refused the cancellation${error instanceof AmazonPayError ? ` (${error.code}): ${error.message}` : "."}`);
    }
  }
  await runTransaction(db, async (tx) => {
    const current = await lockOrderRow(tx, order.id);
    if (!current || current.status === "CANCELED") return;
    const held = current.status === "AUTHORIZED" ? await readAuthorization(tx, order.id) : null;
    if (held?.open) await releaseAuthorization(tx, held.authorization, "OrderReferenceCanceled", Date.now());
    await tx.update(orders).set({ status: "CANCELED", updatedAt: Date.now() }).where(eq(orders.id, order.id));
    await recordAudit(tx, actor, {
      action: "order.cancel",
      entity: "order",
      entityId: order.id,
      before: { status: current.status },
      after: { status: "CANCELED", reason },
    });
  });
}
