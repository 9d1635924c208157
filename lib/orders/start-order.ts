import { runTransaction, type Db, type Tx } from "@/db/client";
import { isUniqueViolation, lockForTransaction } from "@/db/dialect";
import {
  countChargeAttempts,
  findFirstOrderOfBillingAgreement,
  findOrderByIdempotencyKey,
  findOrderByOrderReference,
  insertCharge as insertChargeRow,
  insertOrder,
  insertOrderItem,
  updateOrder,
} from "@/db/queries/orders/start-order-statements";
import { ApiError } from "@/lib/api/api-error";
import { CapExceededError, reserveCap } from "@/lib/mids/cap-ledger";
import { formatMoney } from "@/lib/money/money";
import { monthKey } from "@/lib/money/calendar";
import type { ImportOrderInput } from "./import-order-input";
import type { OrderPlan } from "./plan-order";
import { buildReferenceId } from "./order-references";

export type StartedCharge = { orderId: number; transactionId: number; referenceId: string; capMonth: string; amountMinor: number; attempt: number };
export type StartResult = { kind: "started"; charge: StartedCharge } | { kind: "existing"; orderId: number };

const RETRYABLE_STATUSES = new Set(["DECLINED", "ERROR"]);

async function findExisting(tx: Tx, input: ImportOrderInput) {
  if (input.idempotencyKey) {
    const byKey = await findOrderByIdempotencyKey(tx, input.idempotencyKey);
    if (byKey) return byKey;
  }
  return /^[PS]/.test(input.amazonOrderId) ? findOrderByOrderReference(tx, input.amazonOrderId) : findFirstOrderOfBillingAgreement(tx, input.amazonOrderId);
}

async function insertCharge(tx: Tx, orderId: number, plan: OrderPlan, input: ImportOrderInput, capMonth: string, now: number): Promise<StartedCharge> {
  const attempt = (await countChargeAttempts(tx, orderId)) + 1;
  const referenceId = buildReferenceId(orderId, "a", attempt);
  const isOro = plan.kind === "order_reference";
  const transactionId = await insertChargeRow(tx, {
    orderId,
    midId: plan.mid.id,
    type: plan.captureNow ? "SALE" : "AUTHORIZE",
    status: "PENDING",
    amountMinor: plan.totalMinor,
    currency: plan.mid.currency,
    referenceId,
    amazonOrderReferenceId: isOro ? input.amazonOrderId : null,
    amazonBillingAgreementId: isOro ? null : input.amazonOrderId,
    capMonth,
    createdAt: now,
    updatedAt: now,
  });
  return { orderId, transactionId, referenceId, capMonth, amountMinor: plan.totalMinor, attempt };
}

/**
 * The first transaction of an order: idempotency, the cap reservation, the PENDING order and
 * charge rows — all in one transaction, so concurrent imports can neither pass the cap nor
 * create two orders for one Amazon id. SQLite's BEGIN IMMEDIATE admits one writer at a time; on
 * PostgreSQL imports of the same Amazon id (or idempotency key) take turns on an advisory lock,
 * so the second one sees the first one's committed order and answers it. Billing agreements have
 * no unique index (upsells reuse them), so the lock, not the index, is what keeps them to one
 * order; for order references the unique index is the backstop, and losing on it means the
 * winner has committed: the start runs once more and finds it.
 */
export async function startOrder(db: Db, plan: OrderPlan, input: ImportOrderInput, source: "api" | "order_entry", now = new Date()): Promise<StartResult> {
  try {
    return await startOrderOnce(db, plan, input, source, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return startOrderOnce(db, plan, input, source, now);
  }
}

async function startOrderOnce(db: Db, plan: OrderPlan, input: ImportOrderInput, source: "api" | "order_entry", now: Date): Promise<StartResult> {
  const capMonth = monthKey(now);
  const at = now.getTime();
  try {
    return await runTransaction(db, async (tx) => {
      // Fixed order (key, then Amazon id) so two imports never wait on each other in a cycle.
      if (input.idempotencyKey) await lockForTransaction(tx, `order-key:${input.idempotencyKey}`);
      await lockForTransaction(tx, `order-amazon-id:${input.amazonOrderId}`);
      const existing = await findExisting(tx, input);
      if (existing && !RETRYABLE_STATUSES.has(existing.status)) return { kind: "existing", orderId: existing.id };
      if (existing && (existing.midId !== plan.mid.id || existing.totalMinor !== plan.totalMinor)) {
        throw new ApiError(
          "ORDER_REFERENCE_USED",
          `amazonOrderId: ${input.amazonOrderId} already belongs to order ${existing.id} with another MID or total; start a new Amazon checkout.`,
          { field: "amazonOrderId", orderId: existing.id },
        );
      }
      await reserveCap(tx, plan.mid.id, capMonth, plan.totalMinor);
      if (existing) {
        await updateOrder(tx, existing.id, { status: "PENDING", declineReason: null, customerMessage: null, updatedAt: at });
        return { kind: "started", charge: await insertCharge(tx, existing.id, plan, input, capMonth, at) };
      }
      const isOro = plan.kind === "order_reference";
      const orderId = await insertOrder(tx, {
        campaignId: plan.campaign.id,
        midId: plan.mid.id,
        parentOrderId: input.parentOrderId ?? null,
        amazonOrderReferenceId: isOro ? input.amazonOrderId : null,
        amazonBillingAgreementId: isOro ? null : input.amazonOrderId,
        status: "PENDING",
        currency: plan.mid.currency,
        subtotalMinor: plan.subtotalMinor,
        shippingMinor: plan.shippingMinor,
        totalMinor: plan.totalMinor,
        source,
        idempotencyKey: input.idempotencyKey ?? null,
        email: input.customer.email ?? null,
        firstName: input.customer.firstName ?? null,
        lastName: input.customer.lastName ?? null,
        phone: input.customer.phone ?? null,
        ipAddress: input.ipAddress ?? null,
        createdAt: at,
        updatedAt: at,
      });
      for (const line of plan.lines) {
        await insertOrderItem(tx, {
          orderId,
          productId: line.productId,
          name: line.name,
          sku: line.sku,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          shippingMinor: line.shippingMinor,
          billingType: line.billingType,
        });
      }
      return { kind: "started", charge: await insertCharge(tx, orderId, plan, input, capMonth, at) };
    });
  } catch (error) {
    if (error instanceof CapExceededError) {
      throw new ApiError(
        "CAP_REACHED",
        `MID ${plan.mid.id} has ${formatMoney(error.leftMinor, plan.mid.currency)} left under its monthly cap; this order is ${formatMoney(plan.totalMinor, plan.mid.currency)}.`,
        { field: "amazonBillerId" },
      );
    }
    throw error;
  }
}
