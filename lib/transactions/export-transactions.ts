import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hundredthsText, integerText, joinedText } from "@/db/dialect";
import { RowReader } from "@/db/row-reader";
import { campaigns, mids, orders, transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { ZERO_DECIMAL_CURRENCIES } from "@/lib/money/money";
import { buildTransactionConditions, transactionFilterParams, whereOf, type TransactionFilter } from "./transaction-filter";

export const CSV_COLUMNS = [
  "transaction_id",
  "created_at_utc",
  "order_id",
  "type",
  "response",
  "amount",
  "currency",
  "mid_id",
  "mid_title",
  "campaign",
  "customer_email",
  "reference_id",
  "amazon_order_reference_id",
  "amazon_authorization_id",
  "amazon_capture_id",
  "amazon_refund_id",
  "reason_code",
] as const;

/** A file name that says what was filtered, e.g. transactions_status-SUCCESS_from-2026-11-01.csv */
export function exportFileName(filter: TransactionFilter): string {
  const parts = [...transactionFilterParams(filter)].map(([k, v]) => `${k}-${v.replace(/[^A-Za-z0-9.@_-]/g, "")}`);
  return `transactions${parts.length ? `_${parts.join("_")}` : "_all"}.csv`;
}

// What a spreadsheet may run as a formula: a cell starting with = + - @, a tab or a carriage
// return. Only a whole plain number may keep a leading "-" ("-1+HYPERLINK(…)" may not).
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A value as one CSV cell: quoted when it holds a quote, comma or line break; a possible formula gets a leading ' so it stays text. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// The database hands over each row as three values — id, created_at (formatted here: cheaper than
// strftime) and every other column joined by the unit separator — because turning values into
// JavaScript strings is most of the cost of a million-row export. A row with nothing to quote
// or guard (nearly all) then takes one replace.
const SEPARATOR = "\x1f";
const NEEDS_CARE = /[",\n\r]|(?:^|\x1f)[=+\-@\t]/;

function restCells(joined: string): string {
  if (!NEEDS_CARE.test(joined)) return joined.replaceAll(SEPARATOR, ",");
  return joined.split(SEPARATOR).map(csvCell).join(",");
}

/** Amounts in major units, as formatMinorPlain writes them (transaction amounts are never negative). */
const amountCell = (db: Db) =>
  sql`(case when ${transactions.currency} in ${ZERO_DECIMAL_CURRENCIES} then ${integerText(db, sql`${transactions.amountMinor}`)} else ${hundredthsText(db, sql`${transactions.amountMinor}`)} end)`;

/** order_id … reason_code in CSV_COLUMNS order (NULL is an empty cell). Only ids, amounts and names: no column can hold a secret. */
const restColumns = (db: Db) =>
  joinedText(
    db,
    [
      sql`${transactions.orderId}`,
      sql`${transactions.type}`,
      sql`${transactions.status}`,
      amountCell(db),
      sql`${transactions.currency}`,
      sql`${transactions.midId}`,
      sql`${mids.title}`,
      sql`${campaigns.name}`,
      sql`${orders.email}`,
      sql`${transactions.referenceId}`,
      sql`${transactions.amazonOrderReferenceId}`,
      sql`${transactions.amazonAuthorizationId}`,
      sql`${transactions.amazonCaptureId}`,
      sql`${transactions.amazonRefundId}`,
      sql`${transactions.reasonCode}`,
    ],
    SEPARATOR.charCodeAt(0),
  );

type ExportRow = [id: number, createdAt: number, rest: string];

/**
 * The whole filtered list as CSV, streamed row by row (an iterator or a cursor, not an array),
 * so memory stays flat however many rows match.
 */
export async function streamTransactionsCsv(db: Db, actor: Actor, filter: TransactionFilter): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "transactions.read");
  const query = db
    .select({ id: transactions.id, createdAt: transactions.createdAt, rest: sql<string>`${restColumns(db)}` })
    .from(transactions)
    // CROSS JOIN keeps transactions the outer loop: rows come in index order, never sorted in bulk.
    .crossJoin(mids)
    .crossJoin(orders)
    .leftJoin(campaigns, eq(campaigns.id, transactions.campaignId))
    .where(whereOf([eq(mids.id, transactions.midId), eq(orders.id, transactions.orderId), ...buildTransactionConditions(db, filter)]))
    .orderBy(desc(transactions.createdAt), desc(transactions.id));
  const { sql: text, params } = query.toSQL();
  const rows = new RowReader<ExportRow>(db, { sql: text, params });
  // Lines are written straight into a fresh 1 MB buffer per chunk (no big intermediate strings
  // for the garbage collector). A line that might not fit waits for the next chunk.
  const CHUNK_BYTES = 1 << 20;
  let pending: string | null = `${CSV_COLUMNS.join(",")}\n`;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let used = 0;
      for (;;) {
        let line = pending;
        pending = null;
        if (line === null) {
          const row = rows.take() ?? ((await rows.refill()) ? rows.take() : undefined);
          if (!row) {
            if (used > 0) controller.enqueue(buffer.subarray(0, used));
            controller.close();
            return;
          }
          const [id, createdAt, rest] = row;
          line = `${id},${new Date(createdAt).toISOString()},${restCells(rest)}\n`;
        }
        // A UTF-16 code unit is at most 3 bytes of UTF-8.
        if (used + line.length * 3 > CHUNK_BYTES) {
          if (used === 0) controller.enqueue(Buffer.from(line));
          else {
            pending = line;
            controller.enqueue(buffer.subarray(0, used));
          }
          return;
        }
        used += buffer.write(line, used);
      }
    },
    async cancel() {
      await rows.close();
    },
  });
}
