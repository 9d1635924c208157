import { formatBpsAsPercent, formatMoney } from "@/lib/money/money";
import { SECRET_MARKER } from "./record-audit";

/**
 * Audit entries store snapshots under the names the code used (the MID form's field names,
 * minor units, basis points). These turn them into what a person reads: field labels and
 * formatted values. Pure, so the audit page, the MID history and the order timeline share it.
 */

/** Every entity the audit log records, as the filter offers them. */
export const AUDIT_ENTITIES = [
  { value: "mid", label: "MIDs" },
  { value: "order", label: "Orders" },
  { value: "campaign", label: "Campaigns" },
  { value: "user", label: "Users" },
  { value: "api_user", label: "API users" },
  { value: "ipn", label: "IPNs" },
  { value: "settings", label: "Settings" },
] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number]["value"];

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  mid_number: "MID number",
  merchant_id: "Seller ID",
  access_key: "MWS access key",
  secret_key: "MWS secret key",
  client_id: "LWA client ID",
  client_secret: "LWA client secret",
  mws_auth_token: "MWS auth token",
  region: "Region",
  currency: "Currency",
  test_mode: "Sandbox (test mode)",
  descriptor: "Descriptor",
  customer_service_phone: "Customer service phone",
  customer_service_email: "Customer service email",
  monthly_cap_minor: "Monthly cap",
  cap_counts_refunds: "Refunds give cap room back",
  cap_alert_percent: "Alert at",
  discount_rate_bps: "Discount rate",
  reserve_rate_bps: "Reserve rate",
  transaction_fee_minor: "Transaction fee",
  chargeback_fee_minor: "Chargeback fee",
  enabled: "Enabled",
  result: "Result",
  role: "Role",
  disabled: "Disabled",
  failedSignIns: "Failed sign-ins",
  password: "Password",
  amount: "Amount",
  reason: "Reason",
  status: "Status",
  transaction: "Transaction",
  mid: "MID",
  priority: "Priority",
  weight: "Weight",
  endpoints: "Endpoints",
  ips: "Allowed IPs",
  loginId: "Login ID",
  name: "Name",
  email: "Email",
  kind: "Decline kind",
  message: "Customer message",
  product: "Product",
  note: "Note",
  storeName: "Store name",
  routingMode: "Routing",
  captureMode: "Capture",
  sku: "SKU",
  priceMinor: "Price",
  shippingMinor: "Shipping",
  billingType: "Billing",
  cycleDays: "Cycle (days)",
  rebillPriceMinor: "Rebill price",
  trialDays: "Trial (days)",
};

const ACTION_LABELS: Record<string, string> = {
  "mid.create": "MID created",
  "mid.update": "MID edited",
  "mid.enable": "MID enabled",
  "mid.disable": "MID disabled",
  "mid.verify": "Credentials verified",
  "order.refund": "Refund sent",
  "order.refund_external": "Marked refunded outside MID Console",
  "order.capture": "Capture sent",
  "order.void": "Authorization voided",
  "order.cancel": "Order canceled",
  "order.note": "Note",
  "user.create": "User created",
  "user.role": "Role changed",
  "user.enable": "User enabled",
  "user.disable": "User disabled",
  "user.password_reset": "Password reset",
  "user.password_change": "Password changed",
  "user.unlock": "Sign-in unlocked",
  "user.sessions_revoke": "Signed out everywhere",
  "api_user.create": "API user created",
  "api_user.access": "API access changed",
  "api_user.enable": "API user enabled",
  "api_user.disable": "API user disabled",
  "campaign.create": "Campaign created",
  "campaign.update": "Campaign edited",
  "campaign.archive": "Campaign archived",
  "campaign.restore": "Campaign restored",
  "campaign.mid.assign": "MID assigned",
  "campaign.mid.update": "MID assignment changed",
  "campaign.mid.remove": "MID removed",
  "product.create": "Product added",
  "product.update": "Product edited",
  "product.archive": "Product archived",
  "decline_rule.save": "Decline rule saved",
  "decline_rule.reset": "Decline rule reset",
  "ipn.replay": "IPN replayed",
};

/** Stored codes shown as the words the forms use for them. */
const VALUE_NAMES: Record<string, Record<string, string>> = {
  role: { admin: "Admin", operator: "Operator", campaign_manager: "Campaign manager", support: "Support" },
  billingType: { one_time: "One-time", recurring: "Recurring" },
  routingMode: { priority: "Priority", weighted: "Weighted" },
  captureMode: { sale: "Immediately (sale)", authorize: "Later (authorize only)" },
};

/** "cap_alert_percent" → "Cap alert percent": a readable fallback for a field without a label. */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_.]/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditFieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? humanize(key);
}

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? humanize(action);
}

const isMinorUnits = (key: string) => key.endsWith("_minor") || key.endsWith("Minor");
const isBasisPoints = (key: string) => key.endsWith("_bps") || key.endsWith("Bps");

/** One value as a person reads it: $50,000.00, 2.9 %, Yes/No; secrets only as changed or set. */
export function formatAuditValue(key: string, value: unknown, currency: string | null): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value === SECRET_MARKER) return "changed (hidden)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number" && isMinorUnits(key)) return currency ? formatMoney(value, currency) : (value / 100).toFixed(2);
  if (typeof value === "number" && isBasisPoints(key)) return `${formatBpsAsPercent(value)} %`;
  if (typeof value === "number" && key === "cap_alert_percent") return `${value} %`;
  if (typeof value === "string" && VALUE_NAMES[key]) return VALUE_NAMES[key][value] ?? value;
  if (key.endsWith("secret") || key === "secret_key" || key === "mws_auth_token")
    return value === "set" ? "Set" : value === "not set" ? "Not set" : String(value);
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export type AuditChange = { key: string; label: string; before?: string; after?: string };

/**
 * The fields an entry changed, labelled and formatted. A field present on both sides with the
 * same value is left out: an old entry may carry the whole snapshot.
 */
export function describeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, currency: string | null): AuditChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditChange[] = [];
  const money = (typeof after?.currency === "string" ? after.currency : typeof before?.currency === "string" ? before.currency : null) ?? currency;
  for (const key of keys) {
    const hasBefore = before !== null && key in before;
    const hasAfter = after !== null && key in after;
    if (hasBefore && hasAfter && JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    changes.push({
      key,
      label: auditFieldLabel(key),
      ...(hasBefore ? { before: formatAuditValue(key, before[key], money) } : {}),
      ...(hasAfter ? { after: formatAuditValue(key, after[key], money) } : {}),
    });
  }
  return changes;
}

/** Where an entry's entity lives in the app, when it has a page. */
export function auditEntityHref(entity: string, entityId: string | null): string | null {
  if (!entityId || !/^\d+$/.test(entityId)) return entity === "settings" ? "/settings/declines" : null;
  const pages: Record<string, string> = {
    mid: `/mids/${entityId}`,
    order: `/orders/${entityId}`,
    campaign: `/campaigns/${entityId}`,
    api_user: `/settings/api-users/${entityId}`,
    user: "/settings/users",
    ipn: "/ipn",
  };
  return pages[entity] ?? null;
}

export function auditEntityLabel(entity: string, entityId: string | null): string {
  const names: Record<string, string> = {
    mid: "MID",
    order: "Order",
    campaign: "Campaign",
    user: "User",
    api_user: "API user",
    ipn: "IPN",
    settings: "Settings",
  };
  const name = names[entity] ?? humanize(entity);
  return entityId ? `${name} #${entityId}` : name;
}
