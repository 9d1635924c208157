import { eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { transactionAmountTotals, transactions } from "@/db/schema";
import { CAPTURED_TYPES, CHARGE_ATTEMPT_TYPES } from "@/lib/values/transaction-types";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { amountBound, buildTransactionConditions, dayBounds, whereOf, type TransactionFilter } from "./transaction-filter";
import { sumTransactionTotals } from "./sum-transaction-totals";
import { countMatchesUpTo } from "@/lib/search/count-matches-up-to";

export type Figure = { count: number; minor: number };

/**
 * One currency's money, in the words an operator uses: captured (sales and captures Amazon
 * confirmed), refunded (confirmed refunds), net (captured − refunded), declined (charge attempts
 * Amazon declined) and pending (anything Amazon has not answered yet, e.g. a refund in flight).
 */
export type CurrencySummary = { currency: string; captured: Figure; refunded: Figure; net: number; declined: Figure; pending: Figure; rows: number };
/** `capped`: a search matched more than SEARCH_COUNT_CAP rows; `count` is the cap and no sums were taken. */
export type TransactionSummary = { count: number; currencies: CurrencySummary[]; capped?: true };

type Row = { currency: string; type: string; status: string; sumMinor: number; count: number };

const DECLINES = new Set(["SOFT_DECLINE", "HARD_DECLINE"]);
const isCaptured = (r: Row) => r.status === "SUCCESS" && (CAPTURED_TYPES as readonly string[]).includes(r.type);
const isRefunded = (r: Row) => r.status === "SUCCESS" && r.type === "REFUND";
const isDeclined = (r: Row) => DECLINES.has(r.status) && (CHARGE_ATTEMPT_TYPES as readonly string[]).includes(r.type);
const isPending = (r: Row) => r.status === "PENDING";

/**
 * Count and per-currency figures of the whole filtered result (not just the page). Filters the
 * running totals can answer (dates, MID, campaign, type, response, or amounts without dates)
 * read those; a search or amounts within dates count the rows themselves. A search that matches
 * more than SEARCH_COUNT_CAP rows gets the capped count and no sums.
 */
export async function summarizeTransactions(db: Db, actor: Actor, filter: TransactionFilter): Promise<TransactionSummary> {
  assertCan(actor, "transactions.read");
  if (filter.q) {
    const matches = await countMatchesUpTo(db, transactions, whereOf(buildTransactionConditions(db, filter)));
    if (matches.capped) return { count: matches.count, currencies: [], capped: true };
  }
  const rows = ((await totalsFromRunningTotals(db, filter)) ?? (await totalsFromRows(db, filter)))
    .map((r) => ({ ...r, sumMinor: Number(r.sumMinor), count: Number(r.count) }))
    .filter((r) => r.count > 0);
  const currencies = [...new Set(rows.map((r) => r.currency))].sort().map((currency) =>
    summarizeCurrency(
      currency,
      rows.filter((r) => r.currency === currency),
    ),
  );
  return { count: currencies.reduce((n, c) => n + c.rows, 0), currencies };
}

function summarizeCurrency(currency: string, rows: Row[]): CurrencySummary {
  const figure = (test: (r: Row) => boolean): Figure =>
    rows.filter(test).reduce((f, r) => ({ count: f.count + r.count, minor: f.minor + r.sumMinor }), { count: 0, minor: 0 });
  const captured = figure(isCaptured);
  const refunded = figure(isRefunded);
  return {
    currency,
    captured,
    refunded,
    net: captured.minor - refunded.minor,
    declined: figure(isDeclined),
    pending: figure(isPending),
    rows: rows.reduce((n, r) => n + r.count, 0),
  };
}

async function totalsFromRows(db: Db, filter: TransactionFilter): Promise<Row[]> {
  return await db
    .select({
      currency: transactions.currency,
      type: transactions.type,
      status: transactions.status,
      sumMinor: sql<number>`coalesce(sum(${transactions.amountMinor}), 0)`,
      count: sql<number>`count(*)`,
    })
    .from(transactions)
    .where(whereOf(buildTransactionConditions(db, filter)))
    .groupBy(transactions.currency, transactions.type, transactions.status);
}

async function totalsFromRunningTotals(db: Db, filter: TransactionFilter): Promise<Row[] | null> {
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
      groupBy: ["currency", "type", "status"],
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
  return await db
    .select({ currency: t.currency, type: t.type, status: t.status, sumMinor: sql<number>`sum(${t.sumMinor})`, count: sql<number>`sum(${t.count})` })
    .from(t)
    .where(whereOf(conditions))
    .groupBy(t.currency, t.type, t.status);
}
