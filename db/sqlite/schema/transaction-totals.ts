import { sqliteTable, integer, text, primaryKey } from "drizzle-orm/sqlite-core";

/*
 * Running totals of `transactions`, kept by triggers (migration 0004) in the same write as the
 * row itself, so a count and sum over a million rows reads a few thousand totals instead.
 * "None" is stored as 0 (campaign) or '' (reason) because NULLs never match in a primary key.
 */

/** Per UTC hour: day ranges in any whole-hour time zone are exact sums of hours. */
export const transactionHourlyTotals = sqliteTable(
  "transaction_hourly_totals",
  {
    hour: integer("hour").notNull(), // created_at / 3,600,000
    midId: integer("mid_id").notNull(),
    campaignId: integer("campaign_id").notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    reasonCode: text("reason_code").notNull(),
    count: integer("count").notNull(),
    sumMinor: integer("sum_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.midId, t.campaignId, t.type, t.status, t.currency, t.reasonCode] })],
);

/** All time, per amount: answers an amount range without a date range. */
export const transactionAmountTotals = sqliteTable(
  "transaction_amount_totals",
  {
    midId: integer("mid_id").notNull(),
    campaignId: integer("campaign_id").notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    count: integer("count").notNull(),
    sumMinor: integer("sum_minor").notNull(),
  },
  (t) => [primaryKey({ columns: [t.midId, t.campaignId, t.type, t.status, t.currency, t.amountMinor] })],
);
