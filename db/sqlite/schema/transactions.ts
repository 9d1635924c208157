import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { TRANSACTION_STATUSES } from "@/lib/values/transaction-statuses";
import { TRANSACTION_TYPES } from "@/lib/values/transaction-types";
import { mids } from "./mids";
import { orders } from "./orders";

export const transactions = sqliteTable(
  "transactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    // The order's campaign, copied by a trigger on insert (migration 0004) so the campaign
    // filter walks an index instead of joining every order.
    campaignId: integer("campaign_id"),
    midId: integer("mid_id")
      .notNull()
      .references(() => mids.id),
    type: text("type", { enum: TRANSACTION_TYPES }).notNull(),
    status: text("status", { enum: TRANSACTION_STATUSES }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    parentTransactionId: integer("parent_transaction_id"),
    // Our AuthorizationReferenceId / RefundReferenceId: deterministic, so retries and the
    // reconciler find the same Amazon object.
    referenceId: text("reference_id").notNull(),
    amazonOrderReferenceId: text("amazon_order_reference_id"),
    amazonBillingAgreementId: text("amazon_billing_agreement_id"),
    amazonAuthorizationId: text("amazon_authorization_id"),
    amazonCaptureId: text("amazon_capture_id"),
    amazonRefundId: text("amazon_refund_id"),
    amazonState: text("amazon_state"),
    reasonCode: text("reason_code"),
    // The cap month (APP_TIMEZONE) whose reservation or volume this transaction moved.
    capMonth: text("cap_month"),
    customerMessage: text("customer_message"),
    // A background job working on this row (a stale PENDING charge, capture or refund it is
    // looking up at Amazon) and until when; another process skips the row meanwhile. Not part
    // of the running totals: claiming never touches them.
    claimedBy: text("claimed_by"),
    claimedUntil: integer("claimed_until"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("transactions_created").on(t.createdAt),
    index("transactions_mid_created").on(t.midId, t.createdAt),
    index("transactions_order").on(t.orderId),
    index("transactions_status_created").on(t.status, t.createdAt),
    uniqueIndex("transactions_reference").on(t.referenceId),
    index("transactions_oro").on(t.amazonOrderReferenceId),
    index("transactions_auth").on(t.amazonAuthorizationId),
    index("transactions_capture").on(t.amazonCaptureId),
    index("transactions_refund").on(t.amazonRefundId),
    index("transactions_type_created").on(t.type, t.createdAt),
    index("transactions_campaign_created").on(t.campaignId, t.createdAt),
  ],
);
