import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, mids, orders, transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { formatMinorPlain } from "@/lib/money/money";
import { buildTransactionConditions, transactionFilterParams, whereOf, type TransactionFilter } from "./transaction-filter";

export const CSV_COLUMNS = ["transaction_id", "created_at_utc", "order_id", "type", "response", "amount", "currency", "mid_id", "mid_title", "campaign", "customer_email", "reference_id", "amazon_order_reference_id", "amazon_authorization_id", "amazon_capture_id", "amazon_refund_id", "reason_code"] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // Quote when needed; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A file name that says what was filtered, e.g. transactions_status-SUCCESS_from-2026-11-01.csv */
export function exportFileName(filter: TransactionFilter): string {
  const parts = [...transactionFilterParams(filter)].map(([k, v]) => `${k}-${v.replace(/[^A-Za-z0-9.@_-]/g, "")}`);
  return `transactions${parts.length ? `_${parts.join("_")}` : "_all"}.csv`;
}

/**
 * The whole filtered list as CSV, streamed row by row from SQLite (an iterator, not an array),
 * so memory stays flat however many rows match. No column can hold a secret.
 */
export function streamTransactionsCsv(db: Db, actor: Actor, filter: TransactionFilter): ReadableStream<Uint8Array> {
  assertCan(actor, "transactions.read");
  const query = db
    .select({
      id: transactions.id, createdAt: transactions.createdAt, orderId: transactions.orderId, type: transactions.type, status: transactions.status,
      amountMinor: transactions.amountMinor, currency: transactions.currency, midId: transactions.midId, midTitle: mids.title, campaign: campaigns.name,
      email: orders.email, referenceId: transactions.referenceId, oro: transactions.amazonOrderReferenceId, auth: transactions.amazonAuthorizationId,
      capture: transactions.amazonCaptureId, refund: transactions.amazonRefundId, reasonCode: transactions.reasonCode,
    })
    .from(transactions)
    .innerJoin(mids, eq(mids.id, transactions.midId))
    .innerJoin(orders, eq(orders.id, transactions.orderId))
    .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .where(whereOf(buildTransactionConditions(filter)))
    .orderBy(desc(transactions.createdAt), desc(transactions.id));
  // better-sqlite3's iterate() walks the result without materialising it.
  const { sql, params } = query.toSQL();
  const iterator = db.$client.prepare(sql).raw(true).iterate(...params) as IterableIterator<Array<string | number | null>>;
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = headerSent ? "" : `${CSV_COLUMNS.join(",")}\n`;
      headerSent = true;
      for (let i = 0; i < 2000; i++) {
        const next = iterator.next();
        if (next.done) {
          controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        const [id, createdAt, orderId, type, status, amountMinor, currency, ...rest] = next.value;
        chunk += [id, new Date(Number(createdAt)).toISOString(), orderId, type, status, formatMinorPlain(Number(amountMinor), String(currency)), currency, ...rest].map(csvCell).join(",") + "\n";
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      iterator.return?.();
    },
  });
}
