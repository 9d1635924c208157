import { sqliteTable, integer, text, index, primaryKey } from "drizzle-orm/sqlite-core";
import { BILLING_TYPES } from "@/lib/values/billing-types";
import { CAMPAIGN_STATUSES } from "@/lib/values/campaign-statuses";
import { CAPTURE_MODES } from "@/lib/values/capture-modes";
import { CURRENCIES } from "@/lib/values/currencies";
import { ROUTING_MODES } from "@/lib/values/routing-modes";
import { mids } from "./mids";

export const campaigns = sqliteTable("campaigns", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  currency: text("currency", { enum: CURRENCIES }).notNull(),
  storeName: text("store_name").notNull(),
  status: text("status", { enum: CAMPAIGN_STATUSES }).notNull(),
  routingMode: text("routing_mode", { enum: ROUTING_MODES }).notNull(),
  captureMode: text("capture_mode", { enum: CAPTURE_MODES }).notNull().default("sale"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const campaignProducts = sqliteTable(
  "campaign_products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    priceMinor: integer("price_minor").notNull(),
    shippingMinor: integer("shipping_minor").notNull(),
    billingType: text("billing_type", { enum: BILLING_TYPES }).notNull(),
    cycleDays: integer("cycle_days"),
    rebillPriceMinor: integer("rebill_price_minor"),
    trialDays: integer("trial_days"),
    archivedAt: integer("archived_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("campaign_products_campaign").on(t.campaignId)],
);

export const campaignMids = sqliteTable(
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
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.midId] }), index("campaign_mids_mid").on(t.midId)],
);
