import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { subscriptions, transactions } from "@/db/schema";
import type { IpnNotification, Money } from "@/lib/amazon-pay";
import { applyRefundState } from "@/lib/orders/complete-refund";
import { applyCaptureState } from "@/lib/orders/complete-capture";
import { applyAuthorizationIpn, applySaleCaptureIpn } from "@/lib/orders/apply-charge-ipn";
import type { IpnDisposition } from "./ipn-disposition";
import type { SellerMid } from "./find-seller-mids";
import { matchPaymentRow, type PaymentObject, type TransactionRow } from "./match-payment-row";
import { findBindingMismatch, findEnvironmentMismatch } from "./check-binding";

export type ApplyResult = {
  disposition: Extract<IpnDisposition, "applied" | "mismatched" | "unmatched">;
  summary: string;
  orderId: number | null;
  transactionId: number | null;
  midId: number | null;
};

type Bound = { ok: true; row: TransactionRow } | { ok: false; result: ApplyResult };

/** The MID an event is filed under when no row pins it down: the seller's only MID, if it has one. */
function soleMid(sellerMids: SellerMid[]): number | null {
  return sellerMids.length === 1 ? sellerMids[0].id : null;
}

function applied(row: { id: number; orderId: number; midId: number }, summary: string): ApplyResult {
  return { disposition: "applied", summary, orderId: row.orderId, transactionId: row.id, midId: row.midId };
}

function mismatched(reason: string, ids: { orderId: number; transactionId: number | null; midId: number }): ApplyResult {
  return { disposition: "mismatched", summary: `mismatched, not applied: ${reason}`, ...ids };
}

/** Rows were looked up within these MIDs, so the row's MID is always among them. */
function midOf(sellerMids: SellerMid[], midId: number): SellerMid {
  const mid = sellerMids.find((m) => m.id === midId);
  if (!mid) throw new Error(`MID #${midId} is not one of the seller's MIDs`);
  return mid;
}

/**
 * Binds a payment notification to one of our rows: only within the seller's MIDs, only when the
 * Amazon ids agree, and only when amount, currency and environment match the row.
 */
async function bindPaymentRow(
  tx: Tx,
  notification: IpnNotification,
  sellerMids: SellerMid[],
  object: PaymentObject,
  amount: Money | undefined,
): Promise<Bound> {
  const match = await matchPaymentRow(
    tx,
    sellerMids.map((m) => m.id),
    object,
  );
  if (match.kind === "not-found") {
    return {
      ok: false,
      result: {
        disposition: "unmatched",
        summary: `unknown ${object.kind} ${object.amazonId} (reference ${object.referenceId}) on this seller's MIDs; nothing applied`,
        orderId: null,
        transactionId: null,
        midId: soleMid(sellerMids),
      },
    };
  }
  const { row } = match;
  const ids = { orderId: row.orderId, transactionId: row.id, midId: row.midId };
  if (match.kind === "mismatched") return { ok: false, result: mismatched(match.reason, ids) };
  if (match.kind === "unverifiable") return { ok: false, result: { disposition: "unmatched", summary: `not applied: ${match.reason}`, ...ids } };
  const reason = findBindingMismatch({ amount, releaseEnvironment: notification.releaseEnvironment, row, mid: midOf(sellerMids, row.midId) });
  return reason ? { ok: false, result: mismatched(reason, ids) } : { ok: true, row };
}

/**
 * Applies a verified notification of a known seller to our rows. Idempotent: every branch only
 * moves a PENDING row forward, so a replay finds nothing left to change.
 */
export async function applyIpn(tx: Tx, notification: IpnNotification, sellerMids: SellerMid[]): Promise<ApplyResult> {
  const midIds = sellerMids.map((m) => m.id);
  switch (notification.type) {
    case "PaymentRefund": {
      const refund = notification.refund;
      const bound = await bindPaymentRow(
        tx,
        notification,
        sellerMids,
        { kind: "refund", amazonId: refund.amazonRefundId, referenceId: refund.refundReferenceId },
        refund.refundAmount,
      );
      if (!bound.ok) return bound.result;
      const row = bound.row;
      const change = await applyRefundState(tx, row.id, refund);
      return applied(row, change === "already-final" ? `refund already ${row.status}` : `refund ${change}`);
    }
    case "PaymentAuthorize": {
      const authorization = notification.authorization;
      const bound = await bindPaymentRow(
        tx,
        notification,
        sellerMids,
        { kind: "authorization", amazonId: authorization.amazonAuthorizationId, referenceId: authorization.authorizationReferenceId },
        authorization.authorizationAmount,
      );
      if (!bound.ok) return bound.result;
      const row = bound.row;
      return applied(row, await applyAuthorizationIpn(tx, row, authorization));
    }
    case "PaymentCapture": {
      const capture = notification.capture;
      const bound = await bindPaymentRow(
        tx,
        notification,
        sellerMids,
        { kind: "capture", amazonId: capture.amazonCaptureId, referenceId: capture.captureReferenceId },
        capture.captureAmount,
      );
      if (!bound.ok) return bound.result;
      const row = bound.row;
      if (row.type === "CAPTURE") {
        const change = await applyCaptureState(tx, row.id, capture);
        return applied(row, change === "already-final" ? `capture ${capture.status.state}; already ${row.status}` : `capture ${change}`);
      }
      return applied(row, await applySaleCaptureIpn(tx, row, capture));
    }
    case "BillingAgreementNotification": {
      const agreement = notification.billingAgreement;
      const state = agreement.status.state;
      const summary = `billing agreement ${state}${agreement.status.reasonCode ? `/${agreement.status.reasonCode}` : ""}`;
      const ofSeller = and(eq(subscriptions.amazonBillingAgreementId, agreement.amazonBillingAgreementId), inArray(subscriptions.midId, midIds));
      const [sub] = await tx.select().from(subscriptions).where(ofSeller);
      if (!sub)
        return {
          disposition: "unmatched",
          summary: `${summary}: no subscription on this seller's MIDs`,
          orderId: null,
          transactionId: null,
          midId: soleMid(sellerMids),
        };
      const environment = findEnvironmentMismatch(notification.releaseEnvironment, midOf(sellerMids, sub.midId));
      if (environment) return mismatched(environment, { orderId: sub.orderId, transactionId: null, midId: sub.midId });
      if (state === "Closed" || state === "Canceled") {
        await tx.update(subscriptions).set({ status: "canceled", updatedAt: Date.now() }).where(ofSeller);
      }
      return { disposition: "applied", summary, orderId: sub.orderId, transactionId: null, midId: sub.midId };
    }
    case "OrderReferenceNotification": {
      const oro = notification.orderReference;
      const summary = `order reference ${oro.status.state}${oro.status.reasonCode ? `/${oro.status.reasonCode}` : ""}`;
      const [row] = await tx
        .select()
        .from(transactions)
        .where(and(eq(transactions.amazonOrderReferenceId, oro.amazonOrderReferenceId), inArray(transactions.midId, midIds)));
      if (!row)
        return {
          disposition: "unmatched",
          summary: `${summary}: no charge on this seller's MIDs`,
          orderId: null,
          transactionId: null,
          midId: soleMid(sellerMids),
        };
      const environment = findEnvironmentMismatch(notification.releaseEnvironment, midOf(sellerMids, row.midId));
      if (environment) return mismatched(environment, { orderId: row.orderId, transactionId: null, midId: row.midId });
      return { disposition: "applied", summary, orderId: row.orderId, transactionId: null, midId: row.midId };
    }
    default:
      return {
        disposition: "unmatched",
        summary: `stored (${notification.notificationType}); nothing is applied automatically`,
        orderId: null,
        transactionId: null,
        midId: soleMid(sellerMids),
      };
  }
}
