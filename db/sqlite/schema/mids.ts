import { sqliteTable, integer, text, index, primaryKey } from "drizzle-orm/sqlite-core";
import { CURRENCIES } from "@/lib/values/currencies";
import { REGIONS } from "@/lib/values/regions";

export const mids = sqliteTable(
  "mids",
  {
    // The numeric id is the `amazonBillerId` landers send.
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    testMode: integer("test_mode", { mode: "boolean" }).notNull(),
    descriptor: text("descriptor").notNull(),
    customerServicePhone: text("customer_service_phone").notNull(),
    customerServiceEmail: text("customer_service_email"),
    monthlyCapMinor: integer("monthly_cap_minor").notNull(),
    capCountsRefunds: integer("cap_counts_refunds", { mode: "boolean" }).notNull(),
    capAlertPercent: integer("cap_alert_percent").notNull(),
    discountRateBps: integer("discount_rate_bps").notNull(),
    reserveRateBps: integer("reserve_rate_bps").notNull(),
    transactionFeeMinor: integer("transaction_fee_minor").notNull(),
    chargebackFeeMinor: integer("chargeback_fee_minor").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    lastVerifiedAt: integer("last_verified_at"),
    lastVerifyResult: text("last_verify_result"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("mids_merchant_id").on(t.merchantId)],
);

/**
 * Monthly volume per MID, written in the same transaction as the money rows so that a cap
 * check is one row read and cannot race. `month` is `YYYY-MM` in APP_TIMEZONE.
 */
export const midMonthlyUsage = sqliteTable(
  "mid_monthly_usage",
  {
    midId: integer("mid_id")
      .notNull()
      .references(() => mids.id),
    month: text("month").notNull(),
    capturedMinor: integer("captured_minor").notNull().default(0),
    refundedMinor: integer("refunded_minor").notNull().default(0),
    reservedMinor: integer("reserved_minor").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.midId, t.month] })],
);
