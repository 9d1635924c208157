import type { BillingAgreement, OrderReference } from "./types";

/** Constraints of a Draft order reference (§4.1, §6.1). The checkout always has a buyer, address and wallet. */
export function listOrderReferenceConstraints(oro: OrderReference): Array<{ id: string; description: string }> {
  const constraints: Array<{ id: string; description: string }> = [];
  if (!oro.orderTotal) constraints.push({ id: "AmountNotSet", description: "The seller has not set the amount for the Order Reference." });
  if (oro.simulatedConstraint === "PaymentMethodNotAllowed") {
    constraints.push({ id: "PaymentMethodNotAllowed", description: "The payment method selected by the buyer is not allowed for this Order Reference." });
  }
  return constraints;
}

export function listBillingAgreementConstraints(ba: BillingAgreement): Array<{ id: string; description: string }> {
  const constraints: Array<{ id: string; description: string }> = [];
  if (!ba.consent) constraints.push({ id: "BuyerConsentNotSet", description: "The buyer has not given consent for this billing agreement." });
  if (ba.simulatedConstraint === "PaymentMethodNotAllowed") {
    constraints.push({ id: "PaymentMethodNotAllowed", description: "The payment method selected by the buyer is not allowed for this Billing Agreement." });
  }
  return constraints;
}

export const BILLING_AGREEMENT_MONTHLY_LIMIT_MINOR: Record<string, number> = { USD: 50_000, GBP: 50_000, EUR: 50_000, JPY: 60_000 };

export function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Calendar-month window (§6.5): 1st of this month 00:00Z to the 1st of the next. */
export function computeBillingAgreementLimits(
  ba: BillingAgreement,
  now: number,
): { limitMinor: number; remainingMinor: number; currency: string; start: string; end: string } {
  const currency = ba.currency;
  const limitMinor = BILLING_AGREEMENT_MONTHLY_LIMIT_MINOR[currency] ?? 50_000;
  const date = new Date(now);
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  const used = ba.authorizedByMonth[monthKey(now)] ?? 0;
  const format = (d: Date): string => d.toISOString().replace(".000Z", "Z");
  return { limitMinor, remainingMinor: Math.max(0, limitMinor - used), currency, start: format(start), end: format(end) };
}

export const ORDER_REFERENCE_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;
export const ORDER_REFERENCE_STALE_MS = 3 * 60 * 60 * 1000;
export const MAX_AUTHORIZATIONS_PER_ORDER = 10;
export const MAX_REFUNDS_PER_CAPTURE = 10;
