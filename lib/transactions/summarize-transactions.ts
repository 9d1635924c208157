import { eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { transactionAmountTotals, transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { amountBound, buildTransactionConditions, dayBounds, whereOf, type TransactionFilter } from "./transaction-filter";
import { sumTransactionTotals } from "./sum-transaction-totals";

export type TransactionSummary = { count: number; totals: Array<{ currency: string; sumMinor: number; count: number }> };
type Row = { currency: string; sumMinor: number; count: number };

/**
 * Count and sum per currency of the whole filtered result (not just the page). Filters the
 * running totals can answer (dates, MID, campaign, type, response, or amounts without dates)
 * read those; a search or amounts within dates count the rows themselves.
 */
export function summarizeTransactions(db: Db, actor: Actor, filter: TransactionFilter): TransactionSummary {
  assertCan(actor, "transactions.read");
  const rows = totalsFromRunningTotals(db, filter) ?? totalsFromRows(db, filter);
  const totals = rows.map((t) => ({ currency: t.currency, sumMinor: Number(t.sumMinor), count: Number(t.count) })).filter((t) => t.count > 0);
  return { count: totals.reduce((n, t) => n + t.count, 0), totals };
}

function totalsFromRows(db: Db, filter: TransactionFilter): Row[] {
  return db
    .select({ currency: transactions.currency, sumMinor: sql<number>`coalesce(sum(${transactions.amountMinor}), 0)`, count: sql<number>`count(*)` })
    .from(transactions)
    .where(whereOf(buildTransactionConditions(filter)))
    .groupBy(transactions.currency)
    .all();
}

function totalsFromRunningTotals(db: Db, filter: TransactionFilter): Row[] | null {
  const { fromMs, toMs } = dayBounds(filter);
  const dated = fromMs !== undefined || toMs !== undefined;
  const amounts = Boolean(filter.minAmount || filter.maxAmount);
  // The hourly totals have no amounts, the per-amount totals no dates, and neither a search.
  if (filter.q || (dated && amounts)) return null;
  if (dated) {
    return sumTransactionTotals(db, {
      fromMs,
      toMs,
      midId: filter.midId,
      campaignId: filter.campaignId,
      types: filter.type && [filter.type],
      statuses: filter.status && [filter.status],
      groupBy: ["currency"],
    });
  }
  const t = transactionAmountTotals;
  const conditions: SQL[] = [];
  if (filter.midId) conditions.push(eq(t.midId, filter.midId));
  if (filter.campaignId) conditions.push(eq(t.campaignId, filter.campaignId));
  if (filter.type) conditions.push(eq(t.type, filter.type));
  if (filter.status) conditions.push(eq(t.status, filter.status));
  if (filter.minAmount) conditions.push(amountBound(filter.minAmount, gte, t));
  if (filter.maxAmount) conditions.push(amountBound(filter.maxAmount, lte, t));
  return db.select({ currency: t.currency, sumMinor: sql<number>`sum(${t.sumMinor})`, count: sql<number>`sum(${t.count})` }).from(t).where(whereOf(conditions)).groupBy(t.currency).all();
}
