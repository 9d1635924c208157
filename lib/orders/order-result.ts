import type { Db } from "@/db/client";
import { findOrderById } from "@/db/queries/orders/lock-order-row";
import { findLatestChargeAttempt, findSuccessfulCapture, listOrderItems } from "@/db/queries/orders/order-result";
import { formatMinorPlain } from "@/lib/money/money";

/** What the API (and Order Entry) answers about an order: Konnektive-style names. */
export type OrderResult = {
  orderId: number;
  customerId: number | null;
  orderStatus: string;
  /** The latest charge's response: SUCCESS, SOFT_DECLINE, HARD_DECLINE, PENDING or ERROR. */
  responseType: string | null;
  currency: string;
  amountPaid: string;
  totalAmount: string;
  items: Array<{ productId: number | null; name: string; sku: string; qty: number; price: string }>;
  amazonBillerId: number;
  amazonOrderReferenceId: string | null;
  amazonBillingAgreementId: string | null;
  amazonAuthorizationId: string | null;
  amazonCaptureId: string | null;
  declineReason: string | null;
  message: string | null;
};

export async function loadOrderResult(db: Db, orderId: number): Promise<OrderResult> {
  const order = await findOrderById(db, orderId);
  if (!order) throw new Error(`order ${orderId} not found`);
  const items = await listOrderItems(db, orderId);
  const sale = await findLatestChargeAttempt(db, orderId);
  // An authorization alone pays nothing; its later capture does.
  const capture = sale?.type === "AUTHORIZE" ? await findSuccessfulCapture(db, sale.id) : undefined;
  const paid = sale?.type === "SALE" && sale.status === "SUCCESS" ? sale.amountMinor : (capture?.amountMinor ?? 0);
  return {
    orderId: order.id,
    customerId: order.customerId,
    orderStatus: order.status,
    responseType: sale?.status ?? null,
    currency: order.currency,
    amountPaid: formatMinorPlain(paid, order.currency),
    totalAmount: formatMinorPlain(order.totalMinor, order.currency),
    items: items.map((i) => ({ productId: i.productId, name: i.name, sku: i.sku, qty: i.quantity, price: formatMinorPlain(i.unitPriceMinor, order.currency) })),
    amazonBillerId: order.midId,
    amazonOrderReferenceId: sale?.amazonOrderReferenceId ?? order.amazonOrderReferenceId,
    amazonBillingAgreementId: order.amazonBillingAgreementId,
    amazonAuthorizationId: sale?.amazonAuthorizationId ?? null,
    amazonCaptureId: sale?.amazonCaptureId ?? capture?.amazonCaptureId ?? null,
    declineReason: order.declineReason,
    message: order.customerMessage,
  };
}
