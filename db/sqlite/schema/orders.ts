import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ORDER_SOURCES } from "@/lib/values/order-sources";
import { ORDER_STATUSES } from "@/lib/values/order-statuses";
import { mids } from "./mids";
import { campaigns, campaignProducts } from "./campaigns";

export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    phone: text("phone"),
    amazonUserId: text("amazon_user_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("customers_email").on(t.email)],
);

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    subtotalMinor: integer("subtotal_minor").notNull(),
    shippingMinor: integer("shipping_minor").notNull(),
    totalMinor: integer("total_minor").notNull(),
    refundedMinor: integer("refunded_minor").notNull().default(0),
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
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("orders_created").on(t.createdAt),
    index("orders_mid_created").on(t.midId, t.createdAt),
    // The orders list filtered by campaign (its count and pages) and sorted by total.
    index("orders_campaign_created").on(t.campaignId, t.createdAt),
    index("orders_total").on(t.totalMinor, t.id),
    index("orders_customer").on(t.customerId),
    index("orders_status_created").on(t.status, t.createdAt),
    index("orders_parent").on(t.parentOrderId),
    // The transactions search finds a customer's orders by email.
    index("orders_email").on(t.email),
    uniqueIndex("orders_idempotency").on(t.idempotencyKey),
    // One order per Amazon order reference: a second import of the same ORO finds the first.
    uniqueIndex("orders_amazon_oro").on(t.amazonOrderReferenceId),
    index("orders_amazon_ba").on(t.amazonBillingAgreementId),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    productId: integer("product_id").references(() => campaignProducts.id),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    shippingMinor: integer("shipping_minor").notNull(),
    billingType: text("billing_type").notNull(),
  },
  (t) => [index("order_items_order").on(t.orderId)],
);
