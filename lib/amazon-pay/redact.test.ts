import { describe, expect, it } from "vitest";
import { maskAccessKey, redactParams, scrubSecrets } from "./redact";

describe("redactParams", () => {
  const params = {
    AWSAccessKeyId: "AKIAIOSFODNN7EXAMPLE",
    Action: "Authorize",
    SellerId: "A2K7NDRCTOTPW9",
    Signature: "cpkDC72d5lMIbo5ET2dvERTw4F2cGQJL3eQPzUe2pAE=",
    MWSAuthToken: "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE",
    AccessToken: "Atza|IwEBIA",
    AddressConsentToken: "Atza|other",
    SellerAuthorizationNote: '{"SandboxSimulation":{"State":"Declined"}}',
    SoftDescriptor: "Shop",
    "OrderReferenceAttributes.SellerNote": "call me at 555",
    "BillingAgreementAttributes.SellerNote": "note",
    "OrderReferenceAttributes.SellerOrderAttributes.CustomInformation": "vip",
    SellerCaptureNote: "x",
    SellerRefundNote: "y",
    ClosureReason: "fraud",
    AuthorizationReferenceId: "ord-1-auth-1",
    "AuthorizationAmount.Amount": "19.99",
    SomeSecretKey: "zzz",
    Other: "contains s3cr3t inside",
  };
  const redacted = redactParams(params, { secretValues: ["s3cr3t"] });

  it("masks the access key and removes credentials and tokens", () => {
    expect(redacted.AWSAccessKeyId).toBe("****MPLE");
    expect(redacted.Signature).toBe("[redacted]");
    expect(redacted.MWSAuthToken).toBe("[redacted]");
    expect(redacted.AccessToken).toBe("[redacted]");
    expect(redacted.AddressConsentToken).toBe("[redacted]");
    expect(redacted.SomeSecretKey).toBe("[redacted]");
    expect(redacted.Other).toBe("[redacted]");
  });

  it("replaces free-text notes with their length", () => {
    expect(redacted.SellerAuthorizationNote).toBe("[redacted 42 chars]");
    expect(redacted["OrderReferenceAttributes.SellerNote"]).toBe("[redacted 14 chars]");
    expect(redacted["BillingAgreementAttributes.SellerNote"]).toMatch(/^\[redacted/);
    expect(redacted["OrderReferenceAttributes.SellerOrderAttributes.CustomInformation"]).toMatch(/^\[redacted/);
    expect(redacted.SoftDescriptor).toMatch(/^\[redacted/);
    expect(redacted.SellerCaptureNote).toMatch(/^\[redacted/);
    expect(redacted.SellerRefundNote).toMatch(/^\[redacted/);
    expect(redacted.ClosureReason).toMatch(/^\[redacted/);
  });

  it("keeps ids and amounts for troubleshooting", () => {
    expect(redacted.Action).toBe("Authorize");
    expect(redacted.SellerId).toBe("A2K7NDRCTOTPW9");
    expect(redacted.AuthorizationReferenceId).toBe("ord-1-auth-1");
    expect(redacted["AuthorizationAmount.Amount"]).toBe("19.99");
  });

  it("masks short access keys entirely and scrubs secrets from text", () => {
    expect(maskAccessKey("SHORT")).toBe("****");
    expect(scrubSecrets("bad key s3cr3t here", ["s3cr3t"])).toBe("bad key [redacted] here");
  });
});
