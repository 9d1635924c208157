import { CURRENCIES, type Currency } from "@/lib/values/currencies";
import { BILLING_TYPES } from "@/lib/values/billing-types";
import { CAPTURE_MODES } from "@/lib/values/capture-modes";
import { ROUTING_MODES } from "@/lib/values/routing-modes";
import type { FieldErrors } from "@/lib/errors";
import { parseMajorToMinor } from "@/lib/money/money";

type Values = Record<string, string | undefined>;
type Parsed<T> = { ok: true; input: T } | { ok: false; fieldErrors: FieldErrors };

export type CampaignInput = {
  name: string;
  currency: Currency;
  storeName: string;
  routingMode: (typeof ROUTING_MODES)[number];
  captureMode: (typeof CAPTURE_MODES)[number];
};

export type ProductInput = {
  name: string;
  sku: string;
  priceMinor: number;
  shippingMinor: number;
  billingType: (typeof BILLING_TYPES)[number];
  cycleDays: number | null;
  rebillPriceMinor: number | null;
  trialDays: number | null;
};

export type AssignmentInput = { priority: number; weight: number; enabled: boolean };

const text = (values: Values, name: string) => (values[name] ?? "").trim();

function wholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

export function parseCampaignForm(values: Values): Parsed<CampaignInput> {
  const errors: FieldErrors = {};
  const name = text(values, "name");
  if (!name) errors.name = "Campaign name is required.";
  else if (name.length > 100) errors.name = "Campaign name must be at most 100 characters.";
  const currency = text(values, "currency") as Currency;
  if (!CURRENCIES.includes(currency)) errors.currency = `Currency must be one of ${CURRENCIES.join(", ")}.`;
  const storeName = text(values, "store_name");
  if (!storeName) errors.store_name = "Amazon store name is required (buyers see it in their Amazon account).";
  else if (storeName.length > 50) errors.store_name = "Amazon store name must be at most 50 characters.";
  const routingMode = text(values, "routing_mode") as CampaignInput["routingMode"];
  if (!ROUTING_MODES.includes(routingMode)) errors.routing_mode = "Routing must be priority or weighted.";
  // Forms posted before this field existed (and API-less scripts) keep the historical behaviour.
  const captureMode = (text(values, "capture_mode") || "sale") as CampaignInput["captureMode"];
  if (!CAPTURE_MODES.includes(captureMode)) errors.capture_mode = "Capture must be sale (immediately) or authorize (later, from the order page).";
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, input: { name, currency, storeName, routingMode, captureMode } };
}

export function parseProductForm(values: Values, currency: Currency): Parsed<ProductInput> {
  const errors: FieldErrors = {};
  const money = (name: string, label: string, required: boolean): number | null => {
    const raw = text(values, name);
    if (!raw) {
      if (required) errors[name] = `${label} is required.`;
      return required ? null : 0;
    }
    const minor = parseMajorToMinor(raw, currency);
    if (minor === null)
      errors[name] = `${label} must be an amount in ${currency} of 0 or more${currency === "JPY" ? " without decimals" : " with at most 2 decimals"}.`;
    return minor;
  };
  const name = text(values, "name");
  if (!name) errors.name = "Product name is required.";
  else if (name.length > 100) errors.name = "Product name must be at most 100 characters.";
  const sku = text(values, "sku");
  if (!sku) errors.sku = "SKU is required.";
  else if (!/^[A-Za-z0-9._\-]{1,40}$/.test(sku)) errors.sku = "SKU must be 1–40 letters, digits, dots, dashes or underscores.";
  const priceMinor = money("price", "Price", true);
  if (priceMinor === 0) errors.price = "Price must be greater than 0.";
  const shippingMinor = money("shipping", "Shipping", false) ?? 0;
  const billingType = text(values, "billing_type") as ProductInput["billingType"];
  if (!BILLING_TYPES.includes(billingType)) errors.billing_type = "Billing must be one-time or recurring.";

  let cycleDays: number | null = null;
  let rebillPriceMinor: number | null = null;
  let trialDays: number | null = null;
  if (billingType === "recurring") {
    cycleDays = wholeNumber(text(values, "cycle_days"), 1, 365);
    if (cycleDays === null) errors.cycle_days = "Billing cycle must be a whole number of days from 1 to 365.";
    rebillPriceMinor = money("rebill_price", "Rebill price", true);
    if (rebillPriceMinor === 0) errors.rebill_price = "Rebill price must be greater than 0.";
    trialDays = wholeNumber(text(values, "trial_days") || "0", 0, 365);
    if (trialDays === null) errors.trial_days = "Trial must be a whole number of days from 0 to 365.";
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, input: { name, sku, priceMinor: priceMinor as number, shippingMinor, billingType, cycleDays, rebillPriceMinor, trialDays } };
}

export function parseAssignmentForm(values: Values): Parsed<AssignmentInput> {
  const errors: FieldErrors = {};
  const priority = wholeNumber(text(values, "priority") || "1", 1, 99);
  if (priority === null) errors.priority = "Priority must be a whole number from 1 (first) to 99.";
  const weight = wholeNumber(text(values, "weight") || "100", 1, 1000);
  if (weight === null) errors.weight = "Weight must be a whole number from 1 to 1000.";
  const enabled = ["on", "true", "1"].includes(text(values, "enabled"));
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, input: { priority: priority as number, weight: weight as number, enabled } };
}
