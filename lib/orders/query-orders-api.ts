import { and, count, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, transactions } from "@/db/schema";
import { TRANSACTION_STATUSES } from "@/lib/values/transaction-statuses";
import { TRANSACTION_TYPES } from "@/lib/values/transaction-types";
import { ORDER_STATUSES } from "@/lib/values/order-statuses";
import { ApiError, invalidField } from "@/lib/api/api-error";
import { parseApiDay, parsePaging } from "@/lib/api/parse-api-dates";
import { optionalId } from "@/lib/api/parse-api-fields";
import { formatMinorPlain } from "@/lib/money/money";
import { loadOrderResult } from "./order-result";

const DAY_MS = 86_400_000;

function dateRange(fields: Record<string, string>, column: typeof orders.createdAt | typeof transactions.createdAt): SQL[] {
  const start = parseApiDay(fields, "startDate");
  const end = parseApiDay(fields, "endDate");
  const conditions: SQL[] = [];
  if (start !== undefined) conditions.push(gte(column, start));
  if (end !== undefined) conditions.push(lt(column, end + DAY_MS));
  return conditions;
}

function oneOf<T extends string>(fields: Record<string, string>, name: string, allowed: readonly T[]): T | undefined {
  const raw = (fields[name] ?? "").trim().toUpperCase();
  if (!raw) return undefined;
  if (!allowed.includes(raw as T)) throw invalidField(name, `must be one of ${allowed.join(", ")}.`);
  return raw as T;
}

function requireSelector(fields: Record<string, string>, keys: string[]): void {
  if (!keys.some((k) => (fields[k] ?? "").trim())) {
    throw new ApiError("INVALID_FIELD", `Send one of ${keys.join(", ")} (or startDate and endDate).`, { field: keys[0] });
  }
}

/** Konnektive's Query Order: by id, email, Amazon id, or a date range, ≤200 a page. */
export async function queryOrdersApi(db: Db, fields: Record<string, string>) {
  requireSelector(fields, ["orderId", "emailAddress", "amazonOrderId", "startDate", "endDate"]);
  const { page, perPage } = parsePaging(fields);
  const conditions: SQL[] = dateRange(fields, orders.createdAt);
  const orderId = optionalId(fields, "orderId");
  if (orderId) conditions.push(eq(orders.id, orderId));
  if (fields.emailAddress?.trim()) conditions.push(eq(orders.email, fields.emailAddress.trim().toLowerCase()));
  if (fields.amazonOrderId?.trim())
    conditions.push(
      or(eq(orders.amazonOrderReferenceId, fields.amazonOrderId.trim()), eq(orders.amazonBillingAgreementId, fields.amazonOrderId.trim())) as SQL,
    );
  const campaignId = optionalId(fields, "campaignId");
  if (campaignId) conditions.push(eq(orders.campaignId, campaignId));
  const status = oneOf(fields, "orderStatus", ORDER_STATUSES);
  if (status) conditions.push(eq(orders.status, status));
  const where = and(...conditions);
  const total = (await db.select({ n: count() }).from(orders).where(where))[0]?.n ?? 0;
  const ids = await db
    .select({ id: orders.id })
    .from(orders)
    .where(where)
    .orderBy(desc(orders.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return { totalResults: total, page, resultsPerPage: perPage, data: await Promise.all(ids.map(async (r) => loadOrderResult(db, r.id))) };
}

/** Konnektive's Query Transactions. */
export async function queryTransactionsApi(db: Db, fields: Record<string, string>) {
  requireSelector(fields, ["transactionId", "orderId", "startDate", "endDate"]);
  const { page, perPage } = parsePaging(fields);
  const conditions: SQL[] = dateRange(fields, transactions.createdAt);
  const transactionId = optionalId(fields, "transactionId");
  if (transactionId) conditions.push(eq(transactions.id, transactionId));
  const orderId = optionalId(fields, "orderId");
  if (orderId) conditions.push(eq(transactions.orderId, orderId));
  const midId = optionalId(fields, "amazonBillerId");
  if (midId) conditions.push(eq(transactions.midId, midId));
  const responseType = oneOf(fields, "responseType", TRANSACTION_STATUSES);
  if (responseType) conditions.push(eq(transactions.status, responseType));
  const txnType = oneOf(fields, "txnType", TRANSACTION_TYPES);
  if (txnType) conditions.push(eq(transactions.type, txnType));
  const where = and(...conditions);
  const total = (await db.select({ n: count() }).from(transactions).where(where))[0]?.n ?? 0;
  const rows = await db
    .select()
    .from(transactions)
    .where(where)
    .orderBy(desc(transactions.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return {
    totalResults: total,
    page,
    resultsPerPage: perPage,
    data: rows.map((t) => ({
      transactionId: t.id,
      orderId: t.orderId,
      amazonBillerId: t.midId,
      txnType: t.type,
      responseType: t.status,
      amount: formatMinorPlain(t.amountMinor, t.currency),
      currency: t.currency,
      referenceId: t.referenceId,
      amazonOrderReferenceId: t.amazonOrderReferenceId,
      amazonAuthorizationId: t.amazonAuthorizationId,
      amazonCaptureId: t.amazonCaptureId,
      amazonRefundId: t.amazonRefundId,
      reasonCode: t.reasonCode,
      message: t.customerMessage,
      dateCreated: new Date(t.createdAt).toISOString(),
    })),
  };
}
