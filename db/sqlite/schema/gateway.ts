import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SUBSCRIPTION_STATUSES } from "@/lib/values/subscription-statuses";
import { mids } from "./mids";
import { orders } from "./orders";
import { campaignProducts } from "./campaigns";

/** One row per HTTP attempt to Amazon, with secrets, tokens and notes already redacted. */
export const gatewayCalls = sqliteTable(
  "gateway_calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    midId: integer("mid_id").references(() => mids.id),
    orderId: integer("order_id").references(() => orders.id),
    transactionId: integer("transaction_id"),
    action: text("action").notNull(),
    params: text("params").notNull(),
    httpStatus: integer("http_status"),
    requestId: text("request_id"),
    errorCode: text("error_code"),
    durationMs: integer("duration_ms").notNull(),
    attempt: integer("attempt").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("gateway_calls_order").on(t.orderId), index("gateway_calls_created").on(t.createdAt)],
);

export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    productId: integer("product_id").references(() => campaignProducts.id),
    midId: integer("mid_id")
      .notNull()
      .references(() => mids.id),
    customerId: integer("customer_id"),
    amazonBillingAgreementId: text("amazon_billing_agreement_id").notNull(),
    status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull(),
    cycleDays: integer("cycle_days").notNull(),
    rebillPriceMinor: integer("rebill_price_minor").notNull(),
    currency: text("currency").notNull(),
    nextBillAt: integer("next_bill_at").notNull(),
    failureCount: integer("failure_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("subscriptions_next_bill").on(t.status, t.nextBillAt), uniqueIndex("subscriptions_order").on(t.orderId)],
);

/** Operator overrides of the built-in decline mapping; `midId` null is the global rule. */
export const declineRules = sqliteTable(
  "decline_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    midId: integer("mid_id").references(() => mids.id),
    reasonCode: text("reason_code").notNull(),
    kind: text("kind", { enum: ["soft", "hard"] }).notNull(),
    message: text("message").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("decline_rules_scope").on(t.midId, t.reasonCode)],
);

export const ipnEvents = sqliteTable(
  "ipn_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notificationReferenceId: text("notification_reference_id"),
    notificationType: text("notification_type"),
    rawBody: text("raw_body").notNull(),
    verified: integer("verified", { mode: "boolean" }).notNull(),
    rejectReason: text("reject_reason"),
    applied: integer("applied", { mode: "boolean" }).notNull().default(false),
    applyResult: text("apply_result"),
    orderId: integer("order_id"),
    transactionId: integer("transaction_id"),
    // The MID the notification's SellerId (and environment) resolved to; null when none did.
    midId: integer("mid_id"),
    sellerId: text("seller_id"),
    // What became of it: applied | duplicate | rejected | unknown-seller | mismatched | unmatched.
    disposition: text("disposition"),
    // Who sent it and what: rejected bodies keep only a hash and their first 4 KB.
    sourceIp: text("source_ip"),
    bodySha256: text("body_sha256"),
    bodyBytes: integer("body_bytes"),
    receivedAt: integer("received_at").notNull(),
  },
  // Not unique: forged or replayed copies are stored too, to be shown as rejected or duplicate.
  (t) => [
    index("ipn_events_notification").on(t.notificationReferenceId),
    index("ipn_events_received").on(t.receivedAt),
    index("ipn_events_source_received").on(t.sourceIp, t.receivedAt),
  ],
);
