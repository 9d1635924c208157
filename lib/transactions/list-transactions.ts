import { and, asc, desc, eq, gt, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, mids, orders, transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { buildTransactionConditions, whereOf, type TransactionFilter } from "./transaction-filter";

export type TransactionRow = {
  id: number;
  createdAt: number;
  orderId: number;
  type: string;
  status: string;
  amountMinor: number;
  currency: string;
  midId: number;
  midTitle: string;
  email: string | null;
  campaignName: string | null;
  referenceId: string;
  amazonId: string | null;
  reasonCode: string | null;
};

/** Cursor "createdAt.id" of a row shown: the next page starts strictly after the last, the previous one strictly before the first. */
export function parseCursor(value: string | undefined): { createdAt: number; id: number } | null {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value ?? "");
  return match ? { createdAt: Number(match[1]), id: Number(match[2]) } : null;
}

/**
 * Newest first with keyset pagination on (created_at, id): page 200 costs what page 1 costs.
 * The page's ids are chosen from transactions alone (an index walk in date order), and only
 * those rows are joined to MIDs, orders and campaigns. CROSS JOIN fixes that order: SQLite
 * never reorders it, and left to itself it may start from the small MIDs table and sort the
 * whole result instead. Going back (`before`, the Newer link) walks the same index oldest first
 * and flips the rows, as the orders list does.
 */
export async function listTransactions(
  db: Db,
  actor: Actor,
  filter: TransactionFilter,
  page: { perPage: number; after?: string; before?: string },
): Promise<{ rows: TransactionRow[]; previousCursor: string | null; nextCursor: string | null }> {
  assertCan(actor, "transactions.read");
  const conditions: SQL[] = buildTransactionConditions(db, filter);
  const after = parseCursor(page.after);
  const before = after ? null : parseCursor(page.before);
  const cursor = after ?? before;
  if (cursor) {
    // The outer bound (≤ or ≥) lets SQLite seek the index to the cursor instead of walking to it.
    const [beyond, reach] = before ? [gt, gte] : [lt, lte];
    conditions.push(
      reach(transactions.createdAt, cursor.createdAt),
      or(beyond(transactions.createdAt, cursor.createdAt), beyond(transactions.id, cursor.id)) as SQL,
    );
  }
  const direction = before ? asc : desc;
  const pageIds = db
    .select({ id: transactions.id })
    .from(transactions)
    .where(whereOf(conditions))
    .orderBy(direction(transactions.createdAt), direction(transactions.id))
    .limit(page.perPage + 1)
    .as("page_ids");
  const rows = await db
    .select({
      id: transactions.id,
      createdAt: transactions.createdAt,
      orderId: transactions.orderId,
      type: transactions.type,
      status: transactions.status,
      amountMinor: transactions.amountMinor,
      currency: transactions.currency,
      midId: transactions.midId,
      midTitle: mids.title,
      email: orders.email,
      campaignName: campaigns.name,
      referenceId: transactions.referenceId,
      amazonId: sql<
        string | null
      >`coalesce(${transactions.amazonRefundId}, ${transactions.amazonCaptureId}, ${transactions.amazonAuthorizationId}, ${transactions.amazonOrderReferenceId}, ${transactions.amazonBillingAgreementId})`,
      reasonCode: transactions.reasonCode,
    })
    .from(pageIds)
    .crossJoin(transactions)
    .crossJoin(mids)
    .crossJoin(orders)
    .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .where(and(eq(transactions.id, pageIds.id), eq(mids.id, transactions.midId), eq(orders.id, transactions.orderId)))
    .orderBy(direction(transactions.createdAt), direction(transactions.id));
  const more = rows.length > page.perPage;
  const shown = rows.slice(0, page.perPage);
  if (before) shown.reverse();
  const cursorOf = (row: TransactionRow | undefined) => (row ? `${row.createdAt}.${row.id}` : null);
  return {
    rows: shown,
    previousCursor: (before ? more : Boolean(after)) ? cursorOf(shown[0]) : null,
    nextCursor: (before ? true : more) ? cursorOf(shown[shown.length - 1]) : null,
  };
}
