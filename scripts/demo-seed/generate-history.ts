import { sql, type SQL } from "drizzle-orm";
import { engineOf, executeSql, runTransaction, selectRows, sqliteClientOf, type Db } from "@/db/client";
import { monthKey, startOfMonthMs } from "@/lib/money/calendar";

/**
 * Writes realistic past orders straight into the tables (demo history and bulk data for
 * measurements): a seeded random walk over days, campaigns' products and MIDs, with the
 * mix of approvals, declines, errors and refunds a real account shows. Volumes for the
 * current month are added to mid_monthly_usage so caps agree with the orders.
 */

export type HistoryOptions = { orders: number; days: number; seed?: number; now?: number; batchSize?: number; onProgress?: (done: number) => void };

type Product = { id: number; campaignId: number; name: string; sku: string; priceMinor: number; shippingMinor: number; billingType: string; currency: string };
type Route = { campaignId: number; midId: number };

const FIRST = ["Ava", "Liam", "Mia", "Noah", "Emma", "Lucas", "Olivia", "Ethan", "Sofia", "Mason", "Isla", "Leo", "Chloe", "Jack", "Grace", "Owen"];
const LAST = ["Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark", "Lewis", "Walker", "Hall", "Young"];
const CITIES = [
  ["Austin", "TX", "78701"],
  ["Denver", "CO", "80202"],
  ["Seattle", "WA", "98109"],
  ["Miami", "FL", "33101"],
  ["Chicago", "IL", "60601"],
  ["Boston", "MA", "02108"],
];

function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** Columns written for each generated row, in the order the plans below hold their values. */
const CUSTOMER_COLUMNS = ["email", "first_name", "last_name", "phone", "created_at", "updated_at"];
const ORDER_COLUMNS = [
  "campaign_id",
  "customer_id",
  "mid_id",
  "amazon_order_reference_id",
  "status",
  "currency",
  "subtotal_minor",
  "shipping_minor",
  "total_minor",
  "refunded_minor",
  "source",
  "email",
  "first_name",
  "last_name",
  "phone",
  "ship_name",
  "ship_address1",
  "ship_city",
  "ship_state",
  "ship_postal_code",
  "ship_country",
  "ip_address",
  "decline_reason",
  "customer_message",
  "created_at",
  "updated_at",
];
// order_id first: the plans hold a null in its place, filled in once the order is written.
const ITEM_COLUMNS = ["order_id", "product_id", "name", "sku", "quantity", "unit_price_minor", "shipping_minor", "billing_type"];
// order_id and parent_transaction_id first, likewise (the sale's id is known once it is written).
const TRANSACTION_COLUMNS = [
  "order_id",
  "parent_transaction_id",
  "campaign_id",
  "mid_id",
  "type",
  "status",
  "amount_minor",
  "currency",
  "reference_id",
  "amazon_order_reference_id",
  "amazon_authorization_id",
  "amazon_capture_id",
  "amazon_refund_id",
  "amazon_state",
  "reason_code",
  "customer_message",
  "cap_month",
  "created_at",
  "updated_at",
];
const USAGE_COLUMNS = ["mid_id", "month", "captured_minor", "refunded_minor", "reserved_minor"];
const USAGE_CONFLICT =
  "on conflict (mid_id, month) do update set captured_minor = mid_monthly_usage.captured_minor + excluded.captured_minor, refunded_minor = mid_monthly_usage.refunded_minor + excluded.refunded_minor";

type Customer = { id: number; first: string; last: string; email: string };
/**
 * One generated order: the values of its row, its item's and its transactions' in the columns'
 * order, with null where an id of a row written before them goes (order_id, parent_transaction_id).
 */
type OrderPlan = { order: unknown[]; item: unknown[]; sale: unknown[]; refund: unknown[] | null };

/** How the plans reach the tables: raw prepared statements on SQLite (the bulk seed's speed), multi-row inserts on PostgreSQL. */
type HistoryWriter = {
  /** Inserts the customers that are new (by email) and returns those, in the order given. */
  writeCustomers(candidates: unknown[][]): Promise<Customer[]>;
  /** Plans orders `from` … `to` - 1 in turn (null: nothing to write) and writes them: one transaction. */
  writeOrders(from: number, to: number, plan: (n: number) => OrderPlan | null): Promise<void>;
  /** Adds this month's volumes (rows in USAGE_COLUMNS order, one per MID) to what mid_monthly_usage holds. */
  addUsage(rows: unknown[][]): Promise<void>;
};

/**
 * The same database contents on both engines for the same seed and `now`: every random draw
 * happens while planning, in one fixed order, and nothing the writers do depends on it.
 */
export async function generateHistory(db: Db, options: HistoryOptions): Promise<{ orders: number; transactions: number }> {
  const random = createRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // Ordered, so PostgreSQL (whose scan order is not fixed) picks the same products and MIDs as SQLite.
  const products = await selectRows<Product>(
    db,
    sql`select p.id, p.campaign_id as "campaignId", p.name, p.sku, p.price_minor as "priceMinor", p.shipping_minor as "shippingMinor", p.billing_type as "billingType", c.currency from campaign_products p join campaigns c on c.id = p.campaign_id where p.archived_at is null and p.billing_type = 'one_time' order by p.id`,
  );
  const routes = await selectRows<Route>(db, sql`select campaign_id as "campaignId", mid_id as "midId" from campaign_mids order by campaign_id, mid_id`);
  if (products.length === 0 || routes.length === 0) return { orders: 0, transactions: 0 };
  const [{ maxId }] = await selectRows<{ maxId: number }>(db, sql`select coalesce(max(id), 0) as "maxId" from orders`);
  const [{ maxCustomerId }] = await selectRows<{ maxCustomerId: number }>(db, sql`select coalesce(max(id), 0) as "maxCustomerId" from customers`);
  const writer = engineOf(db) === "postgres" ? postgresWriter(db) : sqliteWriter(db);

  const now = options.now ?? Date.now();
  const currentMonth = monthKey(new Date(now));
  const monthOf = createMonthLookup(now - (options.days + 62) * 86_400_000, now + 86_400_000);
  const span = options.days * 86_400_000;

  const batch = options.batchSize ?? 5_000;
  let transactions = 0;
  const usage = new Map<number, { captured: number; refunded: number }>();

  // A pool of returning customers (about one per three orders), written up front.
  const poolSize = Math.max(1, Math.ceil(options.orders / 3));
  const firstCustomerId = maxCustomerId + 1;
  const candidates: unknown[][] = [];
  for (let i = 0; i < poolSize; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first}.${last}.${firstCustomerId + i}@example.com`.toLowerCase();
    candidates.push([email, first, last, "5555550100", now - span, now - span]);
  }
  const pool = await writer.writeCustomers(candidates);
  if (pool.length === 0) return { orders: 0, transactions: 0 };
  const midsByCampaign = new Map<number, number[]>();
  for (const r of routes) midsByCampaign.set(r.campaignId, [...(midsByCampaign.get(r.campaignId) ?? []), r.midId]);

  const planOne = (n: number): OrderPlan | null => {
    const at = now - span + Math.floor((n / options.orders) * span) + Math.floor(random() * 60_000);
    const product = pick(products);
    const campaignMidIds = midsByCampaign.get(product.campaignId);
    if (!campaignMidIds) return null;
    const mid = pick(campaignMidIds);
    const quantity = random() < 0.85 ? 1 : 2;
    const subtotal = product.priceMinor * quantity;
    const total = subtotal + product.shippingMinor;
    const { id: customerId, first, last, email } = pick(pool);
    const [city, state, zip] = pick(CITIES);
    const roll = random();
    const outcome = roll < 0.86 ? "SUCCESS" : roll < 0.92 ? "SOFT_DECLINE" : roll < 0.97 ? "HARD_DECLINE" : roll < 0.995 ? "ERROR" : "PENDING";
    const refunded = outcome === "SUCCESS" && random() < 0.06 ? (random() < 0.5 ? total : Math.floor(total / 2)) : 0;
    const orderNo = maxId + n + 1;
    const oro = `S01-${String(1_000_000 + (orderNo % 9_000_000)).padStart(7, "0")}-${String(Math.floor(random() * 9_999_999)).padStart(7, "0")}`;
    const status =
      outcome === "SUCCESS"
        ? refunded === 0
          ? "COMPLETE"
          : refunded >= total
            ? "REFUNDED"
            : "PARTIALLY_REFUNDED"
        : outcome === "PENDING"
          ? "PENDING"
          : outcome === "ERROR"
            ? "ERROR"
            : "DECLINED";
    const reason =
      outcome === "SOFT_DECLINE"
        ? "InvalidPaymentMethod"
        : outcome === "HARD_DECLINE"
          ? pick(["InvalidPaymentMethod", "AmazonRejected"])
          : outcome === "ERROR"
            ? "InvalidOrderReferenceStatus"
            : null;
    const message = reason
      ? outcome === "SOFT_DECLINE"
        ? "Amazon Pay could not charge this payment method. Please try again, or choose another payment method in your Amazon account."
        : "Amazon Pay could not accept this payment. Please use another payment method."
      : null;
    const order = [
      product.campaignId,
      customerId,
      mid,
      oro,
      status,
      product.currency,
      subtotal,
      product.shippingMinor,
      total,
      refunded,
      "api",
      email,
      first,
      last,
      "5555550100",
      `${first} ${last}`,
      `${100 + Math.floor(random() * 900)} Main St`,
      city,
      state,
      zip,
      "US",
      `203.0.113.${Math.floor(random() * 250)}`,
      reason,
      message,
      at,
      at,
    ];
    const item = [null, product.id, product.name, product.sku, quantity, product.priceMinor, product.shippingMinor, "one_time"];
    const month = monthOf(at);
    const authId = outcome === "SUCCESS" || outcome.endsWith("DECLINE") ? `${oro}-A${String(orderNo % 1_000_000).padStart(6, "0")}` : null;
    const captureId = outcome === "SUCCESS" ? `${oro}-C${String(orderNo % 1_000_000).padStart(6, "0")}` : null;
    const sale = [
      null,
      null,
      product.campaignId,
      mid,
      "SALE",
      outcome,
      total,
      product.currency,
      `hist-${orderNo}-a1`,
      oro,
      authId,
      captureId,
      null,
      outcome === "SUCCESS" ? "Closed" : outcome === "PENDING" ? null : "Declined",
      reason,
      message,
      month,
      at,
      at,
    ];
    transactions += 1;
    if (outcome === "SUCCESS" && month === currentMonth) {
      const u = usage.get(mid) ?? { captured: 0, refunded: 0 };
      u.captured += total;
      usage.set(mid, u);
    }
    let refund: unknown[] | null = null;
    if (refunded > 0) {
      const refundAt = Math.min(now - 60_000, at + Math.floor(random() * 5 * 86_400_000));
      refund = [
        null,
        null,
        product.campaignId,
        mid,
        "REFUND",
        "SUCCESS",
        refunded,
        product.currency,
        `hist-${orderNo}-r1`,
        oro,
        null,
        captureId,
        `${oro}-R${String(orderNo % 1_000_000).padStart(6, "0")}`,
        "Completed",
        null,
        "Customer request",
        monthOf(refundAt),
        refundAt,
        refundAt,
      ];
      transactions += 1;
      if (monthOf(refundAt) === currentMonth) {
        const u = usage.get(mid) ?? { captured: 0, refunded: 0 };
        u.refunded += refunded;
        usage.set(mid, u);
      }
    }
    return { order, item, sale, refund };
  };

  for (let start = 0; start < options.orders; start += batch) {
    await writer.writeOrders(start, Math.min(options.orders, start + batch), planOne);
    options.onProgress?.(Math.min(options.orders, start + batch));
  }
  await writer.addUsage([...usage].map(([mid, u]) => [mid, currentMonth, u.captured, u.refunded, 0]));
  return { orders: options.orders, transactions };
}

const placeholders = (columns: string[]) => columns.map(() => "?").join(", ");

function sqliteWriter(db: Db): HistoryWriter {
  const sqlite = sqliteClientOf(db);
  const insertCustomer = sqlite.prepare(
    `insert into customers (${CUSTOMER_COLUMNS.join(", ")}) values (${placeholders(CUSTOMER_COLUMNS)}) on conflict (email) do nothing`,
  );
  const insertOrder = sqlite.prepare(`insert into orders (${ORDER_COLUMNS.join(", ")}) values (${placeholders(ORDER_COLUMNS)})`);
  const insertItem = sqlite.prepare(`insert into order_items (${ITEM_COLUMNS.join(", ")}) values (${placeholders(ITEM_COLUMNS)})`);
  const insertTxn = sqlite.prepare(`insert into transactions (${TRANSACTION_COLUMNS.join(", ")}) values (${placeholders(TRANSACTION_COLUMNS)})`);
  const addUsage = sqlite.prepare(`insert into mid_monthly_usage (${USAGE_COLUMNS.join(", ")}) values (${placeholders(USAGE_COLUMNS)}) ${USAGE_CONFLICT}`);
  return {
    async writeCustomers(candidates) {
      const pool: Customer[] = [];
      sqlite.transaction(() => {
        for (const values of candidates) {
          const result = insertCustomer.run(...values);
          if (result.changes) pool.push({ id: Number(result.lastInsertRowid), email: String(values[0]), first: String(values[1]), last: String(values[2]) });
        }
      })();
      return pool;
    },
    async writeOrders(from, to, planOne) {
      // Each order written as soon as it is planned: holding a batch of plans costs a fifth more time in garbage collection.
      sqlite.transaction(() => {
        for (let n = from; n < to; n++) {
          const plan = planOne(n);
          if (!plan) continue;
          const orderId = insertOrder.run(...plan.order).lastInsertRowid;
          plan.item[0] = plan.sale[0] = orderId;
          insertItem.run(...plan.item);
          const saleId = insertTxn.run(...plan.sale).lastInsertRowid;
          if (plan.refund) {
            plan.refund[0] = orderId;
            plan.refund[1] = saleId;
            insertTxn.run(...plan.refund);
          }
        }
      })();
    },
    async addUsage(rows) {
      sqlite.transaction(() => {
        for (const row of rows) addUsage.run(...row);
      })();
    },
  };
}

/** PostgreSQL takes at most 65,535 bind parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/** `insert into table (columns) values (…), (…)` for as many rows as one statement may bind, then `tail` (a returning clause). */
function multiRowInserts(table: string, columns: string[], rows: unknown[][], tail = ""): SQL[] {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const statements: SQL[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = rows.slice(start, start + perStatement).map(
      (row) =>
        sql`(${sql.join(
          row.map((value) => sql`${value}`),
          sql`, `,
        )})`,
    );
    statements.push(sql`insert into ${sql.raw(table)} (${sql.raw(columns.join(", "))}) values ${sql.join(values, sql`, `)} ${sql.raw(tail)}`);
  }
  return statements;
}

/** `count` fresh ids from a table's identity sequence, ascending. */
async function reserveIds(tx: Db, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await selectRows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${count}::int)`);
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

function postgresWriter(db: Db): HistoryWriter {
  return {
    writeCustomers: (candidates) =>
      // The work may run again after a serialization failure, so it only reads what it was given.
      runTransaction(db, async (tx) => {
        const ids = new Map<string, number>();
        for (const statement of multiRowInserts("customers", CUSTOMER_COLUMNS, candidates, "on conflict (email) do nothing returning id, email")) {
          for (const row of await selectRows<{ id: number; email: string }>(tx, statement)) ids.set(row.email, row.id);
        }
        return candidates
          .filter((values) => ids.has(String(values[0])))
          .map((values) => ({ id: ids.get(String(values[0]))!, email: String(values[0]), first: String(values[1]), last: String(values[2]) }));
      }),
    writeOrders: (from, to, planOne) => {
      // Planned before the transaction: its work may run again after a serialization failure, and must not draw again.
      const plans: OrderPlan[] = [];
      for (let n = from; n < to; n++) {
        const plan = planOne(n);
        if (plan) plans.push(plan);
      }
      return runTransaction(db, async (tx) => {
        // Ids drawn from the tables' sequences up front and given out in the order SQLite would
        // assign them (each sale, then its refund), so both engines hold the same ids; a refund
        // also needs its sale's id in the same multi-row insert.
        const orderIds = await reserveIds(tx, "orders", plans.length);
        const transactionIds = await reserveIds(
          tx,
          "transactions",
          plans.reduce((n, p) => n + (p.refund ? 2 : 1), 0),
        );
        const orderRows: unknown[][] = [];
        const itemRows: unknown[][] = [];
        const transactionRows: unknown[][] = [];
        let next = 0;
        plans.forEach((plan, index) => {
          const orderId = orderIds[index];
          orderRows.push([orderId, ...plan.order]);
          itemRows.push([orderId, ...plan.item.slice(1)]);
          const saleId = transactionIds[next++];
          transactionRows.push([saleId, orderId, null, ...plan.sale.slice(2)]);
          if (plan.refund) transactionRows.push([transactionIds[next++], orderId, saleId, ...plan.refund.slice(2)]);
        });
        for (const statement of multiRowInserts("orders", ["id", ...ORDER_COLUMNS], orderRows)) await executeSql(tx, statement);
        for (const statement of multiRowInserts("order_items", ITEM_COLUMNS, itemRows)) await executeSql(tx, statement);
        for (const statement of multiRowInserts("transactions", ["id", ...TRANSACTION_COLUMNS], transactionRows)) await executeSql(tx, statement);
      });
    },
    addUsage: async (rows) => {
      for (const statement of multiRowInserts("mid_monthly_usage", USAGE_COLUMNS, rows, USAGE_CONFLICT)) await executeSql(db, statement);
    },
  };
}

/**
 * monthKey for instants in [from, to), from a table of month starts made once: formatting a
 * date in the time zone for each of a million rows was a fifth of a bulk seed.
 */
function createMonthLookup(from: number, to: number): (at: number) => string {
  const starts: Array<{ start: number; key: string }> = [];
  for (let at = startOfMonthMs(new Date(from)); at < to; at = startOfMonthMs(new Date(at + 40 * 86_400_000)))
    starts.push({ start: at, key: monthKey(new Date(at)) });
  return (at) => {
    for (let i = starts.length - 1; i >= 0; i--) if (at >= starts[i].start) return starts[i].key;
    return monthKey(new Date(at));
  };
}
