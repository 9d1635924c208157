import { pgTable, integer, bigint, text, primaryKey } from "drizzle-orm/pg-core";

/*
 * Twin of db/sqlite/schema/transaction-totals.ts, kept by the plpgsql triggers of
 * db/pg/migrations/0001_running_totals.sql. SQLite stores these WITHOUT ROWID (the rows live in
 * the primary key's b-tree); PostgreSQL has no such layout and keeps a heap plus the key's index,
 * which answers the same lookups. The keys are named: drizzle's default name (table + every
 * column) is longer than PostgreSQL's 63-character limit for identifiers.
 */

export const transactionHourlyTotals = pgTable(
  "transaction_hourly_totals",
  {
    // bigint, not integer: `hour * 3600000` must not overflow int4 back into milliseconds.
    hour: bigint("hour", { mode: "number" }).notNull(),
    midId: integer("mid_id").notNull(),
    campaignId: integer("campaign_id").notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    reasonCode: text("reason_code").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
    sumMinor: bigint("sum_minor", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "transaction_hourly_totals_pkey", columns: [t.hour, t.midId, t.campaignId, t.type, t.status, t.currency, t.reasonCode] })],
);

export const transactionAmountTotals = pgTable(
  "transaction_amount_totals",
  {
    midId: integer("mid_id").notNull(),
    campaignId: integer("campaign_id").notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
    sumMinor: bigint("sum_minor", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "transaction_amount_totals_pkey", columns: [t.midId, t.campaignId, t.type, t.status, t.currency, t.amountMinor] })],
);
