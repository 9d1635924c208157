import { and, asc, count, desc, eq, gt, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { campaigns, mids, orders, transactions } from "@/db/schema";
import { ORDER_STATUSES } from "@/lib/values/order-statuses";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { parseCursor } from "@/lib/transactions/list-transactions";
import { orderSearchCondition } from "@/lib/search/search-conditions";

/** The list's orders: newest or oldest first, or by order total (highest or lowest first). */
export const ORDER_SORTS = ["newest", "oldest", "amount-desc", "amount-asc"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export type OrderListFilter = {
  status?: (typeof ORDER_STATUSES)[number];
  campaignId?: number;
  midId?: number;
  fromMs?: number;
  toMs?: number;
  q?: string;
};

/** Keyset paging: `after` is the last row shown ("value.id"), the next page starts strictly after it; `before` the first, for the page before. */
export type OrderPage = { sort: OrderSort; perPage: number; after?: string; before?: string };

export type OrderListRow = {
  id: number;
  createdAt: number;
  status: string;
  email: string | null;
  name: string;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  midId: number;
  midTitle: string;
  campaignName: string | null;
  amazonId: string | null;
  source: string;
  parentOrderId: number | null;
  /** Refunds and captures sent to Amazon and not confirmed yet. */
  refundPendingMinor: number;
  capturePendingMinor: number;
};

/** One conditions list for the page, its count and the CSV export. */
export function buildOrderConditions(db: Db, filter: OrderListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.campaignId) conditions.push(eq(orders.campaignId, filter.campaignId));
  if (filter.midId) conditions.push(eq(orders.midId, filter.midId));
  if (filter.fromMs !== undefined) conditions.push(gte(orders.createdAt, filter.fromMs));
  if (filter.toMs !== undefined) conditions.push(lt(orders.createdAt, filter.toMs));
  if (filter.q) conditions.push(orderSearchCondition(db, filter.q));
  return conditions;
}

/** The column an order sort walks, and whether it runs high to low. */
export function sortKey(sort: OrderSort): { column: SQLiteColumn; descending: boolean; of: (row: { createdAt: number; totalMinor: number }) => number } {
  const byDate = sort === "newest" || sort === "oldest";
  return {
    column: byDate ? orders.createdAt : orders.totalMinor,
    descending: sort === "newest" || sort === "amount-desc",
    of: (row) => (byDate ? row.createdAt : row.totalMinor),
  };
}

export async function countOrders(db: Db, actor: Actor, filter: OrderListFilter): Promise<number> {
  assertCan(actor, "orders.read");
  const conditions = buildOrderConditions(db, filter);
  return (
    (
      await db
        .select({ n: count() })
        .from(orders)
        .where(conditions.length ? and(...conditions) : undefined)
    )[0]?.n ?? 0
  );
}

/**
 * A page of orders in the chosen order, keyset-paged on (sort value, id) so page 200 costs what
 * page 1 costs. Going back (`before`) walks the same index the other way and flips the rows.
 */
export async function listOrders(
  db: Db,
  actor: Actor,
  filter: OrderListFilter,
  page: OrderPage,
): Promise<{ rows: OrderListRow[]; previous: string | null; next: string | null }> {
  assertCan(actor, "orders.read");
  const key = sortKey(page.sort);
  const after = parseCursor(page.after);
  const before = after ? null : parseCursor(page.before);
  const cursor = after ?? before;
  // Walking back runs the sort the other way round.
  const walkDescending = before ? !key.descending : key.descending;
  const conditions = buildOrderConditions(db, filter);
  if (cursor) {
    // The outer bound (≤ or ≥) lets SQLite seek the index to the cursor instead of walking to it.
    const [beyond, reach] = walkDescending ? [lt, lte] : [gt, gte];
    conditions.push(reach(key.column, cursor.createdAt), or(beyond(key.column, cursor.createdAt), beyond(orders.id, cursor.id)) as SQL);
  }
  const direction = walkDescending ? desc : asc;
  // The page's ids come from orders alone (an index walk in the sort's order); only those rows
  // are joined. CROSS JOIN fixes that order: left to itself SQLite starts from the small MIDs
  // table and sorts every order.
  const pageIds = db
    .select({ id: orders.id })
    .from(orders)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(direction(key.column), direction(orders.id))
    .limit(page.perPage + 1)
    .as("page_ids");
  const found = await db
    .select({
      order: orders,
      midTitle: mids.title,
      campaignName: campaigns.name,
      // Per shown row only, through the transactions_order index.
      refundPendingMinor: sql<number>`(select coalesce(sum(${transactions.amountMinor}), 0) from ${transactions} where ${transactions.orderId} = ${orders.id} and ${transactions.type} = 'REFUND' and ${transactions.status} = 'PENDING')`,
      capturePendingMinor: sql<number>`(select coalesce(sum(${transactions.amountMinor}), 0) from ${transactions} where ${transactions.orderId} = ${orders.id} and ${transactions.type} = 'CAPTURE' and ${transactions.status} = 'PENDING')`,
    })
    .from(pageIds)
    .crossJoin(orders)
    .crossJoin(mids)
    .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .where(and(eq(orders.id, pageIds.id), eq(mids.id, orders.midId)))
    .orderBy(direction(key.column), direction(orders.id));
  const more = found.length > page.perPage;
  const shown = found.slice(0, page.perPage);
  if (before) shown.reverse();
  const rows = shown.map(({ order, midTitle, campaignName, refundPendingMinor, capturePendingMinor }) => ({
    ...toRow(order, midTitle, campaignName),
    refundPendingMinor: Number(refundPendingMinor),
    capturePendingMinor: Number(capturePendingMinor),
  }));
  const cursorOf = (row: OrderListRow | undefined) => (row ? `${key.of(row)}.${row.id}` : null);
  return {
    rows,
    previous: (before ? more : Boolean(after)) ? cursorOf(rows[0]) : null,
    next: (before ? true : more) ? cursorOf(rows[rows.length - 1]) : null,
  };
}

function toRow(
  order: typeof orders.$inferSelect,
  midTitle: string,
  campaignName: string | null,
): Omit<OrderListRow, "refundPendingMinor" | "capturePendingMinor"> {
  return {
    id: order.id,
    createdAt: order.createdAt,
    status: order.status,
    email: order.email,
    name: [order.firstName, order.lastName].filter(Boolean).join(" "),
    totalMinor: order.totalMinor,
    refundedMinor: order.refundedMinor,
    currency: order.currency,
    midId: order.midId,
    midTitle,
    campaignName,
    amazonId: order.amazonOrderReferenceId ?? order.amazonBillingAgreementId,
    source: order.source,
    parentOrderId: order.parentOrderId,
  };
}
