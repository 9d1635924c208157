import { count, eq, and } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/money";
import { monthKey } from "@/lib/money/calendar";
import { applyRefundState } from "./complete-refund";
import { lockOrderRow } from "./lock-order-row";
import { readRefundable } from "./refund-order";
import { buildReferenceId, requireReason } from "./order-references";

/** Records a refund made outside MID Console (e.g. in Seller Central): no Amazon call. */
export async function markRefundedExternally(db: Db, actor: Actor, input: { orderId: number; amountMinor: number; reason: string }): Promise<void> {
  assertCan(actor, "orders.refund");
  const reason = requireReason(input.reason);
  await runTransaction(db, async (tx) => {
    await lockOrderRow(tx, input.orderId);
    const found = await readRefundable(tx, input.orderId);
    if (!found) throw new DomainError("This order has no captured payment.");
    if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0 || input.amountMinor > found.refundableMinor) {
      throw new DomainError("Check the highlighted fields.", {
        amount: `Enter an amount from 0.01 to ${formatMoney(found.refundableMinor, found.sale.currency)}.`,
      });
    }
    const n =
      ((
        await tx
          .select({ n: count() })
          .from(transactions)
          .where(and(eq(transactions.orderId, input.orderId), eq(transactions.type, "REFUND")))
      )[0]?.n ?? 0) + 1;
    const at = Date.now();
    const [row] = await tx
      .insert(transactions)
      .values({
        orderId: input.orderId,
        midId: found.sale.midId,
        type: "REFUND",
        status: "PENDING",
        amountMinor: input.amountMinor,
        currency: found.sale.currency,
        parentTransactionId: found.sale.id,
        referenceId: buildReferenceId(input.orderId, "x", n),
        amazonOrderReferenceId: found.sale.amazonOrderReferenceId,
        reasonCode: "RefundedExternally",
        customerMessage: reason,
        capMonth: monthKey(new Date(at)),
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: transactions.id });
    await applyRefundState(tx, row.id, { amazonRefundId: "", refundReferenceId: "", status: { state: "Completed" } }, at);
    await tx.update(transactions).set({ amazonRefundId: null, amazonState: "External" }).where(eq(transactions.id, row.id));
    await recordAudit(tx, actor, {
      action: "order.refund_external",
      entity: "order",
      entityId: input.orderId,
      after: { amount: formatMoney(input.amountMinor, found.sale.currency), reason },
    });
  });
}
