import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { advanceMinutes, authorizeSync, callMws, control, createOpenOrder, dig, errorCode, pick, startTestSandbox } from "./test-helpers";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

let counter = 0;
const ref = (prefix: string): string => `${prefix}-${Date.now()}-${counter++}`;
const authDetails = (response: { doc: unknown }, action = "Authorize"): unknown =>
  dig(response.doc, `${action}Response`, `${action}Result`, "AuthorizationDetails");
const captureDetails = (response: { doc: unknown }, action = "Capture"): unknown => dig(response.doc, `${action}Response`, `${action}Result`, "CaptureDetails");
const refundDetails = (response: { doc: unknown }, action = "Refund"): unknown => dig(response.doc, `${action}Response`, `${action}Result`, "RefundDetails");

describe("authorization, capture, refund", () => {
  it("synchronous Authorize is Open at once with the -A id format, 30-day style expiry and IdList", async () => {
    const oro = await createOpenOrder(sandbox);
    const auth = authDetails(await authorizeSync(sandbox, oro, ref("a")));
    expect(pick(auth, "AmazonAuthorizationId")).toMatch(new RegExp(`^${oro}-A\\d{6}$`));
    expect(pick(auth, "AuthorizationStatus", "State")).toBe("Open");
    expect(pick(auth, "CapturedAmount", "Amount")).toBe("0.00");
    const oroDetails = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: oro });
    expect(pick(oroDetails.doc, "GetOrderReferenceDetailsResponse", "GetOrderReferenceDetailsResult", "OrderReferenceDetails", "IdList", "member")).toContain(
      pick(auth, "AmazonAuthorizationId"),
    );
  });

  it("asynchronous Authorize is Pending, then Open when the clock passes the delay", async () => {
    const oro = await createOpenOrder(sandbox);
    const response = await callMws(sandbox, "Authorize", {
      AmazonOrderReferenceId: oro,
      AuthorizationReferenceId: ref("async"),
      "AuthorizationAmount.Amount": "10.00",
      "AuthorizationAmount.CurrencyCode": "USD",
    });
    const auth = authDetails(response);
    expect(pick(auth, "AuthorizationStatus", "State")).toBe("Pending");
    await advanceMinutes(sandbox, 1);
    const later = await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: pick(auth, "AmazonAuthorizationId") });
    expect(pick(authDetails(later, "GetAuthorizationDetails"), "AuthorizationStatus", "State")).toBe("Open");
  });

  it("rejects bad TransactionTimeout, currency mismatch, over-authorization and Authorize on Draft", async () => {
    const oro = await createOpenOrder(sandbox, "100.00");
    expect(errorCode(await authorizeSync(sandbox, oro, ref("t"), "1.00", { TransactionTimeout: "7" }))).toBe("InvalidParameterValue");
    expect(errorCode(await authorizeSync(sandbox, oro, ref("big"), "116.00"))).toBe("TransactionAmountExceeded");
    expect((await authorizeSync(sandbox, oro, ref("ok"), "115.00")).status).toBe(200);
  });

  it("Capture closes the authorization with MaxCapturesProcessed; a second capture is refused", async () => {
    const oro = await createOpenOrder(sandbox);
    const authId = pick(authDetails(await authorizeSync(sandbox, oro, ref("a"))), "AmazonAuthorizationId");
    const capture = await callMws(sandbox, "Capture", {
      AmazonAuthorizationId: authId,
      CaptureReferenceId: ref("c"),
      "CaptureAmount.Amount": "60.00",
      "CaptureAmount.CurrencyCode": "USD",
    });
    expect(pick(captureDetails(capture), "CaptureStatus", "State")).toBe("Completed");
    expect(pick(captureDetails(capture), "AmazonCaptureId")).toMatch(/-C\d{6}$/);
    const auth = authDetails(await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: authId }), "GetAuthorizationDetails");
    expect(pick(auth, "AuthorizationStatus", "ReasonCode")).toBe("MaxCapturesProcessed");
    expect(pick(auth, "CapturedAmount", "Amount")).toBe("60.00");
    const second = await callMws(sandbox, "Capture", {
      AmazonAuthorizationId: authId,
      CaptureReferenceId: ref("c2"),
      "CaptureAmount.Amount": "10.00",
      "CaptureAmount.CurrencyCode": "USD",
    });
    expect(errorCode(second)).toBe("InvalidAuthorizationStatus");
  });

  it("Capture above the authorized amount → TransactionAmountExceeded", async () => {
    const oro = await createOpenOrder(sandbox);
    const authId = pick(authDetails(await authorizeSync(sandbox, oro, ref("a"), "50.00")), "AmazonAuthorizationId");
    const capture = await callMws(sandbox, "Capture", {
      AmazonAuthorizationId: authId,
      CaptureReferenceId: ref("c"),
      "CaptureAmount.Amount": "50.01",
      "CaptureAmount.CurrencyCode": "USD",
    });
    expect(errorCode(capture)).toBe("TransactionAmountExceeded");
  });

  it("CaptureNow returns a Closed authorization with the capture id sharing its digits", async () => {
    const oro = await createOpenOrder(sandbox);
    const auth = authDetails(await authorizeSync(sandbox, oro, ref("cn"), "100.00", { CaptureNow: "true" }));
    expect(pick(auth, "AuthorizationStatus", "State")).toBe("Closed");
    const authId = pick(auth, "AmazonAuthorizationId");
    expect(pick(auth, "IdList", "member")).toContain(authId.replace(/-A(\d{6})$/, "-C$1"));
    const oroDetails = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: oro });
    // Capturing the full order total leaves the ORO Open: MaxAmountCharged needs total + 15 %.
    expect(
      pick(oroDetails.doc, "GetOrderReferenceDetailsResponse", "GetOrderReferenceDetailsResult", "OrderReferenceDetails", "OrderReferenceStatus", "State"),
    ).toBe("Open");
  });

  it("over-capture up to total + 15 % closes the ORO with MaxAmountCharged", async () => {
    const oro = await createOpenOrder(sandbox, "100.00");
    await authorizeSync(sandbox, oro, ref("cn"), "115.00", { CaptureNow: "true" });
    const oroDetails = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: oro });
    expect(
      pick(oroDetails.doc, "GetOrderReferenceDetailsResponse", "GetOrderReferenceDetailsResult", "OrderReferenceDetails", "OrderReferenceStatus", "ReasonCode"),
    ).toBe("MaxAmountCharged");
  });

  it("Refund is Pending, then Completed; RefundedAmount accumulates; limit is capture + 15 %", async () => {
    const oro = await createOpenOrder(sandbox);
    const auth = authDetails(await authorizeSync(sandbox, oro, ref("cn"), "100.00", { CaptureNow: "true" }));
    const captureId = pick(auth, "IdList", "member").replace(/[[\]"]/g, "");
    const refund = await callMws(sandbox, "Refund", {
      AmazonCaptureId: captureId,
      RefundReferenceId: ref("r"),
      "RefundAmount.Amount": "40.00",
      "RefundAmount.CurrencyCode": "USD",
    });
    const details = refundDetails(refund);
    expect(pick(details, "RefundStatus", "State")).toBe("Pending");
    expect(pick(details, "RefundType")).toBe("SellerInitiated");
    await advanceMinutes(sandbox, 1);
    const done = refundDetails(await callMws(sandbox, "GetRefundDetails", { AmazonRefundId: pick(details, "AmazonRefundId") }), "GetRefundDetails");
    expect(pick(done, "RefundStatus", "State")).toBe("Completed");
    const capture = captureDetails(await callMws(sandbox, "GetCaptureDetails", { AmazonCaptureId: captureId }), "GetCaptureDetails");
    expect(pick(capture, "RefundedAmount", "Amount")).toBe("40.00");
    const tooMuch = await callMws(sandbox, "Refund", {
      AmazonCaptureId: captureId,
      RefundReferenceId: ref("r"),
      "RefundAmount.Amount": "75.01",
      "RefundAmount.CurrencyCode": "USD",
    });
    expect(errorCode(tooMuch)).toBe("TransactionAmountExceeded");
  });

  it("CloseAuthorization → Closed/SellerClosed with an empty Result; Declined cannot be closed", async () => {
    const oro = await createOpenOrder(sandbox);
    const authId = pick(authDetails(await authorizeSync(sandbox, oro, ref("a"), "10.00")), "AmazonAuthorizationId");
    const close = await callMws(sandbox, "CloseAuthorization", { AmazonAuthorizationId: authId, ClosureReason: "not shipping" });
    expect(close.xml).toContain("<CloseAuthorizationResult/>");
    const auth = authDetails(await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: authId }), "GetAuthorizationDetails");
    expect(pick(auth, "AuthorizationStatus", "ReasonCode")).toBe("SellerClosed");
    expect(pick(auth, "AuthorizationStatus", "ReasonDescription")).toBe("not shipping");
    expect(errorCode(await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: "S01-0000000-0000000-A000000" }))).toBe("InvalidTransactionId");
  });

  it("an authorization expires (Closed/ExpiredUnused) after the sandbox lifetime of 2 days", async () => {
    const oro = await createOpenOrder(sandbox);
    const authId = pick(authDetails(await authorizeSync(sandbox, oro, ref("a"), "10.00")), "AmazonAuthorizationId");
    await advanceMinutes(sandbox, 2 * 24 * 60 + 1);
    const auth = authDetails(await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: authId }), "GetAuthorizationDetails");
    expect(pick(auth, "AuthorizationStatus", "ReasonCode")).toBe("ExpiredUnused");
  });

  it("same reference id + same parameters replays; different parameters → DuplicateReferenceId (across types)", async () => {
    const oro = await createOpenOrder(sandbox);
    const id = ref("idem");
    const first = authDetails(await authorizeSync(sandbox, oro, id, "10.00"));
    const repeat = authDetails(await authorizeSync(sandbox, oro, id, "10.00"));
    expect(pick(repeat, "AmazonAuthorizationId")).toBe(pick(first, "AmazonAuthorizationId"));
    const changed = await authorizeSync(sandbox, oro, id, "11.00");
    expect(changed.status).toBe(400);
    expect(errorCode(changed)).toBe("DuplicateReferenceId");
    const asCapture = await callMws(sandbox, "Capture", {
      AmazonAuthorizationId: pick(first, "AmazonAuthorizationId"),
      CaptureReferenceId: id,
      "CaptureAmount.Amount": "10.00",
      "CaptureAmount.CurrencyCode": "USD",
    });
    expect(errorCode(asCapture)).toBe("DuplicateReferenceId");
    const { body } = await control<{ objects: Array<{ type: string; referenceId?: string }> }>(sandbox, "GET", `/_sandbox/ledger?sellerId=A1TESTSELLER01`);
    expect(body.objects.filter((o) => o.referenceId === id)).toHaveLength(1);
  });

  it("reference ids over 32 characters are invalid", async () => {
    const oro = await createOpenOrder(sandbox);
    expect(errorCode(await authorizeSync(sandbox, oro, "x".repeat(33)))).toBe("InvalidParameterValue");
  });
});
