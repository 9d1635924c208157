import type { Db } from "@/db/client";

export type CustomerMoney = { currency: string; capturedMinor: number; refundedMinor: number };
export type CustomerFigures = {
  orderCount: number;
  lastOrderId: number | null;
  lastOrderAt: number | null;
  money: CustomerMoney[];
  activeSubscriptions: number;
  subscriptions: number;
};

// Orders whose money Amazon took (an authorization alone, a decline or a void took none).
const CAPTURED_STATUSES = "('COMPLETE', 'PARTIALLY_REFUNDED', 'REFUNDED')";

/**
 * Per customer of a shown page: order count, last order, lifetime money per currency (captured
 * and refunded; the list shows captured − refunded as lifetime value) and subscriptions. Each
 * query walks the orders_customer index for just these customers.
 */
export function readCustomerFigures(db: Db, customerIds: number[]): Map<number, CustomerFigures> {
  const figures = new Map<number, CustomerFigures>(
    customerIds.map((id) => [id, { orderCount: 0, lastOrderId: null, lastOrderAt: null, money: [], activeSubscriptions: 0, subscriptions: 0 }]),
  );
  if (customerIds.length === 0) return figures;
  const ids = customerIds.map(() => "?").join(", ");
  const sqlite = db.$client;
  const orders = sqlite
    .prepare(
      `select customer_id as id, count(*) as n, max(created_at) as lastAt, max(id) as lastId from orders where customer_id in (${ids}) group by customer_id`,
    )
    .all(...customerIds) as Array<{ id: number; n: number; lastAt: number; lastId: number }>;
  for (const o of orders) Object.assign(figures.get(o.id) as CustomerFigures, { orderCount: o.n, lastOrderAt: o.lastAt, lastOrderId: o.lastId });
  const money = sqlite
    .prepare(
      `select customer_id as id, currency, sum(total_minor) as captured, sum(refunded_minor) as refunded from orders where customer_id in (${ids}) and status in ${CAPTURED_STATUSES} group by customer_id, currency order by currency`,
    )
    .all(...customerIds) as Array<{ id: number; currency: string; captured: number; refunded: number }>;
  for (const m of money) figures.get(m.id)?.money.push({ currency: m.currency, capturedMinor: m.captured, refundedMinor: m.refunded });
  const subscriptions = sqlite
    .prepare(
      `select o.customer_id as id, count(*) as n, sum(s.status = 'active') as active from orders o join subscriptions s on s.order_id = o.id where o.customer_id in (${ids}) group by o.customer_id`,
    )
    .all(...customerIds) as Array<{ id: number; n: number; active: number }>;
  for (const s of subscriptions) Object.assign(figures.get(s.id) as CustomerFigures, { subscriptions: s.n, activeSubscriptions: s.active });
  return figures;
}
