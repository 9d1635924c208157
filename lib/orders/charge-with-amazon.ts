import { AmazonPayError, type AmazonPayClient } from "@/lib/amazon-pay";
import type { LoginWithAmazonClient } from "@/lib/amazon-pay";
import { toOutcome, type BuyerFacts, type ChargeOutcome } from "./charge-state";

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
    return {
      ...facts,
      amazonUserId: profile.userId,
      buyer: { ...facts.buyer, name: facts.buyer?.name ?? profile.name, email: facts.buyer?.email ?? profile.email },
    };
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
      await client.setOrderReferenceDetails({
        amazonOrderReferenceId: req.amazonId,
        orderTotal: req.amount,
        sellerOrderId: req.sellerOrderId,
        storeName: req.storeName,
        sellerNote: req.sellerNote,
      });
      await client.confirmOrderReference({ amazonOrderReferenceId: req.amazonId });
      if (!facts.buyer?.email) {
        const confirmed = await client.getOrderReferenceDetails({ amazonOrderReferenceId: req.amazonId });
        facts = {
          ...facts,
          buyer: confirmed.orderReference.buyer ?? facts.buyer,
          shippingAddress: facts.shippingAddress ?? confirmed.orderReference.shippingAddress,
        };
      }
    } else if (orderReference.status.state !== "Open") {
      return {
        kind: "failed",
        unavailable: false,
        amazonCode: "InvalidOrderReferenceStatus",
        message: `Amazon order reference ${req.amazonId} is ${orderReference.status.state}${orderReference.status.reasonCode ? ` (${orderReference.status.reasonCode})` : ""}; start a new checkout.`,
        facts,
      };
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
      await client.setBillingAgreementDetails({
        amazonBillingAgreementId: req.amazonId,
        sellerBillingAgreementId: req.sellerOrderId,
        storeName: req.storeName,
        sellerNote: req.sellerNote,
      });
      await client.confirmBillingAgreement({ amazonBillingAgreementId: req.amazonId });
    } else if (billingAgreement.status.state !== "Open") {
      return {
        kind: "failed",
        unavailable: false,
        amazonCode: "InvalidBillingAgreementStatus",
        message: `Amazon billing agreement ${req.amazonId} is ${billingAgreement.status.state}; start a new checkout.`,
        facts,
      };
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
