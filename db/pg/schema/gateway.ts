import { pgTable, integer, bigint, boolean, text, index, uniqueIndex } from "drizzle-orm/pg-core";
import { SUBSCRIPTION_STATUSES } from "@/lib/values/subscription-statuses";
import { mids } from "./mids";
import { orders } from "./orders";
import { campaignProducts } from "./campaigns";

// Twin of db/sqlite/schema/gateway.ts: the column comments are there.
export const gatewayCalls = pgTable(
  "gateway_calls",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    midId: integer("mid_id").references(() => mids.id),
    orderId: integer("order_id").references(() => orders.id),
    transactionId: bigint("transaction_id", { mode: "number" }),
    action: text("action").notNull(),
    params: text("params").notNull(),
    httpStatus: integer("http_status"),
    requestId: text("request_id"),
    errorCode: text("error_code"),
    durationMs: integer("duration_ms").notNull(),
    attempt: integer("attempt").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (t) => [index("gateway_calls_order").on(t.orderId), index("gateway_calls_created").on(t.createdAt)],
);

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
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
    rebillPriceMinor: bigint("rebill_price_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    nextBillAt: bigint("next_bill_at", { mode: "number" }).notNull(),
    failureCount: integer("failure_count").notNull().default(0),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("subscriptions_next_bill").on(t.status, t.nextBillAt), uniqueIndex("subscriptions_order").on(t.orderId)],
);

export const declineRules = pgTable(
  "decline_rules",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    midId: integer("mid_id").references(() => mids.id),
    reasonCode: text("reason_code").notNull(),
    kind: text("kind", { enum: ["soft", "hard"] }).notNull(),
    message: text("message").notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  // As on SQLite, NULLs are distinct here: the unique index does not stop two global rules (mid_id null) for one code.
  (t) => [uniqueIndex("decline_rules_scope").on(t.midId, t.reasonCode)],
);

export const ipnEvents = pgTable(
  "ipn_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    notificationReferenceId: text("notification_reference_id"),
    notificationType: text("notification_type"),
    rawBody: text("raw_body").notNull(),
    verified: boolean("verified").notNull(),
    rejectReason: text("reject_reason"),
    applied: boolean("applied").notNull().default(false),
    applyResult: text("apply_result"),
    orderId: integer("order_id"),
    transactionId: bigint("transaction_id", { mode: "number" }),
    midId: integer("mid_id"),
    sellerId: text("seller_id"),
    disposition: text("disposition"),
    sourceIp: text("source_ip"),
    bodySha256: text("body_sha256"),
    bodyBytes: integer("body_bytes"),
    receivedAt: bigint("received_at", { mode: "number" }).notNull(),
  },
  (t) => [
    index("ipn_events_notification").on(t.notificationReferenceId),
    index("ipn_events_received").on(t.receivedAt),
    index("ipn_events_source_received").on(t.sourceIp, t.receivedAt),
  ],
);
