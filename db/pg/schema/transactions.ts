import { pgTable, integer, bigint, text, index, uniqueIndex } from "drizzle-orm/pg-core";
import { TRANSACTION_STATUSES } from "@/lib/values/transaction-statuses";
import { TRANSACTION_TYPES } from "@/lib/values/transaction-types";
import { mids } from "./mids";
import { orders } from "./orders";

// Twin of db/sqlite/schema/transactions.ts: the column comments are there. `campaign_id` is filled by
// a BEFORE INSERT trigger (db/pg/migrations/0001_running_totals.sql); the search index on the
// Amazon ids is db/pg/migrations/0002_search_index.sql.
export const transactions = pgTable(
  "transactions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    campaignId: integer("campaign_id"),
    midId: integer("mid_id")
      .notNull()
      .references(() => mids.id),
    type: text("type", { enum: TRANSACTION_TYPES }).notNull(),
    status: text("status", { enum: TRANSACTION_STATUSES }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    parentTransactionId: bigint("parent_transaction_id", { mode: "number" }),
    referenceId: text("reference_id").notNull(),
    amazonOrderReferenceId: text("amazon_order_reference_id"),
    amazonBillingAgreementId: text("amazon_billing_agreement_id"),
    amazonAuthorizationId: text("amazon_authorization_id"),
    amazonCaptureId: text("amazon_capture_id"),
    amazonRefundId: text("amazon_refund_id"),
    amazonState: text("amazon_state"),
    reasonCode: text("reason_code"),
    capMonth: text("cap_month"),
    customerMessage: text("customer_message"),
    // A background job working on this row (a stale PENDING charge, capture or refund it is
    // looking up at Amazon) and until when; another process skips the row meanwhile. Not part
    // of the running totals: claiming never touches them.
    claimedBy: text("claimed_by"),
    claimedUntil: bigint("claimed_until", { mode: "number" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
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
