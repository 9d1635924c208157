import { sql } from "drizzle-orm";
import { selectRows, type Db } from "@/db/client";

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
export async function readCustomerFigures(db: Db, customerIds: number[]): Promise<Map<number, CustomerFigures>> {
  const figures = new Map<number, CustomerFigures>(
    customerIds.map((id) => [id, { orderCount: 0, lastOrderId: null, lastOrderAt: null, money: [], activeSubscriptions: 0, subscriptions: 0 }]),
  );
  if (customerIds.length === 0) return figures;
  const ids = sql.join(
    customerIds.map((id) => sql`${id}`),
    sql`, `,
  );
  // Counts and sums are numbers on SQLite and strings on PostgreSQL: Number() everywhere.
  const orders = await selectRows<{ id: number; n: number; lastAt: number; lastId: number }>(
    db,
    sql`select customer_id as id, count(*) as n, max(created_at) as "lastAt", max(id) as "lastId" from orders where customer_id in (${ids}) group by customer_id`,
  );
  for (const o of orders)
    Object.assign(figures.get(Number(o.id)) as CustomerFigures, { orderCount: Number(o.n), lastOrderAt: Number(o.lastAt), lastOrderId: Number(o.lastId) });
  const money = await selectRows<{ id: number; currency: string; captured: number; refunded: number }>(
    db,
    sql`select customer_id as id, currency, sum(total_minor) as captured, sum(refunded_minor) as refunded from orders where customer_id in (${ids}) and status in ${sql.raw(CAPTURED_STATUSES)} group by customer_id, currency order by currency`,
  );
  for (const m of money) figures.get(Number(m.id))?.money.push({ currency: m.currency, capturedMinor: Number(m.captured), refundedMinor: Number(m.refunded) });
  const subscriptions = await selectRows<{ id: number; n: number; active: number }>(
    db,
    sql`select o.customer_id as id, count(*) as n, sum(case when s.status = 'active' then 1 else 0 end) as active from orders o join subscriptions s on s.order_id = o.id where o.customer_id in (${ids}) group by o.customer_id`,
  );
  for (const s of subscriptions)
    Object.assign(figures.get(Number(s.id)) as CustomerFigures, { subscriptions: Number(s.n), activeSubscriptions: Number(s.active) });
  return figures;
}
