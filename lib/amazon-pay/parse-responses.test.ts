import { describe, expect, it } from "vitest";
import { MalformedXmlError } from "./parse-details";
import {
  parseAuthorizationResult,
  parseAuthorizeOnBillingAgreementResult,
  parseBillingAgreementResult,
  parseCaptureResult,
  parseEmptyResult,
  parseErrorDocument,
  parseMerchantAccountStatusResult,
  parseOrderReferenceResult,
  parseRefundResult,
  parseServiceStatusResult,
  parseValidateBillingAgreementResult,
} from "./parse-responses";
import * as fx from "./test-fixtures/mws-responses";

describe("order reference responses", () => {
  it("reads a Draft order reference with constraints and empty containers", () => {
    const { requestId, orderReference } = parseOrderReferenceResult(fx.getOrderReferenceDetailsDraft, "GetOrderReferenceDetails");
    expect(requestId).toBe("5f20169b-7ab2-11df-bcef-d35615e2b044");
    expect(orderReference.amazonOrderReferenceId).toBe("S01-9821095-1837200");
    expect(orderReference.status).toEqual({ state: "Draft", lastUpdateTimestamp: undefined, reasonCode: undefined, reasonDescription: undefined });
    expect(orderReference.constraints.map((c) => c.constraintId)).toEqual(["AmountNotSet", "PaymentPlanNotSet"]);
    expect(orderReference.authorizationIds).toEqual([]);
    expect(orderReference.orderTotal).toBeUndefined();
    expect(orderReference.shippingAddress).toEqual({ city: "Seattle", stateOrRegion: "WA", postalCode: "98101", countryCode: "US" });
    expect(orderReference.sellerOrderAttributes).toEqual({ orderItemCategories: [] });
    expect(orderReference.releaseEnvironment).toBe("Sandbox");
  });

  it("ignores namespace prefixes and element order; a single IdList member is still a list", () => {
    const { requestId, orderReference } = parseOrderReferenceResult(fx.getOrderReferenceDetailsOpen, "GetOrderReferenceDetails");
    expect(requestId).toBe("b4ab4bc3-c9ea-44f0-9a3d-67cccef565c6");
    expect(orderReference.orderTotal).toEqual({ amountMinor: 1999, currency: "USD" });
    expect(orderReference.buyer).toEqual({ name: "Jane Doe", email: "jane@example.com", phone: "800-000-0000" });
    expect(orderReference.sellerNote).toBe("Thanks & enjoy");
    expect(orderReference.shippingAddress?.addressLine1).toBe("1 Main St");
    expect(orderReference.billingAddress?.name).toBe("Jane Doe");
    expect(orderReference.authorizationIds).toEqual(["S01-5695290-1354077-A041953"]);
    expect(orderReference.sellerOrderAttributes?.orderItemCategories).toEqual(["Books"]);
    expect(orderReference.parentDetails).toEqual({ id: "C01-1234567-1234567", type: "BillingAgreement" });
    expect(orderReference.status.state).toBe("Open");
    expect(orderReference.requestPaymentAuthorization).toBe(false);
    expect(orderReference.paymentAuthenticationState).toBe("REQUIRED");
  });

  it("rejects a document for another action", () => {
    expect(() => parseOrderReferenceResult(fx.getOrderReferenceDetailsDraft, "SetOrderReferenceDetails")).toThrow(MalformedXmlError);
    expect(() => parseOrderReferenceResult("not xml", "GetOrderReferenceDetails")).toThrow(MalformedXmlError);
  });
});

describe("payment responses", () => {
  it("Authorize with CaptureNow", () => {
    const { requestId, authorization } = parseAuthorizationResult(fx.authorizeCaptureNow, "Authorize");
    expect(requestId).toBe("a3b1c2d4-0000-4000-8000-000000000001");
    expect(authorization).toMatchObject({
      amazonAuthorizationId: "S01-5695290-1354077-A041953",
      authorizationReferenceId: "ord-1001-a1",
      authorizationAmount: { amountMinor: 1999, currency: "USD" },
      capturedAmount: { amountMinor: 1999, currency: "USD" },
      authorizationFee: { amountMinor: 0, currency: "USD" },
      captureIds: ["S01-5695290-1354077-C041953"],
      status: { state: "Closed", reasonCode: "MaxCapturesProcessed" },
      captureNow: true,
      softDecline: false,
      softDescriptor: "AMZ*Shop",
    });
    expect(authorization.sellerAuthorizationNote).toBeUndefined();
  });

  it("JPY capture with several refund ids", () => {
    const { capture } = parseCaptureResult(fx.getCaptureDetailsJpy, "GetCaptureDetails");
    expect(capture.captureAmount).toEqual({ amountMinor: 5000, currency: "JPY" });
    expect(capture.refundedAmount).toEqual({ amountMinor: 1500, currency: "JPY" });
    expect(capture.refundIds).toEqual(["S03-1111111-2222222-R000001", "S03-1111111-2222222-R000002"]);
    expect(capture.status.state).toBe("Completed");
  });

  it("Refund (Pending, amount rendered 5.0)", () => {
    const { refund, requestId } = parseRefundResult(fx.refundPending, "Refund");
    expect(requestId).toBe("req-ref");
    expect(refund).toMatchObject({
      amazonRefundId: "S01-5695290-1354077-R000001",
      refundReferenceId: "ref-1",
      refundType: "SellerInitiated",
      refundAmount: { amountMinor: 500, currency: "USD" },
      feeRefunded: { amountMinor: 0, currency: "USD" },
      status: { state: "Pending" },
      sellerRefundNote: "sorry",
    });
  });

  it("rejects an amount that is not exact for its currency", () => {
    const bad = fx.refundPending.replace("<Amount>5.0</Amount>", "<Amount>5.005</Amount>");
    expect(() => parseRefundResult(bad, "Refund")).toThrow(MalformedXmlError);
  });
});

describe("billing agreement responses", () => {
  it("reads limits, LastUpdatedTimestamp and consent", () => {
    const { billingAgreement } = parseBillingAgreementResult(fx.getBillingAgreementDetails, "GetBillingAgreementDetails");
    expect(billingAgreement.amazonBillingAgreementId).toBe("C01-5533845-8537141");
    expect(billingAgreement.limits?.amountLimitPerTimePeriod).toEqual({ amountMinor: 50000, currency: "USD" });
    expect(billingAgreement.limits?.currentRemainingBalance).toEqual({ amountMinor: 48001, currency: "USD" });
    expect(billingAgreement.status.lastUpdateTimestamp).toBe("2015-11-05T10:00:00.000Z");
    expect(billingAgreement.billingAgreementConsent).toBe(false);
    expect(billingAgreement.constraints).toEqual([
      { constraintId: "BuyerConsentNotSet", description: "The buyer has not given consent for this billing agreement." },
    ]);
    expect(billingAgreement.sellerBillingAgreementAttributes?.sellerBillingAgreementId).toBe("sub-9");
  });

  it("AuthorizeOnBillingAgreement returns the created order reference id", () => {
    const result = parseAuthorizeOnBillingAgreementResult(fx.authorizeOnBillingAgreement);
    expect(result.amazonOrderReferenceId).toBe("S01-7347515-9699585");
    expect(result.authorization.status).toMatchObject({ state: "Declined", reasonCode: "InvalidPaymentMethod" });
    expect(result.authorization.softDecline).toBe(true);
    expect(result.authorization.authorizationAmount).toEqual({ amountMinor: 999, currency: "USD" });
  });

  it("ValidateBillingAgreement failure", () => {
    expect(parseValidateBillingAgreementResult(fx.validateBillingAgreementFailure)).toEqual({
      requestId: "req-val",
      validationResult: "Failure",
      failureReasonCode: "InvalidPaymentMethod",
      billingAgreementStatus: {
        state: "Suspended",
        reasonCode: "InvalidPaymentMethod",
        lastUpdateTimestamp: "2015-11-05T10:00:00Z",
        reasonDescription: undefined,
      },
    });
  });
});

describe("other responses", () => {
  it("GetServiceStatus and GetMerchantAccountStatus", () => {
    expect(parseServiceStatusResult(fx.getServiceStatus)).toEqual({
      requestId: "req-status",
      status: "GREEN_I",
      timestamp: "2015-11-05T10:00:00.000Z",
      messageId: "msg-1",
      messages: [{ locale: "en_US", text: "Degraded in one zone" }],
    });
    expect(parseMerchantAccountStatusResult(fx.getMerchantAccountStatus)).toEqual({ requestId: "req-mas", accountStatus: "ACTIVE" });
  });

  it("void results: empty Result element or only ResponseMetadata", () => {
    expect(parseEmptyResult(fx.cancelOrderReference, "CancelOrderReference")).toEqual({ requestId: "req-cancel" });
    expect(parseEmptyResult(fx.confirmOrderReference, "ConfirmOrderReference")).toEqual({ requestId: "req-confirm" });
  });
});

describe("error documents", () => {
  it("reads Type, Code, Message and RequestId", () => {
    expect(parseErrorDocument(fx.errorNotModifiable)).toEqual({
      type: "Sender",
      code: "OrderReferenceNotModifiable",
      message: "OrderReference S01-5695290-1354077 is not in draft state and cannot be modified with the request submitted by you.",
      requestId: "6d4699b8-1238-4c09-b539-176e2c2f5462",
    });
  });

  it("reads the throttling variant with an empty Type and RequestID spelling", () => {
    expect(parseErrorDocument(fx.errorThrottled)).toEqual({
      type: "",
      code: "RequestThrottled",
      message: "Request is throttled",
      requestId: "7a1b2c3d-throttle",
    });
  });

  it("returns null for anything else", () => {
    expect(parseErrorDocument("<html>502 Bad Gateway</html>")).toBeNull();
    expect(parseErrorDocument("")).toBeNull();
    expect(parseErrorDocument(fx.cancelOrderReference)).toBeNull();
  });
});

describe("hostile documents", () => {
  it("refuses a DTD (no entity expansion)", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><ErrorResponse><Error><Code>&b;</Code></Error></ErrorResponse>`;
    expect(parseErrorDocument(bomb)).toBeNull();
  });
});
