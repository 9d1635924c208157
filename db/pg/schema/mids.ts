import { pgTable, integer, bigint, boolean, text, index, primaryKey } from "drizzle-orm/pg-core";
import { CURRENCIES } from "@/lib/values/currencies";
import { REGIONS } from "@/lib/values/regions";

// Twin of db/sqlite/schema/mids.ts: the column comments are there.
export const mids = pgTable(
  "mids",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    title: text("title").notNull(),
    midNumber: text("mid_number"),
    merchantId: text("merchant_id").notNull(),
    accessKey: text("access_key").notNull(),
    secretKeyEnc: text("secret_key_enc").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretEnc: text("client_secret_enc"),
    mwsAuthTokenEnc: text("mws_auth_token_enc"),
    region: text("region", { enum: REGIONS }).notNull(),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    testMode: boolean("test_mode").notNull(),
    descriptor: text("descriptor").notNull(),
    customerServicePhone: text("customer_service_phone").notNull(),
    customerServiceEmail: text("customer_service_email"),
    monthlyCapMinor: bigint("monthly_cap_minor", { mode: "number" }).notNull(),
    capCountsRefunds: boolean("cap_counts_refunds").notNull(),
    capAlertPercent: integer("cap_alert_percent").notNull(),
    discountRateBps: integer("discount_rate_bps").notNull(),
    reserveRateBps: integer("reserve_rate_bps").notNull(),
    transactionFeeMinor: bigint("transaction_fee_minor", { mode: "number" }).notNull(),
    chargebackFeeMinor: bigint("chargeback_fee_minor", { mode: "number" }).notNull(),
    enabled: boolean("enabled").notNull(),
    lastVerifiedAt: bigint("last_verified_at", { mode: "number" }),
    lastVerifyResult: text("last_verify_result"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("mids_merchant_id").on(t.merchantId)],
);

export const midMonthlyUsage = pgTable(
  "mid_monthly_usage",
  {
    midId: integer("mid_id")
      .notNull()
      .references(() => mids.id),
    month: text("month").notNull(),
    capturedMinor: bigint("captured_minor", { mode: "number" }).notNull().default(0),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    reservedMinor: bigint("reserved_minor", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.midId, t.month] })],
);
