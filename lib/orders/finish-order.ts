import { runTransaction, type Db, type Tx } from "@/db/client";
import { findOrderById } from "@/db/queries/orders/lock-order-row";
import type { OrderRow, TransactionRow } from "@/db/queries/rows";
import { updateOrder, updateTransaction } from "@/db/queries/orders/start-order-statements";
import { settleReservation } from "@/lib/mids/cap-ledger";
import { mapDecline } from "@/lib/declines/map-decline";
import type { DeclineReasonCode } from "@/lib/declines/default-decline-rules";
import { nextChargeStep, type ChargeOutcome } from "./charge-state";
import { buyerColumns, recordBuyer, startSubscription } from "./record-buyer";
import { lockTransactionRow } from "./lock-transaction-row";

export type FinishResult = "applied" | "already-final" | "still-pending";

type Charge = TransactionRow;

/** The charge's Amazon ids, with those it does not know yet taken from the outcome (never replaced). */
function idsOf(charge: Charge, outcome: ChargeOutcome) {
  const named =
    outcome.kind === "captured"
      ? { authorizationId: outcome.amazonAuthorizationId, orderReferenceId: outcome.amazonOrderReferenceId }
      : outcome.kind === "open" || outcome.kind === "pending" || outcome.kind === "declined"
        ? { authorizationId: outcome.authorization?.amazonAuthorizationId ?? null, orderReferenceId: outcome.amazonOrderReferenceId ?? null }
        : { authorizationId: null, orderReferenceId: null };
  return {
    amazonAuthorizationId: charge.amazonAuthorizationId ?? named.authorizationId,
    amazonOrderReferenceId: charge.amazonOrderReferenceId ?? named.orderReferenceId,
  };
}

async function release(tx: Tx, charge: Charge, order: OrderRow, outcome: Extract<ChargeOutcome, { kind: "declined" | "failed" }>, at: number): Promise<void> {
  await settleReservation(tx, charge.midId, charge.capMonth ?? "", charge.amountMinor, 0);
  const reason: DeclineReasonCode = outcome.kind === "declined" ? outcome.reason : outcome.unavailable ? "AmazonUnavailable" : "ApiError";
  const mapped = await mapDecline(tx, charge.midId, reason);
  const status = outcome.kind === "declined" ? (mapped.kind === "soft" ? "SOFT_DECLINE" : "HARD_DECLINE") : "ERROR";
  const amazonReason = outcome.kind === "declined" ? outcome.amazonReasonCode : outcome.amazonCode;
  await updateTransaction(tx, charge.id, {
    status,
    amazonAuthorizationId: idsOf(charge, outcome).amazonAuthorizationId,
    amazonState: outcome.kind === "declined" ? "Declined" : null,
    reasonCode: amazonReason,
    customerMessage: mapped.message,
    updatedAt: at,
  });
  await updateOrder(tx, order.id, {
    ...buyerColumns(order, outcome.facts),
    status: outcome.kind === "declined" ? "DECLINED" : "ERROR",
    declineReason: amazonReason,
    customerMessage: mapped.message,
    updatedAt: at,
  });
}

/**
 * Applies one message from Amazon to a charge inside the caller's transaction, as the state
 * machine (`nextChargeStep`) decides: money is settled only on the step from PENDING to final,
 * so a message that comes again, late or out of order changes no money.
 */
export async function recordChargeOutcome(tx: Tx, transactionId: number, outcome: ChargeOutcome, at = Date.now()): Promise<FinishResult> {
  const charge = await lockTransactionRow(tx, transactionId, (row) => [row.capMonth ?? ""]);
  const order = charge && (await findOrderById(tx, charge.orderId));
  if (!charge || !order || (charge.type !== "SALE" && charge.type !== "AUTHORIZE")) return "already-final";
  const step = nextChargeStep({ type: charge.type, status: charge.status }, outcome);

  switch (step.kind) {
    case "ignore":
      return charge.status === "PENDING" ? "still-pending" : "already-final";
    case "annotate": {
      await updateTransaction(tx, charge.id, { ...idsOf(charge, outcome), ...step.captureState, updatedAt: at });
      // Authorize's answer may come after an IPN finished the charge: only it knows the buyer.
      if (Object.keys(outcome.facts).length > 0) await recordBuyer(tx, order, outcome.facts, at);
      return "already-final";
    }
    case "wait":
      await updateTransaction(tx, charge.id, { ...idsOf(charge, outcome), amazonState: step.amazonState, updatedAt: at });
      await updateOrder(tx, order.id, { ...buyerColumns(order, outcome.facts), updatedAt: at });
      return "still-pending";
    case "capture": {
      const captured = step.outcome;
      await updateTransaction(tx, charge.id, {
        ...idsOf(charge, captured),
        status: "SUCCESS",
        amazonCaptureId: captured.amazonCaptureId,
        ...step.state,
        updatedAt: at,
      });
      await settleReservation(tx, charge.midId, charge.capMonth ?? "", charge.amountMinor, charge.amountMinor);
      const customerId = await recordBuyer(tx, order, captured.facts, at, { status: "COMPLETE", declineReason: null, customerMessage: null });
      if (order.amazonBillingAgreementId) await startSubscription(tx, { ...order, customerId }, at);
      return "applied";
    }
    case "hold": {
      const held = step.outcome;
      await updateTransaction(tx, charge.id, {
        ...idsOf(charge, held),
        status: "SUCCESS",
        amazonState: "Open",
        reasonCode: held.authorization.status.reasonCode ?? null,
        updatedAt: at,
      });
      // The reservation stays: Amazon holds the funds, and capture may still take them, so the
      // cap must keep room for them until capture (settles) or void/cancel (releases).
      await recordBuyer(tx, order, held.facts, at, { status: "AUTHORIZED", declineReason: null, customerMessage: null });
      return "applied";
    }
    case "release":
      await release(tx, charge, order, step.outcome, at);
      return "applied";
  }
}

/**
 * The second transaction: records Amazon's answer (BEGIN IMMEDIATE, so it serializes with the
 * IPN for the same charge). Shared by the request path and the reconciler.
 */
export async function finishOrder(db: Db, transactionId: number, outcome: ChargeOutcome, at = Date.now()): Promise<FinishResult> {
  if (outcome.kind === "unknown") return "still-pending";
  return runTransaction(db, async (tx) => recordChargeOutcome(tx, transactionId, outcome, at));
}
