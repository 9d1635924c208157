import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { RowReader } from "@/db/row-reader";
import { campaigns, mids, orders } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { formatMinorPlain } from "@/lib/money/money";
import { csvCell } from "@/lib/transactions/export-transactions";
import { buildOrderConditions, sortKey, type OrderListFilter, type OrderSort } from "./list-orders";
import { orderFilterParams, type OrderListView } from "./read-order-filter";

export const ORDER_CSV_COLUMNS = [
  "order_id",
  "created_at_utc",
  "status",
  "total",
  "refunded",
  "currency",
  "customer_email",
  "customer_name",
  "campaign",
  "mid_id",
  "mid_title",
  "amazon_order_reference_id",
  "amazon_billing_agreement_id",
  "source",
  "parent_order_id",
] as const;

/** A file name that says what was filtered, e.g. orders_status-REFUNDED_from-2026-11-01.csv */
export function orderExportFileName(filter: OrderListView): string {
  const parts = [...orderFilterParams(filter)].map(([k, v]) => `${k}-${v.replace(/[^A-Za-z0-9.@_-]/g, "")}`);
  return `orders${parts.length ? `_${parts.join("_")}` : "_all"}.csv`;
}

type Row = {
  id: number;
  createdAt: number;
  status: string;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  campaign: string | null;
  midId: number;
  midTitle: string;
  oro: string | null;
  ba: string | null;
  source: string;
  parentOrderId: number | null;
};

/**
 * The whole filtered order list as CSV in the list's order, streamed row by row from SQLite so
 * memory stays flat. Only ids, amounts, names and the buyer's email: nothing secret is selected,
 * and every text cell passes the spreadsheet-formula guard.
 */
export async function streamOrdersCsv(db: Db, actor: Actor, filter: OrderListFilter, sort: OrderSort): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "orders.read");
  const key = sortKey(sort);
  const direction = key.descending ? desc : asc;
  const conditions = buildOrderConditions(db, filter);
  const query = db
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      status: orders.status,
      totalMinor: orders.totalMinor,
      refundedMinor: orders.refundedMinor,
      currency: orders.currency,
      email: orders.email,
      firstName: orders.firstName,
      lastName: orders.lastName,
      campaign: campaigns.name,
      midId: orders.midId,
      midTitle: mids.title,
      oro: orders.amazonOrderReferenceId,
      ba: orders.amazonBillingAgreementId,
      source: orders.source,
      parentOrderId: orders.parentOrderId,
    })
    .from(orders)
    // CROSS JOIN keeps orders the outer loop: rows come in index order, never sorted in bulk.
    .crossJoin(mids)
    .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .where(and(eq(mids.id, orders.midId), ...conditions))
    .orderBy(direction(key.column), direction(orders.id));
  const { sql: text, params } = query.toSQL();
  const rows = new RowReader(db, { sql: text, params });
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const lines: string[] = header ? [ORDER_CSV_COLUMNS.join(",")] : [];
      header = false;
      for (let i = 0; i < 2000; i++) {
        const row = rows.take() ?? ((await rows.refill()) ? rows.take() : undefined);
        if (!row) {
          if (lines.length) controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
          controller.close();
          return;
        }
        lines.push(toLine(fromRow(row)));
      }
      controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
    },
    async cancel() {
      await rows.close();
    },
  });
}

/** The raw statement answers each row as an array in the selected order. */
function fromRow(values: unknown[]): Row {
  const names: Array<keyof Row> = [
    "id",
    "createdAt",
    "status",
    "totalMinor",
    "refundedMinor",
    "currency",
    "email",
    "firstName",
    "lastName",
    "campaign",
    "midId",
    "midTitle",
    "oro",
    "ba",
    "source",
    "parentOrderId",
  ];
  return Object.fromEntries(names.map((n, i) => [n, values[i]])) as Row;
}

function toLine(r: Row): string {
  const name = [r.firstName, r.lastName].filter(Boolean).join(" ");
  return [
    String(r.id),
    new Date(r.createdAt).toISOString(),
    r.status,
    formatMinorPlain(r.totalMinor, r.currency),
    formatMinorPlain(r.refundedMinor, r.currency),
    r.currency,
    r.email ?? "",
    name,
    r.campaign ?? "",
    String(r.midId),
    r.midTitle,
    r.oro ?? "",
    r.ba ?? "",
    r.source,
    r.parentOrderId === null ? "" : String(r.parentOrderId),
  ]
    .map(csvCell)
    .join(",");
}
