import { and, eq, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { transactions } from "@/db/schema";
import { TRANSACTION_STATUSES } from "@/lib/values/transaction-statuses";
import { TRANSACTION_TYPES } from "@/lib/values/transaction-types";
import { parseMajorToMinor } from "@/lib/money/money";
import { startOfIsoDayMs } from "@/lib/money/calendar";
import type { SearchReader } from "@/lib/search-params/read-search-params";
import { transactionSearchCondition } from "@/lib/search/search-conditions";

export type TransactionFilter = {
  from?: string;
  to?: string;
  midId?: number;
  campaignId?: number;
  type?: (typeof TRANSACTION_TYPES)[number];
  status?: (typeof TRANSACTION_STATUSES)[number];
  minAmount?: string;
  maxAmount?: string;
  q?: string;
};

/** The list's URL values → its filter; values that break their rule are left out (the reader lists them). */
export function readTransactionFilter(params: SearchReader): TransactionFilter {
  return {
    from: params.day("from"),
    to: params.day("to"),
    midId: params.id("mid"),
    campaignId: params.id("campaign"),
    type: params.oneOf("type", TRANSACTION_TYPES),
    status: params.oneOf("status", TRANSACTION_STATUSES),
    minAmount: params.amount("min"),
    maxAmount: params.amount("max"),
    q: params.text("q"),
  };
}

/** The filter as URL parameters (for links, pagination and the export's file name). */
export function transactionFilterParams(filter: TransactionFilter): URLSearchParams {
  const params = new URLSearchParams();
  const entries: Array<[string, string | number | undefined]> = [
    ["from", filter.from],
    ["to", filter.to],
    ["mid", filter.midId],
    ["campaign", filter.campaignId],
    ["type", filter.type],
    ["status", filter.status],
    ["min", filter.minAmount],
    ["max", filter.maxAmount],
    ["q", filter.q],
  ];
  for (const [key, value] of entries) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

/** The date filter as [from, to) in epoch ms: whole days in APP_TIMEZONE (a day that does not exist is no bound). */
export function dayBounds(filter: TransactionFilter): { fromMs?: number; toMs?: number } {
  const fromMs = filter.from ? startOfIsoDayMs(filter.from) : null;
  const toStartMs = filter.to ? startOfIsoDayMs(filter.to) : null;
  return { fromMs: fromMs ?? undefined, toMs: toStartMs === null ? undefined : toStartMs + 86_400_000 };
}

/** One conditions list for the page, its count and sum, and the CSV export. */
export function buildTransactionConditions(db: Db, filter: TransactionFilter): SQL[] {
  const conditions: SQL[] = [];
  const { fromMs, toMs } = dayBounds(filter);
  if (fromMs !== undefined) conditions.push(gte(transactions.createdAt, fromMs));
  if (toMs !== undefined) conditions.push(lt(transactions.createdAt, toMs));
  if (filter.midId) conditions.push(eq(transactions.midId, filter.midId));
  if (filter.campaignId) conditions.push(eq(transactions.campaignId, filter.campaignId));
  if (filter.type) conditions.push(eq(transactions.type, filter.type));
  if (filter.status) conditions.push(eq(transactions.status, filter.status));
  if (filter.minAmount) conditions.push(amountBound(filter.minAmount, gte));
  if (filter.maxAmount) conditions.push(amountBound(filter.maxAmount, lte));
  if (filter.q) conditions.push(transactionSearchCondition(db, filter.q));
  return conditions;
}

type AmountColumns = { currency: SQLiteColumn; amountMinor: SQLiteColumn };

/** An amount typed in major units, compared in each row's own minor units (JPY has none). */
export function amountBound(major: string, compare: typeof gte, columns: AmountColumns = transactions): SQL {
  const twoDecimals = parseMajorToMinor(major, "USD") as number;
  const yen = Math.floor(twoDecimals / 100);
  return or(
    and(eq(columns.currency, "JPY"), compare(columns.amountMinor, yen)),
    and(sql`${columns.currency} <> 'JPY'`, compare(columns.amountMinor, twoDecimals)),
  ) as SQL;
}

export function whereOf(conditions: SQL[]): SQL | undefined {
  return conditions.length ? and(...conditions) : undefined;
}
