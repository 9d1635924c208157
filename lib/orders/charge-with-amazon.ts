import { AmazonPayError, type AmazonPayClient, type AuthorizationDetails, type Address, type Buyer } from "@/lib/amazon-pay";
import type { LoginWithAmazonClient } from "@/lib/amazon-pay";
import { classifyAuthorizationDecline } from "@/lib/declines/map-decline";
import type { DeclineReasonCode } from "@/lib/declines/default-decline-rules";

export type BuyerFacts = { buyer?: Buyer; shippingAddress?: Address; amazonUserId?: string };

/** What Amazon said, reduced to what the order needs. */
export type ChargeOutcome =
  | { kind: "captured"; authorization: AuthorizationDetails; amazonOrderReferenceId: string; facts: BuyerFacts }
  // Open and uncaptured (Authorize without CaptureNow): funds held until Capture or CloseAuthorization.
  | { kind: "authorized"; authorization: AuthorizationDetails; amazonOrderReferenceId: string; facts: BuyerFacts }
  | { kind: "pending"; authorization: AuthorizationDetails; amazonOrderReferenceId: string; facts: BuyerFacts }
  | { kind: "declined"; reason: DeclineReasonCode; authorization?: AuthorizationDetails; amazonOrderReferenceId?: string; amazonReasonCode: string; facts: BuyerFacts }
  // Refused before any money moved (bad id, wrong state, Amazon down before Authorize).
  | { kind: "failed"; unavailable: boolean; amazonCode: string; message: string; facts: BuyerFacts }
  // Authorize may have been applied but we never heard: the reconciler must look it up.
  | { kind: "unknown"; message: string; facts: BuyerFacts };

export type ChargeRequest = {
  amazonId: string;
  kind: "order_reference" | "billing_agreement";
  accessToken?: string;
  referenceId: string;
  amount: { amountMinor: number; currency: string };
  sellerOrderId: string;
  storeName: string;
  softDescriptor: string;
  captureNow: boolean;
  sellerNote?: string;
  sandboxSimulation?: string;
};

export function toOutcome(authorization: AuthorizationDetails, amazonOrderReferenceId: string, facts: BuyerFacts): ChargeOutcome {
  const state = authorization.status.state;
  if (state === "Declined") {
    return { kind: "declined", reason: classifyAuthorizationDecline(authorization.status.reasonCode, authorization.softDecline), authorization, amazonOrderReferenceId, amazonReasonCode: authorization.status.reasonCode ?? "Declined", facts };
  }
  if (state === "Pending") return { kind: "pending", authorization, amazonOrderReferenceId, facts };
  if (authorization.captureIds.length > 0) return { kind: "captured", authorization, amazonOrderReferenceId, facts };
  if (state === "Open") return { kind: "authorized", authorization, amazonOrderReferenceId, facts };
  // Closed without a capture (AmazonClosed, ExpiredUnused, OrderReferenceCanceled): no money moved.
  const amazonReasonCode = authorization.status.reasonCode ?? "Closed";
  return { kind: "declined", reason: classifyAuthorizationDecline(amazonReasonCode, authorization.softDecline), authorization, amazonOrderReferenceId, amazonReasonCode, facts };
}

function failure(error: unknown, facts: BuyerFacts, authorizeStep: boolean): ChargeOutcome {
  if (!(error instanceof AmazonPayError)) throw error;
  if (authorizeStep && error.mayHaveApplied) return { kind: "unknown", message: `${error.code}: ${error.message}`, facts };
  const unavailable = error.httpStatus === 0 || error.httpStatus >= 500;
  return { kind: "failed", unavailable, amazonCode: error.code, message: error.message, facts };
}

/** Fills buyer name/email from Login with Amazon when the order reference did not carry them. */
async function addProfile(facts: BuyerFacts, lwa: LoginWithAmazonClient | null, accessToken: string | undefined): Promise<BuyerFacts> {
  if (!lwa || !accessToken || (facts.buyer?.email && facts.buyer?.name)) return facts;
  try {
    const profile = await lwa.getUserProfile(accessToken);
    return { ...facts, amazonUserId: profile.userId, buyer: { ...facts.buyer, name: facts.buyer?.name ?? profile.name, email: facts.buyer?.email ?? profile.email } };
  } catch {
    // The profile only fills gaps; the charge does not depend on it.
    return facts;
  }
}

/**
 * One-time: GetOrderReferenceDetails (with the consent token) → Set + Confirm while Draft →
 * Authorize (CaptureNow unless the campaign captures later). Get comes first so a retried
 * attempt on an already confirmed ORO goes straight to a new authorization.
 */
async function chargeOrderReference(client: AmazonPayClient, lwa: LoginWithAmazonClient | null, req: ChargeRequest): Promise<ChargeOutcome> {
  let facts: BuyerFacts = {};
  try {
    const { orderReference } = await client.getOrderReferenceDetails({ amazonOrderReferenceId: req.amazonId, accessToken: req.accessToken });
    facts = await addProfile({ buyer: orderReference.buyer, shippingAddress: orderReference.shippingAddress }, lwa, req.accessToken);
    if (orderReference.status.state === "Draft") {
      await client.setOrderReferenceDetails({ amazonOrderReferenceId: req.amazonId, orderTotal: req.amount, sellerOrderId: req.sellerOrderId, storeName: req.storeName, sellerNote: req.sellerNote });
      await client.confirmOrderReference({ amazonOrderReferenceId: req.amazonId });
      if (!facts.buyer?.email) {
        const confirmed = await client.getOrderReferenceDetails({ amazonOrderReferenceId: req.amazonId });
        facts = { ...facts, buyer: confirmed.orderReference.buyer ?? facts.buyer, shippingAddress: facts.shippingAddress ?? confirmed.orderReference.shippingAddress };
      }
    } else if (orderReference.status.state !== "Open") {
      return { kind: "failed", unavailable: false, amazonCode: "InvalidOrderReferenceStatus", message: `Amazon order reference ${req.amazonId} is ${orderReference.status.state}${orderReference.status.reasonCode ? ` (${orderReference.status.reasonCode})` : ""}; start a new checkout.`, facts };
    }
  } catch (error) {
    return failure(error, facts, false);
  }
  try {
    const { authorization } = await client.authorize({
      amazonOrderReferenceId: req.amazonId,
      authorizationReferenceId: req.referenceId,
      authorizationAmount: req.amount,
      transactionTimeout: 0,
      captureNow: req.captureNow,
      softDescriptor: req.softDescriptor,
      sellerAuthorizationNote: req.sandboxSimulation,
    });
    return toOutcome(authorization, req.amazonId, facts);
  } catch (error) {
    return failure(error, facts, true);
  }
}

/** Recurring: Get → Set + Confirm while Draft → Validate → AuthorizeOnBillingAgreement with CaptureNow. */
async function chargeBillingAgreement(client: AmazonPayClient, lwa: LoginWithAmazonClient | null, req: ChargeRequest): Promise<ChargeOutcome> {
  let facts: BuyerFacts = {};
  try {
    const { billingAgreement } = await client.getBillingAgreementDetails({ amazonBillingAgreementId: req.amazonId, accessToken: req.accessToken });
    facts = await addProfile({ buyer: billingAgreement.buyer, shippingAddress: billingAgreement.shippingAddress }, lwa, req.accessToken);
    if (billingAgreement.status.state === "Draft") {
      await client.setBillingAgreementDetails({ amazonBillingAgreementId: req.amazonId, sellerBillingAgreementId: req.sellerOrderId, storeName: req.storeName, sellerNote: req.sellerNote });
      await client.confirmBillingAgreement({ amazonBillingAgreementId: req.amazonId });
    } else if (billingAgreement.status.state !== "Open") {
      return { kind: "failed", unavailable: false, amazonCode: "InvalidBillingAgreementStatus", message: `Amazon billing agreement ${req.amazonId} is ${billingAgreement.status.state}; start a new checkout.`, facts };
    }
    const validation = await client.validateBillingAgreement({ amazonBillingAgreementId: req.amazonId });
    if (validation.validationResult !== "Success") {
      return { kind: "declined", reason: "InvalidPaymentMethod:hard", amazonReasonCode: validation.failureReasonCode ?? "ValidationFailed", facts };
    }
  } catch (error) {
    return failure(error, facts, false);
  }
  try {
    const result = await client.authorizeOnBillingAgreement({
      amazonBillingAgreementId: req.amazonId,
      authorizationReferenceId: req.referenceId,
      authorizationAmount: req.amount,
      transactionTimeout: 0,
      captureNow: true,
      softDescriptor: req.softDescriptor,
      sellerOrderId: req.sellerOrderId,
      storeName: req.storeName,
      sellerAuthorizationNote: req.sandboxSimulation,
    });
    return toOutcome(result.authorization, result.amazonOrderReferenceId, facts);
  } catch (error) {
    return failure(error, facts, true);
  }
}

export function chargeWithAmazon(client: AmazonPayClient, lwa: LoginWithAmazonClient | null, req: ChargeRequest): Promise<ChargeOutcome> {
  return req.kind === "order_reference" ? chargeOrderReference(client, lwa, req) : chargeBillingAgreement(client, lwa, req);
}
