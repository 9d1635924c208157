import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { advanceMinutes, authorizeSync, callMws, dig, createCheckout, createOpenOrder, errorCode, pick, startTestSandbox } from "./test-helpers";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const details = (response: { doc: unknown }, action = "GetOrderReferenceDetails"): unknown =>
  dig(response.doc, `${action}Response`, `${action}Result`, "OrderReferenceDetails");

describe("order reference", () => {
  it("a fresh checkout is Draft with AmountNotSet, partial address and no buyer", async () => {
    const { id } = await createCheckout(sandbox);
    expect(id).toMatch(/^S01-\d{7}-\d{7}$/);
    const response = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id });
    const oro = details(response);
    expect(pick(oro, "OrderReferenceStatus", "State")).toBe("Draft");
    expect(pick(oro, "Constraints", "Constraint")).toContain("AmountNotSet");
    expect(pick(oro, "Destination", "PhysicalDestination", "City")).toBe("Seattle");
    expect(() => pick(oro, "Destination", "PhysicalDestination", "AddressLine1")).toThrow();
    expect(() => pick(oro, "Buyer")).toThrow();
    expect(pick(oro, "ReleaseEnvironment")).toBe("Sandbox");
  });

  it("AccessToken reveals buyer and full address; both tokens → AmbiguousToken; bad token refused", async () => {
    const { id, accessToken } = await createCheckout(sandbox);
    const revealed = details(await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id, AccessToken: accessToken }));
    expect(pick(revealed, "Buyer", "Email")).toBe("jane@example.com");
    expect(pick(revealed, "Destination", "PhysicalDestination", "AddressLine1")).toBe("410 Terry Ave N");
    const legacy = details(await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id, AddressConsentToken: accessToken }));
    expect(pick(legacy, "Buyer", "Name")).toBe("Jane Buyer");
    const both = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id, AccessToken: accessToken, AddressConsentToken: accessToken });
    expect(both.status).toBe(400);
    expect(errorCode(both)).toBe("AmbiguousToken");
    const bad = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id, AccessToken: "Atza|nope" });
    expect(errorCode(bad)).toBe("InvalidAddressConsentToken");
  });

  it("unknown id → 404 InvalidOrderReferenceId", async () => {
    const response = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: "S01-0000000-0000000" });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe("InvalidOrderReferenceId");
  });

  it("Set → Confirm moves Draft to Open; Set afterwards → 405 OrderReferenceNotModifiable; ConfirmOrderReference has no Result element", async () => {
    const { id } = await createCheckout(sandbox);
    const confirmEarly = await callMws(sandbox, "ConfirmOrderReference", { AmazonOrderReferenceId: id });
    expect(errorCode(confirmEarly)).toBe("ConstraintsExist");
    const set = await callMws(sandbox, "SetOrderReferenceDetails", {
      AmazonOrderReferenceId: id,
      "OrderReferenceAttributes.OrderTotal.Amount": "19.99",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
      "OrderReferenceAttributes.SellerOrderAttributes.SellerOrderId": "ORDER-1",
    });
    expect(set.status).toBe(200);
    expect(pick(details(set, "SetOrderReferenceDetails"), "OrderTotal", "Amount")).toBe("19.99");
    const confirm = await callMws(sandbox, "ConfirmOrderReference", { AmazonOrderReferenceId: id });
    expect(confirm.status).toBe(200);
    expect(confirm.xml).not.toContain("ConfirmOrderReferenceResult");
    const oro = details(await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id }));
    expect(pick(oro, "OrderReferenceStatus", "State")).toBe("Open");
    expect(pick(oro, "Buyer", "Name")).toBe("Jane Buyer");
    const again = await callMws(sandbox, "SetOrderReferenceDetails", {
      AmazonOrderReferenceId: id,
      "OrderReferenceAttributes.OrderTotal.Amount": "20.00",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
    });
    expect(again.status).toBe(405);
    expect(errorCode(again)).toBe("OrderReferenceNotModifiable");
  });

  it("rejects float artefacts, wrong currency and missing amount", async () => {
    const { id } = await createCheckout(sandbox);
    const float = await callMws(sandbox, "SetOrderReferenceDetails", {
      AmazonOrderReferenceId: id,
      "OrderReferenceAttributes.OrderTotal.Amount": "0.0099999999999998",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
    });
    expect(errorCode(float)).toBe("InvalidParameterValue");
    const currency = await callMws(sandbox, "SetOrderReferenceDetails", {
      AmazonOrderReferenceId: id,
      "OrderReferenceAttributes.OrderTotal.Amount": "1.00",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "EUR",
    });
    expect(errorCode(currency)).toBe("CurrencyUnsupported");
    const missing = await callMws(sandbox, "SetOrderReferenceDetails", {
      AmazonOrderReferenceId: id,
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
    });
    expect(errorCode(missing)).toBe("MissingParameter");
  });

  it("SetOrderAttributes fills unset values after confirm but never changes set ones", async () => {
    const id = await createOpenOrder(sandbox);
    const fill = await callMws(sandbox, "SetOrderAttributes", { AmazonOrderReferenceId: id, "OrderAttributes.SellerOrderAttributes.SellerOrderId": "X-1" });
    expect(fill.status).toBe(200);
    expect(pick(details(fill, "SetOrderAttributes"), "SellerOrderAttributes", "SellerOrderId")).toBe("X-1");
    const change = await callMws(sandbox, "SetOrderAttributes", { AmazonOrderReferenceId: id, "OrderAttributes.SellerOrderAttributes.SellerOrderId": "X-2" });
    expect(errorCode(change)).toBe("OrderReferenceNotModifiable");
    const amount = await callMws(sandbox, "SetOrderAttributes", {
      AmazonOrderReferenceId: id,
      "OrderAttributes.OrderTotal.Amount": "5.00",
      "OrderAttributes.OrderTotal.CurrencyCode": "USD",
    });
    expect(errorCode(amount)).toBe("OrderReferenceNotModifiable");
  });

  it("Cancel → Canceled/SellerCanceled and closes open authorizations with OrderReferenceCanceled", async () => {
    const id = await createOpenOrder(sandbox);
    const auth = await authorizeSync(sandbox, id, `cancel-${Date.now()}`, "50.00");
    const authId = pick(auth.doc, "AuthorizeResponse", "AuthorizeResult", "AuthorizationDetails", "AmazonAuthorizationId");
    const cancel = await callMws(sandbox, "CancelOrderReference", { AmazonOrderReferenceId: id, CancelationReason: "buyer asked" });
    expect(cancel.xml).toContain("<CancelOrderReferenceResult/>");
    const oro = details(await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id }));
    expect(pick(oro, "OrderReferenceStatus", "State")).toBe("Canceled");
    expect(pick(oro, "OrderReferenceStatus", "ReasonCode")).toBe("SellerCanceled");
    const authDetails = await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: authId });
    expect(
      pick(authDetails.doc, "GetAuthorizationDetailsResponse", "GetAuthorizationDetailsResult", "AuthorizationDetails", "AuthorizationStatus", "ReasonCode"),
    ).toBe("OrderReferenceCanceled");
  });

  it("Cancel is refused once a capture exists (InvalidCancelAttempt)", async () => {
    const id = await createOpenOrder(sandbox);
    await authorizeSync(sandbox, id, `cn-${Date.now()}`, "10.00", { CaptureNow: "true" });
    const cancel = await callMws(sandbox, "CancelOrderReference", { AmazonOrderReferenceId: id });
    expect(errorCode(cancel)).toBe("InvalidCancelAttempt");
  });

  it("Close → Closed/SellerClosed with only ResponseMetadata; no new authorizations", async () => {
    const id = await createOpenOrder(sandbox);
    const close = await callMws(sandbox, "CloseOrderReference", { AmazonOrderReferenceId: id, ClosureReason: "done" });
    expect(close.status).toBe(200);
    expect(close.xml).not.toContain("CloseOrderReferenceResult");
    const oro = details(await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id }));
    expect(pick(oro, "OrderReferenceStatus", "ReasonCode")).toBe("SellerClosed");
    const auth = await authorizeSync(sandbox, id, `closed-${Date.now()}`);
    expect(errorCode(auth)).toBe("InvalidOrderReferenceStatus");
  });

  it("a Draft left for 3 hours becomes Canceled/Stale; ExpectImmediateAuthorization closes after 60 min", async () => {
    const { id } = await createCheckout(sandbox);
    const open = await createCheckout(sandbox);
    await callMws(sandbox, "SetOrderReferenceDetails", {
      AmazonOrderReferenceId: open.id,
      "OrderReferenceAttributes.OrderTotal.Amount": "5.00",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
    });
    await callMws(sandbox, "ConfirmOrderReference", { AmazonOrderReferenceId: open.id, ExpectImmediateAuthorization: "true" });
    await advanceMinutes(sandbox, 181);
    const stale = details(await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id }));
    expect(pick(stale, "OrderReferenceStatus", "ReasonCode")).toBe("Stale");
    const closed = details(await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: open.id }));
    expect(pick(closed, "OrderReferenceStatus", "State")).toBe("Closed");
  });

  it("sandbox ids are unknown on the live path", async () => {
    const id = await createOpenOrder(sandbox);
    const live = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id }, { path: "/OffAmazonPayments/2013-01-01" });
    expect(errorCode(live)).toBe("InvalidOrderReferenceId");
  });
});
