import { sqliteClientOf, type Db } from "@/db/client";
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

export function generateHistory(db: Db, options: HistoryOptions): { orders: number; transactions: number } {
  const random = createRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const sqlite = sqliteClientOf(db);
  const products = sqlite
    .prepare(
      `select p.id, p.campaign_id as campaignId, p.name, p.sku, p.price_minor as priceMinor, p.shipping_minor as shippingMinor, p.billing_type as billingType, c.currency from campaign_products p join campaigns c on c.id = p.campaign_id where p.archived_at is null and p.billing_type = 'one_time'`,
    )
    .all() as Product[];
  const routes = sqlite.prepare(`select campaign_id as campaignId, mid_id as midId from campaign_mids`).all() as Route[];
  if (products.length === 0 || routes.length === 0) return { orders: 0, transactions: 0 };

  const insertCustomer = sqlite.prepare(
    `insert into customers (email, first_name, last_name, phone, created_at, updated_at) values (?, ?, ?, ?, ?, ?) on conflict(email) do nothing`,
  );
  const insertOrder = sqlite.prepare(
    `insert into orders (campaign_id, customer_id, mid_id, amazon_order_reference_id, status, currency, subtotal_minor, shipping_minor, total_minor, refunded_minor, source, email, first_name, last_name, phone, ship_name, ship_address1, ship_city, ship_state, ship_postal_code, ship_country, ip_address, decline_reason, customer_message, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'api', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'US', ?, ?, ?, ?, ?)`,
  );
  const insertItem = sqlite.prepare(
    `insert into order_items (order_id, product_id, name, sku, quantity, unit_price_minor, shipping_minor, billing_type) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTxn = sqlite.prepare(
    `insert into transactions (order_id, campaign_id, mid_id, type, status, amount_minor, currency, parent_transaction_id, reference_id, amazon_order_reference_id, amazon_authorization_id, amazon_capture_id, amazon_refund_id, amazon_state, reason_code, customer_message, cap_month, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addUsage = sqlite.prepare(
    `insert into mid_monthly_usage (mid_id, month, captured_minor, refunded_minor, reserved_minor) values (?, ?, ?, ?, 0) on conflict(mid_id, month) do update set captured_minor = captured_minor + excluded.captured_minor, refunded_minor = refunded_minor + excluded.refunded_minor`,
  );
  const maxId = (sqlite.prepare(`select coalesce(max(id), 0) as n from orders`).get() as { n: number }).n;
  const now = options.now ?? Date.now();
  const currentMonth = monthKey(new Date(now));
  const monthOf = createMonthLookup(now - (options.days + 62) * 86_400_000, now + 86_400_000);
  const span = options.days * 86_400_000;

  const batch = options.batchSize ?? 5_000;
  let transactions = 0;
  const usage = new Map<number, { captured: number; refunded: number }>();

  // A pool of returning customers (about one per three orders), written up front.
  const poolSize = Math.max(1, Math.ceil(options.orders / 3));
  const pool: Array<{ id: number; first: string; last: string; email: string }> = [];
  const firstCustomerId = (sqlite.prepare(`select coalesce(max(id), 0) as n from customers`).get() as { n: number }).n + 1;
  sqlite.transaction(() => {
    for (let i = 0; i < poolSize; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const email = `${first}.${last}.${firstCustomerId + i}@example.com`.toLowerCase();
      const result = insertCustomer.run(email, first, last, "5555550100", now - span, now - span);
      if (result.changes) pool.push({ id: Number(result.lastInsertRowid), first, last, email });
    }
  })();
  const midsByCampaign = new Map<number, number[]>();
  for (const r of routes) midsByCampaign.set(r.campaignId, [...(midsByCampaign.get(r.campaignId) ?? []), r.midId]);

  const writeOne = (n: number) => {
    const at = now - span + Math.floor((n / options.orders) * span) + Math.floor(random() * 60_000);
    const product = pick(products);
    const campaignMidIds = midsByCampaign.get(product.campaignId);
    if (!campaignMidIds) return;
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
    const order = insertOrder.run(
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
      email,
      first,
      last,
      "5555550100",
      `${first} ${last}`,
      `${100 + Math.floor(random() * 900)} Main St`,
      city,
      state,
      zip,
      `203.0.113.${Math.floor(random() * 250)}`,
      reason,
      message,
      at,
      at,
    );
    const orderId = Number(order.lastInsertRowid);
    insertItem.run(orderId, product.id, product.name, product.sku, quantity, product.priceMinor, product.shippingMinor, "one_time");
    const month = monthOf(at);
    const authId = outcome === "SUCCESS" || outcome.endsWith("DECLINE") ? `${oro}-A${String(orderNo % 1_000_000).padStart(6, "0")}` : null;
    const captureId = outcome === "SUCCESS" ? `${oro}-C${String(orderNo % 1_000_000).padStart(6, "0")}` : null;
    const sale = insertTxn.run(
      orderId,
      product.campaignId,
      mid,
      "SALE",
      outcome,
      total,
      product.currency,
      null,
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
    );
    transactions += 1;
    if (outcome === "SUCCESS" && month === currentMonth) {
      const u = usage.get(mid) ?? { captured: 0, refunded: 0 };
      u.captured += total;
      usage.set(mid, u);
    }
    if (refunded > 0) {
      const refundAt = Math.min(now - 60_000, at + Math.floor(random() * 5 * 86_400_000));
      insertTxn.run(
        orderId,
        product.campaignId,
        mid,
        "REFUND",
        "SUCCESS",
        refunded,
        product.currency,
        Number(sale.lastInsertRowid),
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
      );
      transactions += 1;
      if (monthOf(refundAt) === currentMonth) {
        const u = usage.get(mid) ?? { captured: 0, refunded: 0 };
        u.refunded += refunded;
        usage.set(mid, u);
      }
    }
  };

  for (let start = 0; start < options.orders; start += batch) {
    sqlite.transaction(() => {
      for (let n = start; n < Math.min(options.orders, start + batch); n++) writeOne(n);
    })();
    options.onProgress?.(Math.min(options.orders, start + batch));
  }
  sqlite.transaction(() => {
    for (const [mid, u] of usage) addUsage.run(mid, currentMonth, u.captured, u.refunded);
  })();
  return { orders: options.orders, transactions };
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
