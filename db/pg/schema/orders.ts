import { pgTable, integer, bigint, text, index, uniqueIndex } from "drizzle-orm/pg-core";
import { ORDER_SOURCES } from "@/lib/values/order-sources";
import { ORDER_STATUSES } from "@/lib/values/order-statuses";
import { mids } from "./mids";
import { campaigns, campaignProducts } from "./campaigns";

// Twin of db/sqlite/schema/orders.ts: the column and index comments are there. The search index
// (SQLite's FTS5 `orders_search` and `customers_search`) is a migration of its own, not part
// of this schema: db/pg/migrations/0002_search_index.sql.
export const customers = pgTable(
  "customers",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: text("phone"),
    amazonUserId: text("amazon_user_id"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("customers_email").on(t.email)],
);

export const orders = pgTable(
  "orders",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    customerId: integer("customer_id").references(() => customers.id),
    midId: integer("mid_id")
      .notNull()
      .references(() => mids.id),
    parentOrderId: integer("parent_order_id"),
    amazonOrderReferenceId: text("amazon_order_reference_id"),
    amazonBillingAgreementId: text("amazon_billing_agreement_id"),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    currency: text("currency").notNull(),
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull(),
    shippingMinor: bigint("shipping_minor", { mode: "number" }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    source: text("source", { enum: ORDER_SOURCES }).notNull(),
    idempotencyKey: text("idempotency_key"),
    email: text("email"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: text("phone"),
    shipName: text("ship_name"),
    shipAddress1: text("ship_address1"),
    shipAddress2: text("ship_address2"),
    shipCity: text("ship_city"),
    shipState: text("ship_state"),
    shipPostalCode: text("ship_postal_code"),
    shipCountry: text("ship_country"),
    ipAddress: text("ip_address"),
    declineReason: text("decline_reason"),
    customerMessage: text("customer_message"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    index("orders_created").on(t.createdAt),
    index("orders_mid_created").on(t.midId, t.createdAt),
    index("orders_campaign_created").on(t.campaignId, t.createdAt),
    index("orders_total").on(t.totalMinor, t.id),
    index("orders_customer").on(t.customerId),
    index("orders_status_created").on(t.status, t.createdAt),
    index("orders_parent").on(t.parentOrderId),
    index("orders_email").on(t.email),
    uniqueIndex("orders_idempotency").on(t.idempotencyKey),
    uniqueIndex("orders_amazon_oro").on(t.amazonOrderReferenceId),
    index("orders_amazon_ba").on(t.amazonBillingAgreementId),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    productId: integer("product_id").references(() => campaignProducts.id),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    shippingMinor: bigint("shipping_minor", { mode: "number" }).notNull(),
    billingType: text("billing_type").notNull(),
  },
  (t) => [index("order_items_order").on(t.orderId)],
);
