import { pgTable, integer, bigint, boolean, text, index, primaryKey } from "drizzle-orm/pg-core";
import { BILLING_TYPES } from "@/lib/values/billing-types";
import { CAMPAIGN_STATUSES } from "@/lib/values/campaign-statuses";
import { CAPTURE_MODES } from "@/lib/values/capture-modes";
import { CURRENCIES } from "@/lib/values/currencies";
import { ROUTING_MODES } from "@/lib/values/routing-modes";
import { mids } from "./mids";

// Twin of db/sqlite/schema/campaigns.ts.
export const campaigns = pgTable("campaigns", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  currency: text("currency", { enum: CURRENCIES }).notNull(),
  storeName: text("store_name").notNull(),
  status: text("status", { enum: CAMPAIGN_STATUSES }).notNull(),
  routingMode: text("routing_mode", { enum: ROUTING_MODES }).notNull(),
  captureMode: text("capture_mode", { enum: CAPTURE_MODES }).notNull().default("sale"),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});

export const campaignProducts = pgTable(
  "campaign_products",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    shippingMinor: bigint("shipping_minor", { mode: "number" }).notNull(),
    billingType: text("billing_type", { enum: BILLING_TYPES }).notNull(),
    cycleDays: integer("cycle_days"),
    rebillPriceMinor: bigint("rebill_price_minor", { mode: "number" }),
    trialDays: integer("trial_days"),
    archivedAt: bigint("archived_at", { mode: "number" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("campaign_products_campaign").on(t.campaignId)],
);

export const campaignMids = pgTable(
  "campaign_mids",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    midId: integer("mid_id")
      .notNull()
      .references(() => mids.id),
    priority: integer("priority").notNull(),
    weight: integer("weight").notNull(),
    enabled: boolean("enabled").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.midId] }), index("campaign_mids_mid").on(t.midId)],
);
