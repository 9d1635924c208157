import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { mids } from "./mids";
import { campaigns } from "./campaigns";

export const TRANSACTION_TYPES = ["SALE", "AUTHORIZE", "CAPTURE", "REFUND", "VOID"] as const;
export const TRANSACTION_STATUSES = ["PENDING", "SUCCESS", "SOFT_DECLINE", "HARD_DECLINE", "ERROR"] as const;

export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: text("phone"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("customers_email").on(t.email)],
);

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    customerId: integer("customer_id").references(() => customers.id),
    midId: integer("mid_id").notNull().references(() => mids.id),
    parentOrderId: integer("parent_order_id"),
    amazonOrderReferenceId: text("amazon_order_reference_id"),
    amazonBillingAgreementId: text("amazon_billing_agreement_id"),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    totalMinor: integer("total_minor").notNull(),
    source: text("source").notNull(),
    idempotencyKey: text("idempotency_key"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("orders_created").on(t.createdAt),
    index("orders_mid_created").on(t.midId, t.createdAt),
    uniqueIndex("orders_idempotency").on(t.idempotencyKey),
  ],
);

export const transactions = sqliteTable(
  "transactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id").notNull().references(() => orders.id),
    midId: integer("mid_id").notNull().references(() => mids.id),
    type: text("type", { enum: TRANSACTION_TYPES }).notNull(),
    status: text("status", { enum: TRANSACTION_STATUSES }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    referenceId: text("reference_id").notNull(),
    amazonAuthorizationId: text("amazon_authorization_id"),
    amazonCaptureId: text("amazon_capture_id"),
    amazonRefundId: text("amazon_refund_id"),
    reasonCode: text("reason_code"),
    customerMessage: text("customer_message"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("transactions_created").on(t.createdAt),
    index("transactions_mid_created").on(t.midId, t.createdAt),
    index("transactions_order").on(t.orderId),
    index("transactions_status_created").on(t.status, t.createdAt),
    uniqueIndex("transactions_reference").on(t.referenceId),
  ],
);
