import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { subscriptions, transactions } from "@/db/schema";
import type { IpnNotification } from "@/lib/amazon-pay";
import { applyRefundState } from "@/lib/orders/complete-refund";
import { applyCaptureState } from "@/lib/orders/complete-capture";
import { applyAuthorizationIpn, applySaleCaptureIpn } from "@/lib/orders/apply-charge-ipn";


export type ApplyResult = { summary: string; orderId: number | null; transactionId: number | null };

function byColumn(tx: Tx, column: typeof transactions.amazonRefundId | typeof transactions.amazonAuthorizationId | typeof transactions.amazonCaptureId, value: string) {
  return tx.select().from(transactions).where(eq(column, value)).get();
}

/**
 * Applies a verified notification to our rows. Idempotent: every branch only moves a PENDING
 * row forward, so a replay finds nothing left to change.
 */
export function applyIpn(tx: Tx, notification: IpnNotification): ApplyResult {
  switch (notification.type) {
    case "PaymentRefund": {
      const refund = notification.refund;
      const row = byColumn(tx, transactions.amazonRefundId, refund.amazonRefundId) ?? tx.select().from(transactions).where(eq(transactions.referenceId, refund.refundReferenceId)).get();
      if (!row) return { summary: `unknown refund ${refund.amazonRefundId}`, orderId: null, transactionId: null };
      const change = applyRefundState(tx, row.id, refund);
      return { summary: change === "already-final" ? `refund already ${row.status}` : `refund ${change}`, orderId: row.orderId, transactionId: row.id };
    }
    case "PaymentAuthorize": {
      const authorization = notification.authorization;
      const row = byColumn(tx, transactions.amazonAuthorizationId, authorization.amazonAuthorizationId) ?? tx.select().from(transactions).where(eq(transactions.referenceId, authorization.authorizationReferenceId)).get();
      if (!row) return { summary: `unknown authorization ${authorization.amazonAuthorizationId}`, orderId: null, transactionId: null };
      return { summary: applyAuthorizationIpn(tx, row, authorization), orderId: row.orderId, transactionId: row.id };
    }
    case "PaymentCapture": {
      const capture = notification.capture;
      const row = byColumn(tx, transactions.amazonCaptureId, capture.amazonCaptureId) ?? tx.select().from(transactions).where(eq(transactions.referenceId, capture.captureReferenceId)).get();
      if (row?.type === "CAPTURE") {
        const change = applyCaptureState(tx, row.id, capture);
        return { summary: change === "already-final" ? `capture ${capture.status.state}; already ${row.status}` : `capture ${change}`, orderId: row.orderId, transactionId: row.id };
      }
      if (!row) return { summary: `capture ${capture.status.state}`, orderId: null, transactionId: null };
      return { summary: applySaleCaptureIpn(tx, row, capture), orderId: row.orderId, transactionId: row.id };
    }
    case "BillingAgreementNotification": {
      const agreement = notification.billingAgreement;
      const state = agreement.status.state;
      if (state === "Closed" || state === "Canceled") {
        tx.update(subscriptions).set({ status: "canceled", updatedAt: Date.now() }).where(eq(subscriptions.amazonBillingAgreementId, agreement.amazonBillingAgreementId)).run();
      }
      const sub = tx.select().from(subscriptions).where(eq(subscriptions.amazonBillingAgreementId, agreement.amazonBillingAgreementId)).get();
      return { summary: `billing agreement ${state}${agreement.status.reasonCode ? `/${agreement.status.reasonCode}` : ""}`, orderId: sub?.orderId ?? null, transactionId: null };
    }
    case "OrderReferenceNotification": {
      const oro = notification.orderReference;
      const row = tx.select().from(transactions).where(eq(transactions.amazonOrderReferenceId, oro.amazonOrderReferenceId)).get();
      return { summary: `order reference ${oro.status.state}${oro.status.reasonCode ? `/${oro.status.reasonCode}` : ""}`, orderId: row?.orderId ?? null, transactionId: null };
    }
    default:
      return { summary: `stored (${notification.notificationType})`, orderId: null, transactionId: null };
  }
}
