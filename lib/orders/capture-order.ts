import { and, count, eq } from "drizzle-orm";
import { runTransaction, type Db, type Tx } from "@/db/client";
import { mids, transactions } from "@/db/schema";
import { AmazonPayError } from "@/lib/amazon-pay";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/money";
import { lockOrderRow } from "./lock-order-row";
import { amazonClientForMid } from "./amazon-client-for-mid";
import { applyCaptureState } from "./complete-capture";
import { buildReferenceId } from "./order-references";
import { readAuthorization } from "./read-authorization";

type Row = typeof transactions.$inferSelect;

/**
 * The CAPTURE row to send: a new PENDING one, or the one already PENDING (a crash or a lost
 * answer), which is retried with the same CaptureReferenceId so Amazon replays rather than
 * captures twice. A finished capture is returned as is.
 */
async function startCapture(tx: Tx, actor: Actor, orderId: number): Promise<Row> {
  const order = await lockOrderRow(tx, orderId);
  if (!order) throw new DomainError("Order not found.");
  const found = await readAuthorization(tx, orderId);
  if (found?.capture) return found.capture;
  if (order.status !== "AUTHORIZED" || !found?.open || !found.authorization.amazonAuthorizationId) {
    throw new DomainError(`This order has no open authorization to capture (it is ${order.status}).`);
  }
  const { authorization } = found;
  const n =
    ((
      await tx
        .select({ n: count() })
        .from(transactions)
        .where(and(eq(transactions.orderId, orderId), eq(transactions.type, "CAPTURE")))
    )[0]?.n ?? 0) + 1;
  const at = Date.now();
  const [row] = await tx
    .insert(transactions)
    .values({
      orderId,
      midId: authorization.midId,
      type: "CAPTURE",
      status: "PENDING",
      amountMinor: authorization.amountMinor,
      currency: authorization.currency,
      parentTransactionId: authorization.id,
      referenceId: buildReferenceId(orderId, "c", n),
      amazonOrderReferenceId: authorization.amazonOrderReferenceId,
      amazonAuthorizationId: authorization.amazonAuthorizationId,
      // The reservation being settled lives in the authorization's cap month.
      capMonth: authorization.capMonth,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "order.capture",
    entity: "order",
    entityId: orderId,
    after: { amount: formatMoney(row.amountMinor, row.currency), transaction: row.id },
  });
  return row;
}

/**
 * Captures an open authorization in full (Amazon allows one capture per authorization). The
 * PENDING row is written before Amazon is called; the answer settles the cap reservation.
 */
export async function captureOrder(db: Db, actor: Actor, input: { orderId: number }): Promise<{ transactionId: number; status: Row["status"] }> {
  assertCan(actor, "orders.refund");
  const capture = await runTransaction(db, async (tx) => startCapture(tx, actor, input.orderId));
  if (capture.status !== "PENDING") return { transactionId: capture.id, status: capture.status };
  const [mid] = await db.select().from(mids).where(eq(mids.id, capture.midId));
  if (!mid) throw new DomainError("The order's MID no longer exists.");
  try {
    const result = await amazonClientForMid(db, mid, { orderId: capture.orderId, transactionId: capture.id }).capture({
      amazonAuthorizationId: capture.amazonAuthorizationId as string,
      captureReferenceId: capture.referenceId,
      captureAmount: { amountMinor: capture.amountMinor, currency: capture.currency },
      softDescriptor: mid.descriptor,
    });
    await runTransaction(db, async (tx) => applyCaptureState(tx, capture.id, result.capture));
  } catch (error) {
    // Maybe applied: the row stays PENDING; capturing again (or the reconciler) finds out.
    if (!(error instanceof AmazonPayError) || error.mayHaveApplied) return { transactionId: capture.id, status: "PENDING" };
    await db
      .update(transactions)
      .set({ status: "ERROR", reasonCode: error.code, customerMessage: `Amazon refused the capture: ${error.message}`, updatedAt: Date.now() })
      .where(eq(transactions.id, capture.id));
    if (error.code === "InvalidAuthorizationStatus") {
      // Expired (30 days; 2 in the sandbox) or closed at Amazon: only a void releases the cap now.
      throw new DomainError(
        "Amazon no longer accepts a capture of this authorization (it expired or was closed there). Void it to release the MID's cap, and ask the buyer to order again.",
      );
    }
    throw new DomainError(`Amazon refused the capture (${error.code}): ${error.message}`);
  }
  const [after] = await db.select().from(transactions).where(eq(transactions.id, capture.id));
  return { transactionId: capture.id, status: after?.status ?? "PENDING" };
}
