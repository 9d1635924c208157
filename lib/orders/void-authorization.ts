import { eq } from "drizzle-orm";
import { runTransaction, type Db, type Tx } from "@/db/client";
import { mids, orders, transactions } from "@/db/schema";
import { AmazonPayError, type AmazonPayClient } from "@/lib/amazon-pay";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/money";
import { amazonClientForMid } from "./amazon-client-for-mid";
import { lockOrderRow } from "./lock-order-row";
import { buildReferenceId, requireReason } from "./order-references";
import { readAuthorization, releaseAuthorization, type AuthorizationState } from "./read-authorization";

type Order = typeof orders.$inferSelect;

function refusal(order: Order, found: AuthorizationState | null): DomainError {
  if (order.status === "PENDING") return new DomainError("This order is still pending at Amazon; wait until it is finished.");
  if (found?.capture?.status === "PENDING") return new DomainError("A capture of this order is in progress at Amazon; wait for it to finish.");
  if (found?.capture || ["COMPLETE", "PARTIALLY_REFUNDED", "REFUNDED"].includes(order.status))
    return new DomainError("This order was captured; refund it instead of voiding.");
  return new DomainError(`This order has no open authorization to void (it is ${order.status}).`);
}

/** After a refused or unanswered CloseAuthorization: is the authorization closed with nothing captured? */
async function isClosedUncaptured(client: AmazonPayClient, amazonAuthorizationId: string): Promise<boolean> {
  try {
    const { authorization } = await client.getAuthorizationDetails({ amazonAuthorizationId });
    return authorization.status.state === "Closed" && authorization.captureIds.length === 0;
  } catch {
    return false;
  }
}

async function recordVoid(tx: Tx, actor: Actor, orderId: number, reason: string, at: number): Promise<number | null> {
  const order = await lockOrderRow(tx, orderId, at);
  const found = await readAuthorization(tx, orderId);
  // A concurrent void (or cancel) got here first: nothing left to release.
  if (!order || order.status !== "AUTHORIZED" || !found?.open) return null;
  const { authorization } = found;
  const [row] = await tx
    .insert(transactions)
    .values({
      orderId,
      midId: authorization.midId,
      type: "VOID",
      status: "SUCCESS",
      amountMinor: authorization.amountMinor,
      currency: authorization.currency,
      parentTransactionId: authorization.id,
      referenceId: buildReferenceId(orderId, "v", 1),
      amazonOrderReferenceId: authorization.amazonOrderReferenceId,
      amazonAuthorizationId: authorization.amazonAuthorizationId,
      amazonState: "Closed",
      reasonCode: "SellerClosed",
      capMonth: authorization.capMonth,
      customerMessage: reason,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: transactions.id });
  await releaseAuthorization(tx, authorization, "SellerClosed", at);
  await tx.update(orders).set({ status: "VOIDED", updatedAt: at }).where(eq(orders.id, orderId));
  await recordAudit(tx, actor, {
    action: "order.void",
    entity: "order",
    entityId: orderId,
    before: { status: "AUTHORIZED" },
    after: { status: "VOIDED", amount: formatMoney(authorization.amountMinor, authorization.currency), reason, transaction: row.id },
  });
  return row.id;
}

/**
 * Voids an open, uncaptured authorization: CloseAuthorization at Amazon, then a VOID row, the
 * order VOIDED and the cap reservation released. Voiding a voided order again changes nothing.
 */
export async function voidAuthorization(db: Db, actor: Actor, input: { orderId: number; reason: string }): Promise<{ transactionId: number | null }> {
  assertCan(actor, "orders.refund");
  const reason = requireReason(input.reason, "A reason is required to void an authorization.");
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw new DomainError("Order not found.");
  const found = await readAuthorization(db, order.id);
  if (order.status === "VOIDED") return { transactionId: found?.voided?.id ?? null };
  if (order.status !== "AUTHORIZED" || !found?.open || !found.authorization.amazonAuthorizationId) throw refusal(order, found);
  const [mid] = await db.select().from(mids).where(eq(mids.id, order.midId));
  if (!mid) throw new DomainError("The order's MID no longer exists.");
  const authorizationId = found.authorization.amazonAuthorizationId;
  const client = amazonClientForMid(db, mid, { orderId: order.id, transactionId: found.authorization.id });
  try {
    await client.closeAuthorization({ amazonAuthorizationId: authorizationId, closureReason: reason });
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    // Closed already (an earlier void whose answer was lost) is the state we want.
    if (!(await isClosedUncaptured(client, authorizationId))) throw new DomainError(`Amazon refused the void (${error.code}): ${error.message}`);
  }
  const transactionId = await runTransaction(db, async (tx) => recordVoid(tx, actor, order.id, reason, Date.now()));
  return { transactionId: transactionId ?? (await readAuthorization(db, order.id))?.voided?.id ?? null };
}
