import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { runTransaction, type Db, type Tx } from "@/db/client";
import { mids, orders, transactions } from "@/db/schema";
import { CAPTURED_TYPES } from "@/lib/values/transaction-types";
import { AmazonPayError, isAmazonUnavailable } from "@/lib/amazon-pay";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { AmazonUnavailableError, DomainError } from "@/lib/errors";
import { formatMinorPlain, formatMoney, parseMajorToMinor } from "@/lib/money/money";
import { monthKey } from "@/lib/money/calendar";
import { amazonClientForMid } from "./amazon-client-for-mid";
import { applyRefundState } from "./complete-refund";
import { lockOrderRow } from "./lock-order-row";
import { buildReferenceId, requireReason } from "./order-references";

export type RefundRequest = { orderId: number; amountMinor?: number; reason: string };

/**
 * What can still be refunded: the captured sale (or the capture of an authorization, for
 * capture-later campaigns) less refunds that are pending or done.
 */
export async function readRefundable(tx: Pick<Db, "select">, orderId: number) {
  const [sale] = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.orderId, orderId), inArray(transactions.type, CAPTURED_TYPES), eq(transactions.status, "SUCCESS")))
    .orderBy(desc(transactions.id))
    .limit(1);
  if (!sale) return null;
  const [refunded] = await tx
    .select({ total: sql<number>`coalesce(sum(${transactions.amountMinor}), 0)` })
    .from(transactions)
    .where(and(eq(transactions.parentTransactionId, sale.id), eq(transactions.type, "REFUND"), inArray(transactions.status, ["PENDING", "SUCCESS"])));
  return { sale, refundableMinor: sale.amountMinor - Number(refunded?.total ?? 0) };
}

/**
 * A refund amount typed in major units, read in the currency of the order's captured payment:
 * the currency always comes from the order, never from the browser.
 */
export async function parseRefundAmount(db: Pick<Db, "select">, orderId: number, text: string): Promise<number> {
  const found = await readRefundable(db, orderId);
  if (!found) throw new DomainError("This order has no captured payment to refund.");
  const { currency } = found.sale;
  const amountMinor = parseMajorToMinor(text, currency);
  if (amountMinor === null)
    throw new DomainError("Check the highlighted fields.", { amount: `Enter an amount in ${currency}, e.g. ${formatMinorPlain(1000, currency)}.` });
  return amountMinor;
}

async function startRefund(tx: Tx, actor: Actor, request: RefundRequest, reason: string) {
  await lockOrderRow(tx, request.orderId);
  const found = await readRefundable(tx, request.orderId);
  if (!found || !found.sale.amazonCaptureId) throw new DomainError("This order has no captured payment to refund.");
  const amount = request.amountMinor ?? found.refundableMinor;
  const { sale } = found;
  if (!Number.isInteger(amount) || amount <= 0) throw new DomainError("Check the highlighted fields.", { amount: "Enter an amount greater than 0." });
  if (amount > found.refundableMinor) {
    throw new DomainError("Check the highlighted fields.", {
      amount: `At most ${formatMoney(found.refundableMinor, sale.currency)} can still be refunded on this order.`,
    });
  }
  const n =
    ((
      await tx
        .select({ n: sql<number>`count(*)` })
        .from(transactions)
        .where(and(eq(transactions.orderId, request.orderId), eq(transactions.type, "REFUND")))
    )[0]?.n ?? 0) + 1;
  const at = Date.now();
  const [row] = await tx
    .insert(transactions)
    .values({
      orderId: request.orderId,
      midId: sale.midId,
      type: "REFUND",
      status: "PENDING",
      amountMinor: amount,
      currency: sale.currency,
      parentTransactionId: sale.id,
      referenceId: buildReferenceId(request.orderId, "r", n),
      amazonOrderReferenceId: sale.amazonOrderReferenceId,
      amazonCaptureId: sale.amazonCaptureId,
      capMonth: monthKey(new Date(at)),
      customerMessage: reason,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "order.refund",
    entity: "order",
    entityId: request.orderId,
    after: { amount: formatMoney(amount, sale.currency), reason, transaction: row.id },
  });
  return row;
}

/**
 * Refund through Amazon: refused before calling Amazon when it exceeds what is left; the new
 * refund stays PENDING until Amazon's IPN (or the poller) says Completed or Declined.
 */
export async function refundOrder(db: Db, actor: Actor, request: RefundRequest) {
  assertCan(actor, "orders.refund");
  const reason = requireReason(request.reason, "A reason is required for every refund.");
  const refund = await runTransaction(db, async (tx) => startRefund(tx, actor, request, reason));
  const [mid] = await db.select().from(mids).where(eq(mids.id, refund.midId));
  if (!mid) throw new DomainError("The order's MID no longer exists.");
  try {
    const result = await amazonClientForMid(db, mid, { orderId: refund.orderId, transactionId: refund.id }).refund({
      amazonCaptureId: refund.amazonCaptureId as string,
      refundReferenceId: refund.referenceId,
      refundAmount: { amountMinor: refund.amountMinor, currency: refund.currency },
      sellerRefundNote: reason,
    });
    await runTransaction(db, async (tx) => applyRefundState(tx, refund.id, result.refund));
  } catch (error) {
    if (!(error instanceof AmazonPayError) || error.mayHaveApplied) return { transactionId: refund.id, status: "PENDING" as const };
    await db
      .update(transactions)
      .set({ status: "ERROR", reasonCode: error.code, customerMessage: `Amazon refused the refund: ${error.message}`, updatedAt: Date.now() })
      .where(eq(transactions.id, refund.id));
    if (isAmazonUnavailable(error)) throw new AmazonUnavailableError(`Amazon Pay is unavailable (${error.code}); nothing was refunded. Try again shortly.`);
    throw new DomainError(`Amazon refused the refund (${error.code}): ${error.message}`);
  }
  const [after] = await db.select().from(transactions).where(eq(transactions.id, refund.id));
  return { transactionId: refund.id, status: after?.status ?? "PENDING" };
}

export async function orderExists(db: Pick<Db, "select">, orderId: number): Promise<boolean> {
  return Boolean((await db.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)))[0]);
}
