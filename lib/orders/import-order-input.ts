import { isIP } from "node:net";
import { invalidField } from "@/lib/api/api-error";
import { optionalText, requireId, requireText } from "@/lib/api/parse-api-fields";

export type ContactInput = {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
};

export type ImportOrderInput = {
  campaignId: number;
  items: Array<{ productId: number; quantity: number }>;
  customer: ContactInput;
  shipping: ContactInput;
  ipAddress?: string;
  amazonBillerId: number;
  amazonOrderId: string;
  amazonAddressConsent?: string;
  idempotencyKey?: string;
  /** Sandbox simulation strings (operator order entry, test-mode MIDs only). */
  sandboxSimulation?: { authorizationNote?: string; sellerNote?: string };
  parentOrderId?: number;
};

export const ORO_ID = /^[PS]\d{2}-\d{7}-\d{7}$/;
export const BA_ID = /^[BC]\d{2}-\d{7}-\d{7}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_PRODUCTS = 20;

function readContact(fields: Record<string, string>, prefix: "" | "ship"): ContactInput {
  const name = (key: string) => (prefix ? `ship${key[0].toUpperCase()}${key.slice(1)}` : key);
  const contact: ContactInput = {
    firstName: optionalText(fields, name("firstName"), 60),
    lastName: optionalText(fields, name("lastName"), 60),
    phone: optionalText(fields, name("phoneNumber"), 30),
    address1: optionalText(fields, name("address1"), 120),
    address2: optionalText(fields, name("address2"), 120),
    city: optionalText(fields, name("city"), 60),
    state: optionalText(fields, name("state"), 60),
    postalCode: optionalText(fields, name("postalCode"), 20),
    country: optionalText(fields, name("country"), 2)?.toUpperCase(),
  };
  if (contact.country && !/^[A-Z]{2}$/.test(contact.country)) throw invalidField(name("country"), "must be a two-letter ISO country code such as US.");
  return contact;
}

/** Reads the Amazon part shared by Import Order and Import Upsale. */
export function readAmazonFields(fields: Record<string, string>) {
  const paySource = (fields.paySource ?? "AMAZON").trim().toUpperCase();
  if (paySource !== "AMAZON") throw invalidField("paySource", "must be AMAZON; this API takes Amazon Pay orders only.");
  const amazonOrderId = requireText(fields, "amazonOrderId", 40);
  if (!ORO_ID.test(amazonOrderId) && !BA_ID.test(amazonOrderId)) {
    throw invalidField("amazonOrderId", "must be an Amazon order reference id (S01-1234567-1234567) or billing agreement id (C01-1234567-1234567).");
  }
  const idempotencyKey = optionalText(fields, "idempotencyKey", 100);
  return {
    amazonBillerId: requireId(fields, "amazonBillerId"),
    amazonOrderId,
    amazonAddressConsent: optionalText(fields, "amazonAddressConsent", 2048),
    idempotencyKey,
  };
}

/** Konnektive's Import Order fields → typed input, naming the field and rule of the first problem. */
export function parseImportOrderFields(fields: Record<string, string>): ImportOrderInput {
  const items: ImportOrderInput["items"] = [];
  for (let n = 1; n <= MAX_PRODUCTS; n++) {
    if (!fields[`product${n}_id`]) continue;
    const productId = requireId(fields, `product${n}_id`);
    const qtyText = (fields[`product${n}_qty`] ?? "1").trim() || "1";
    if (!/^\d{1,2}$/.test(qtyText) || Number(qtyText) < 1) throw invalidField(`product${n}_qty`, "must be a whole number from 1 to 99.");
    items.push({ productId, quantity: Number(qtyText) });
  }
  if (items.length === 0) throw invalidField("product1_id", "is required (send product1_id, product2_id, … with product1_qty, …).");

  const customer = readContact(fields, "");
  const email = optionalText(fields, "emailAddress", 254);
  if (email && !EMAIL.test(email)) throw invalidField("emailAddress", "must be a valid email address.");
  customer.email = email?.toLowerCase();
  const ipAddress = optionalText(fields, "ipAddress", 45);
  if (ipAddress && isIP(ipAddress) === 0) throw invalidField("ipAddress", "must be an IPv4 or IPv6 address.");

  return {
    campaignId: requireId(fields, "campaignId"),
    items,
    customer,
    shipping: readContact(fields, "ship"),
    ipAddress,
    ...readAmazonFields(fields),
  };
}
