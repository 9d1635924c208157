import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
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

/** Cursor "createdAt.id" of the last row shown; the next page starts strictly after it. */
export function parseCursor(value: string | undefined): { createdAt: number; id: number } | null {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value ?? "");
  return match ? { createdAt: Number(match[1]), id: Number(match[2]) } : null;
}

/**
 * Newest first with keyset pagination on (created_at, id): page 200 costs what page 1 costs.
 * The page's ids are chosen from transactions alone (an index walk in date order), and only
 * those rows are joined to MIDs, orders and campaigns. CROSS JOIN fixes that order: SQLite
 * never reorders it, and left to itself it may start from the small MIDs table and sort the
 * whole result instead.
 */
export async function listTransactions(
  db: Db,
  actor: Actor,
  filter: TransactionFilter,
  page: { perPage: number; after?: string },
): Promise<{ rows: TransactionRow[]; nextCursor: string | null }> {
  assertCan(actor, "transactions.read");
  const conditions: SQL[] = buildTransactionConditions(filter);
  const cursor = parseCursor(page.after);
  if (cursor)
    conditions.push(or(lt(transactions.createdAt, cursor.createdAt), and(eq(transactions.createdAt, cursor.createdAt), lt(transactions.id, cursor.id))) as SQL);
  const pageIds = db
    .select({ id: transactions.id })
    .from(transactions)
    .where(whereOf(conditions))
    .orderBy(desc(transactions.createdAt), desc(transactions.id))
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
    .orderBy(desc(transactions.createdAt), desc(transactions.id));
  const shown = rows.slice(0, page.perPage);
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: rows.length > page.perPage && last ? `${last.createdAt}.${last.id}` : null };
}
