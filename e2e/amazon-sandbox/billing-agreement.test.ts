import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { advanceMinutes, callMws, createCheckout, dig, errorCode, pick, startTestSandbox } from "./test-helpers";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

let counter = 0;
const ref = (): string => `ba-${Date.now()}-${counter++}`;
const details = (r: { doc: unknown }, action = "GetBillingAgreementDetails"): unknown =>
  dig(r.doc, `${action}Response`, `${action}Result`, "BillingAgreementDetails");

async function openAgreement(): Promise<string> {
  const { id } = await createCheckout(sandbox, "BillingAgreement");
  await callMws(sandbox, "SetBillingAgreementDetails", {
    AmazonBillingAgreementId: id,
    "BillingAgreementAttributes.SellerBillingAgreementAttributes.SellerBillingAgreementId": "SUB-1",
  });
  const confirm = await callMws(sandbox, "ConfirmBillingAgreement", { AmazonBillingAgreementId: id });
  if (confirm.status !== 200) throw new Error(confirm.xml);
  return id;
}

const authorizeOnBa = (id: string, amount: string, extra: Record<string, string> = {}) =>
  callMws(sandbox, "AuthorizeOnBillingAgreement", {
    AmazonBillingAgreementId: id,
    AuthorizationReferenceId: ref(),
    "AuthorizationAmount.Amount": amount,
    "AuthorizationAmount.CurrencyCode": "USD",
    TransactionTimeout: "0",
    ...extra,
  });

describe("billing agreement", () => {
  it("Draft BA: C01 id, limits 500 USD for the calendar month, LastUpdatedTimestamp spelling after confirm", async () => {
    const { id } = await createCheckout(sandbox, "BillingAgreement");
    expect(id).toMatch(/^C01-\d{7}-\d{7}$/);
    const draft = details(await callMws(sandbox, "GetBillingAgreementDetails", { AmazonBillingAgreementId: id }));
    expect(pick(draft, "BillingAgreementStatus", "State")).toBe("Draft");
    expect(pick(draft, "BillingAgreementLimits", "AmountLimitPerTimePeriod", "Amount")).toBe("500.00");
    expect(pick(draft, "BillingAgreementLimits", "TimePeriodStartDate")).toMatch(/-01T00:00:00Z$/);
    await callMws(sandbox, "ConfirmBillingAgreement", { AmazonBillingAgreementId: id });
    const open = await callMws(sandbox, "GetBillingAgreementDetails", { AmazonBillingAgreementId: id });
    expect(open.xml).toContain("<LastUpdatedTimestamp>");
    expect(pick(details(open), "Buyer", "Email")).toBe("jane@example.com");
  });

  it("BuyerConsentNotSet blocks confirmation; Set after confirm → 405 BillingAgreementNotModifiable", async () => {
    const { id } = await createCheckout(sandbox, "BillingAgreement", { consent: false });
    const confirm = await callMws(sandbox, "ConfirmBillingAgreement", { AmazonBillingAgreementId: id });
    expect(errorCode(confirm)).toBe("BillingAgreementConstraintsExist");
    const openId = await openAgreement();
    const set = await callMws(sandbox, "SetBillingAgreementDetails", { AmazonBillingAgreementId: openId, "BillingAgreementAttributes.SellerNote": "x" });
    expect(set.status).toBe(405);
    expect(errorCode(set)).toBe("BillingAgreementNotModifiable");
  });

  it("#13 BA constraint simulation PaymentMethodNotAllowed", async () => {
    const { id } = await createCheckout(sandbox, "BillingAgreement");
    await callMws(sandbox, "SetBillingAgreementDetails", {
      AmazonBillingAgreementId: id,
      "BillingAgreementAttributes.SellerNote": JSON.stringify({ SandboxSimulation: { Constraint: "PaymentMethodNotAllowed" } }),
    });
    expect(errorCode(await callMws(sandbox, "ConfirmBillingAgreement", { AmazonBillingAgreementId: id }))).toBe("BillingAgreementConstraintsExist");
  });

  it("ValidateBillingAgreement → Success on an Open BA", async () => {
    const id = await openAgreement();
    const response = await callMws(sandbox, "ValidateBillingAgreement", { AmazonBillingAgreementId: id });
    expect(pick(response.doc, "ValidateBillingAgreementResponse", "ValidateBillingAgreementResult", "ValidationResult")).toBe("Success");
  });

  it("AuthorizeOnBillingAgreement creates a closed child ORO and reduces the monthly balance; over 500 → PeriodicAmountExceeded", async () => {
    const id = await openAgreement();
    const response = await authorizeOnBa(id, "300.00", { CaptureNow: "true", "SellerOrderAttributes.SellerOrderId": "R-1" });
    expect(response.status).toBe(200);
    const result = dig(response.doc, "AuthorizeOnBillingAgreementResponse", "AuthorizeOnBillingAgreementResult");
    const oroId = pick(result, "AmazonOrderReferenceId");
    expect(oroId).toMatch(/^S01-/);
    expect(pick(result, "AuthorizationDetails", "AmazonAuthorizationId")).toMatch(new RegExp(`^${oroId}-A`));
    const oro = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: oroId });
    expect(oro.xml).toContain("<ReasonCode>MaxAuthorizationsProcessed</ReasonCode>");
    expect(oro.xml).toContain(`<ParentDetails><Id>${id}</Id><Type>BillingAgreement</Type></ParentDetails>`);
    const ba = details(await callMws(sandbox, "GetBillingAgreementDetails", { AmazonBillingAgreementId: id }));
    expect(pick(ba, "BillingAgreementLimits", "CurrentRemainingBalance", "Amount")).toBe("200.00");
    const over = await authorizeOnBa(id, "200.01");
    expect(over.status).toBe(400);
    expect(errorCode(over)).toBe("PeriodicAmountExceeded");
  });

  it("#12 InvalidPaymentMethod decline suspends the BA; an async one reverts after the delay", async () => {
    const id = await openAgreement();
    const note = JSON.stringify({ SandboxSimulation: { State: "Declined", ReasonCode: "InvalidPaymentMethod", PaymentMethodUpdateTimeInMins: 1 } });
    const response = await callMws(sandbox, "AuthorizeOnBillingAgreement", {
      AmazonBillingAgreementId: id,
      AuthorizationReferenceId: ref(),
      "AuthorizationAmount.Amount": "5.00",
      "AuthorizationAmount.CurrencyCode": "USD",
      SellerAuthorizationNote: note,
    });
    expect(response.xml).toContain("<State>Pending</State>");
    await advanceMinutes(sandbox, 0.1);
    const suspended = details(await callMws(sandbox, "GetBillingAgreementDetails", { AmazonBillingAgreementId: id }));
    expect(pick(suspended, "BillingAgreementStatus", "State")).toBe("Suspended");
    expect(errorCode(await authorizeOnBa(id, "1.00"))).toBe("InvalidBillingAgreementStatus");
    await advanceMinutes(sandbox, 1);
    const reverted = details(await callMws(sandbox, "GetBillingAgreementDetails", { AmazonBillingAgreementId: id }));
    expect(pick(reverted, "BillingAgreementStatus", "State")).toBe("Open");
  });

  it("CreateOrderReferenceForId: one ORO while Draft, ConfirmNow makes it Open", async () => {
    const { id } = await createCheckout(sandbox, "BillingAgreement");
    const first = await callMws(sandbox, "CreateOrderReferenceForId", { Id: id, IdType: "BillingAgreement" });
    expect(first.status).toBe(200);
    expect(first.xml).toContain("<State>Draft</State>");
    expect(errorCode(await callMws(sandbox, "CreateOrderReferenceForId", { Id: id, IdType: "BillingAgreement" }))).toBe("OrderReferenceCountExceeded");
    expect(errorCode(await callMws(sandbox, "CreateOrderReferenceForId", { Id: id, IdType: "OrderReference" }))).toBe("InvalidParameterValue");
    const openId = await openAgreement();
    const confirmed = await callMws(sandbox, "CreateOrderReferenceForId", {
      Id: openId,
      IdType: "BillingAgreement",
      ConfirmNow: "true",
      "OrderReferenceAttributes.OrderTotal.Amount": "9.99",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
    });
    expect(confirmed.xml).toContain("<State>Open</State>");
  });

  it("CloseBillingAgreement → Closed/SellerClosed (empty Result); #14 AmazonClosed simulation", async () => {
    const id = await openAgreement();
    const close = await callMws(sandbox, "CloseBillingAgreement", { AmazonBillingAgreementId: id, ClosureReason: "cancelled" });
    expect(close.xml).toContain("<CloseBillingAgreementResult/>");
    expect(pick(details(await callMws(sandbox, "GetBillingAgreementDetails", { AmazonBillingAgreementId: id })), "BillingAgreementStatus", "ReasonCode")).toBe(
      "SellerClosed",
    );
    const other = await openAgreement();
    await callMws(sandbox, "CloseBillingAgreement", {
      AmazonBillingAgreementId: other,
      ClosureReason: JSON.stringify({ SandboxSimulation: { State: "Closed", ReasonCode: "AmazonClosed" } }),
    });
    expect(
      pick(details(await callMws(sandbox, "GetBillingAgreementDetails", { AmazonBillingAgreementId: other })), "BillingAgreementStatus", "ReasonCode"),
    ).toBe("AmazonClosed");
  });

  it("GetMerchantAccountStatus → ACTIVE", async () => {
    const response = await callMws(sandbox, "GetMerchantAccountStatus");
    expect(pick(response.doc, "GetMerchantAccountStatusResponse", "GetMerchantAccountStatusResult", "AccountStatus")).toBe("ACTIVE");
  });
});
