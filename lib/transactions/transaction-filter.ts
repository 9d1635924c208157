import { and, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { orders, transactions, TRANSACTION_STATUSES, TRANSACTION_TYPES } from "@/db/schema";
import { parseMajorToMinor } from "@/lib/money/money";
import { startOfDayMs } from "@/lib/money/calendar";
import { parseIdParam } from "@/lib/parse-id-param";

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

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** URL → filter. Unknown values are dropped, so a hand-edited URL never breaks the page. */
export function parseTransactionFilter(search: Search): TransactionFilter {
  const type = one(search.type);
  const status = one(search.status);
  const amount = (v: string | undefined) => (v && parseMajorToMinor(v, "USD") !== null ? v : undefined);
  return {
    from: DAY.test(one(search.from) ?? "") ? one(search.from) : undefined,
    to: DAY.test(one(search.to) ?? "") ? one(search.to) : undefined,
    midId: parseIdParam(one(search.mid)) ?? undefined,
    campaignId: parseIdParam(one(search.campaign)) ?? undefined,
    type: TRANSACTION_TYPES.includes(type as never) ? (type as TransactionFilter["type"]) : undefined,
    status: TRANSACTION_STATUSES.includes(status as never) ? (status as TransactionFilter["status"]) : undefined,
    minAmount: amount(one(search.min)),
    maxAmount: amount(one(search.max)),
    q: one(search.q)?.slice(0, 100),
  };
}

/** The filter as URL parameters (for links, pagination and the export's file name). */
export function transactionFilterParams(filter: TransactionFilter): URLSearchParams {
  const params = new URLSearchParams();
  const entries: Array<[string, string | number | undefined]> = [
    ["from", filter.from], ["to", filter.to], ["mid", filter.midId], ["campaign", filter.campaignId], ["type", filter.type],
    ["status", filter.status], ["min", filter.minAmount], ["max", filter.maxAmount], ["q", filter.q],
  ];
  for (const [key, value] of entries) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

/** What the search box recognises: an order id, an email, an Amazon id of any kind, or our reference id. */
function searchCondition(q: string): SQL {
  if (/^\d+$/.test(q)) return eq(transactions.orderId, Number(q));
  if (q.includes("@")) return inArray(transactions.orderId, sql`(select ${orders.id} from ${orders} where ${orders.email} = ${q.toLowerCase()})`);
  if (/^[PS]\d{2}-\d{7}-\d{7}$/.test(q)) return eq(transactions.amazonOrderReferenceId, q);
  if (/^[BC]\d{2}-\d{7}-\d{7}$/.test(q)) return eq(transactions.amazonBillingAgreementId, q);
  if (/-A\d+$/.test(q)) return eq(transactions.amazonAuthorizationId, q);
  if (/-C\d+$/.test(q)) return eq(transactions.amazonCaptureId, q);
  if (/-R\d+$/.test(q)) return eq(transactions.amazonRefundId, q);
  return eq(transactions.referenceId, q);
}

/** The date filter as [from, to) in epoch ms: whole days in APP_TIMEZONE. */
export function dayBounds(filter: TransactionFilter): { fromMs?: number; toMs?: number } {
  return {
    fromMs: filter.from ? startOfDayMs(new Date(`${filter.from}T12:00:00Z`)) : undefined,
    toMs: filter.to ? startOfDayMs(new Date(`${filter.to}T12:00:00Z`)) + 86_400_000 : undefined,
  };
}

/** One conditions list for the page, its count and sum, and the CSV export. */
export function buildTransactionConditions(filter: TransactionFilter): SQL[] {
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
  if (filter.q) conditions.push(searchCondition(filter.q));
  return conditions;
}

type AmountColumns = { currency: SQLiteColumn; amountMinor: SQLiteColumn };

/** An amount typed in major units, compared in each row's own minor units (JPY has none). */
export function amountBound(major: string, compare: typeof gte, columns: AmountColumns = transactions): SQL {
  const twoDecimals = parseMajorToMinor(major, "USD") as number;
  const yen = Math.floor(twoDecimals / 100);
  return or(and(eq(columns.currency, "JPY"), compare(columns.amountMinor, yen)), and(sql`${columns.currency} <> 'JPY'`, compare(columns.amountMinor, twoDecimals))) as SQL;
}

export function whereOf(conditions: SQL[]): SQL | undefined {
  return conditions.length ? and(...conditions) : undefined;
}
