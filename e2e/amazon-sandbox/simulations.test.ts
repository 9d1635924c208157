import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { advanceMinutes, authorizeSync, callMws, createCheckout, createOpenOrder, dig, errorCode, pick, startTestSandbox } from "./test-helpers";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

let counter = 0;
const ref = (): string => `sim-${Date.now()}-${counter++}`;
const sim = (inner: Record<string, unknown>): string => JSON.stringify({ SandboxSimulation: inner });
const auth = (r: { doc: unknown }, action = "Authorize"): unknown => dig(r.doc, `${action}Response`, `${action}Result`, "AuthorizationDetails");
const oroState = async (id: string): Promise<{ state: string; reason: string | undefined }> => {
  const r = await callMws(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: id });
  const status = dig(r.doc, "GetOrderReferenceDetailsResponse", "GetOrderReferenceDetailsResult", "OrderReferenceDetails", "OrderReferenceStatus") as Record<
    string,
    string
  >;
  return { state: status.State, reason: status.ReasonCode };
};

async function captureFor(note: string): Promise<{ captureId: string; response: Awaited<ReturnType<typeof callMws>> }> {
  const oro = await createOpenOrder(sandbox);
  const authId = pick(auth(await authorizeSync(sandbox, oro, ref(), "10.00")), "AmazonAuthorizationId");
  const response = await callMws(sandbox, "Capture", {
    AmazonAuthorizationId: authId,
    CaptureReferenceId: ref(),
    "CaptureAmount.Amount": "10.00",
    "CaptureAmount.CurrencyCode": "USD",
    SellerCaptureNote: note,
  });
  return { captureId: pick(dig(response.doc, "CaptureResponse", "CaptureResult", "CaptureDetails"), "AmazonCaptureId"), response };
}

describe("sandbox simulations (§7.2)", () => {
  it("#1 ORO constraint PaymentMethodNotAllowed blocks Confirm until the note changes", async () => {
    const { id } = await createCheckout(sandbox);
    const set = (note: string) =>
      callMws(sandbox, "SetOrderReferenceDetails", {
        AmazonOrderReferenceId: id,
        "OrderReferenceAttributes.OrderTotal.Amount": "5.00",
        "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
        "OrderReferenceAttributes.SellerNote": note,
      });
    const response = await set(sim({ Constraint: "PaymentMethodNotAllowed" }));
    expect(response.xml).toContain("<ConstraintID>PaymentMethodNotAllowed</ConstraintID>");
    expect(errorCode(await callMws(sandbox, "ConfirmOrderReference", { AmazonOrderReferenceId: id }))).toBe("ConstraintsExist");
    await set("thanks for your order");
    expect((await callMws(sandbox, "ConfirmOrderReference", { AmazonOrderReferenceId: id })).status).toBe(200);
  });

  it("#2 CloseOrderReference with Closed/AmazonClosed", async () => {
    const id = await createOpenOrder(sandbox);
    await callMws(sandbox, "CloseOrderReference", { AmazonOrderReferenceId: id, ClosureReason: sim({ State: "Closed", ReasonCode: "AmazonClosed" }) });
    expect(await oroState(id)).toEqual({ state: "Closed", reason: "AmazonClosed" });
  });

  it("#3 Declined/InvalidPaymentMethod suspends the ORO, SoftDecline mirrors the flag, reverts after PaymentMethodUpdateTimeInMins", async () => {
    const id = await createOpenOrder(sandbox);
    const response = await authorizeSync(sandbox, id, ref(), "10.00", {
      SellerAuthorizationNote: sim({ State: "Declined", ReasonCode: "InvalidPaymentMethod", PaymentMethodUpdateTimeInMins: 5, SoftDecline: "true" }),
    });
    expect(pick(auth(response), "AuthorizationStatus", "ReasonCode")).toBe("InvalidPaymentMethod");
    expect(pick(auth(response), "SoftDecline")).toBe("true");
    expect(await oroState(id)).toEqual({ state: "Suspended", reason: "InvalidPaymentMethod" });
    expect(errorCode(await authorizeSync(sandbox, id, ref(), "10.00"))).toBe("InvalidOrderReferenceStatus");
    await advanceMinutes(sandbox, 5);
    expect((await oroState(id)).state).toBe("Open");
  });

  it("#4 Declined/AmazonRejected closes the ORO (AmazonClosed)", async () => {
    const id = await createOpenOrder(sandbox);
    const response = await authorizeSync(sandbox, id, ref(), "10.00", { SellerAuthorizationNote: sim({ State: "Declined", ReasonCode: "AmazonRejected" }) });
    expect(pick(auth(response), "AuthorizationStatus", "State")).toBe("Declined");
    expect(await oroState(id)).toEqual({ state: "Closed", reason: "AmazonClosed" });
  });

  it("#5 Declined/TransactionTimedOut leaves the ORO Open (async: Pending first)", async () => {
    const id = await createOpenOrder(sandbox);
    const response = await callMws(sandbox, "Authorize", {
      AmazonOrderReferenceId: id,
      AuthorizationReferenceId: ref(),
      "AuthorizationAmount.Amount": "10.00",
      "AuthorizationAmount.CurrencyCode": "USD",
      SellerAuthorizationNote: sim({ State: "Declined", ReasonCode: "TransactionTimedOut" }),
    });
    expect(pick(auth(response), "AuthorizationStatus", "State")).toBe("Pending");
    await advanceMinutes(sandbox, 1);
    const later = auth(
      await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: pick(auth(response), "AmazonAuthorizationId") }),
      "GetAuthorizationDetails",
    );
    expect(pick(later, "AuthorizationStatus", "ReasonCode")).toBe("TransactionTimedOut");
    expect((await oroState(id)).state).toBe("Open");
  });

  it("#6 Closed/ExpiredUnused: Open, then closed after ExpirationTimeInMins", async () => {
    const id = await createOpenOrder(sandbox);
    const response = await authorizeSync(sandbox, id, ref(), "10.00", {
      SellerAuthorizationNote: sim({ State: "Closed", ReasonCode: "ExpiredUnused", ExpirationTimeInMins: 2 }),
    });
    expect(pick(auth(response), "AuthorizationStatus", "State")).toBe("Open");
    await advanceMinutes(sandbox, 2);
    const later = auth(
      await callMws(sandbox, "GetAuthorizationDetails", { AmazonAuthorizationId: pick(auth(response), "AmazonAuthorizationId") }),
      "GetAuthorizationDetails",
    );
    expect(pick(later, "AuthorizationStatus", "ReasonCode")).toBe("ExpiredUnused");
  });

  it("#7 Closed/AmazonClosed authorization", async () => {
    const id = await createOpenOrder(sandbox);
    const response = await authorizeSync(sandbox, id, ref(), "10.00", { SellerAuthorizationNote: sim({ State: "Closed", ReasonCode: "AmazonClosed" }) });
    expect(pick(auth(response), "AuthorizationStatus", "ReasonCode")).toBe("AmazonClosed");
  });

  it("#8 Capture Pending, completes after the configured delay", async () => {
    const { captureId, response } = await captureFor(sim({ State: "Pending" }));
    expect(response.xml).toContain("<State>Pending</State>");
    await advanceMinutes(sandbox, 1);
    const later = await callMws(sandbox, "GetCaptureDetails", { AmazonCaptureId: captureId });
    expect(later.xml).toContain("<State>Completed</State>");
  });

  it("#9 Capture Declined/AmazonRejected", async () => {
    const { response } = await captureFor(sim({ State: "Declined", ReasonCode: "AmazonRejected" }));
    expect(response.xml).toContain("<State>Declined</State><LastUpdateTimestamp>");
    expect(response.xml).toContain("<ReasonCode>AmazonRejected</ReasonCode>");
  });

  it("#10 Capture Closed/AmazonClosed is not refundable", async () => {
    const { captureId, response } = await captureFor(sim({ State: "Closed", ReasonCode: "AmazonClosed" }));
    expect(response.xml).toContain("<ReasonCode>AmazonClosed</ReasonCode>");
    const refund = await callMws(sandbox, "Refund", {
      AmazonCaptureId: captureId,
      RefundReferenceId: ref(),
      "RefundAmount.Amount": "1.00",
      "RefundAmount.CurrencyCode": "USD",
    });
    expect(refund.status).toBe(405);
    expect(errorCode(refund)).toBe("CaptureNotRefundable");
  });

  it("#11 Refund Pending → Declined/AmazonRejected", async () => {
    const { captureId } = await captureFor("plain note");
    const refund = await callMws(sandbox, "Refund", {
      AmazonCaptureId: captureId,
      RefundReferenceId: ref(),
      "RefundAmount.Amount": "1.00",
      "RefundAmount.CurrencyCode": "USD",
      SellerRefundNote: sim({ State: "Declined", ReasonCode: "AmazonRejected" }),
    });
    expect(refund.xml).toContain("<State>Pending</State>");
    const refundId = pick(dig(refund.doc, "RefundResponse", "RefundResult", "RefundDetails"), "AmazonRefundId");
    await advanceMinutes(sandbox, 1);
    const later = await callMws(sandbox, "GetRefundDetails", { AmazonRefundId: refundId });
    expect(later.xml).toContain("<State>Declined</State>");
  });

  it("invalid combinations → 400 InvalidSandboxSimulationSpecified; plain text notes are ordinary notes", async () => {
    const id = await createOpenOrder(sandbox);
    const bad = await authorizeSync(sandbox, id, ref(), "1.00", { SellerAuthorizationNote: sim({ State: "Declined", ReasonCode: "ExpiredUnused" }) });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe("InvalidSandboxSimulationSpecified");
    const spaced = await authorizeSync(sandbox, id, ref(), "1.00", {
      SellerAuthorizationNote: sim({ State: "Declined", ReasonCode: "InvalidPayment Method" }),
    });
    expect(errorCode(spaced)).toBe("InvalidSandboxSimulationSpecified");
    const range = await authorizeSync(sandbox, id, ref(), "1.00", {
      SellerAuthorizationNote: sim({ State: "Declined", ReasonCode: "InvalidPaymentMethod", PaymentMethodUpdateTimeInMins: 500 }),
    });
    expect(errorCode(range)).toBe("InvalidSandboxSimulationSpecified");
    const plain = await authorizeSync(sandbox, id, ref(), "1.00", { SellerAuthorizationNote: "SandboxSimulation is just a word here" });
    expect(plain.status).toBe(200);
  });

  it("simulation strings are ignored on the live path", async () => {
    const note = sim({ State: "Declined", ReasonCode: "Nonsense" });
    const response = await callMws(sandbox, "GetServiceStatus", { SellerAuthorizationNote: note }, { path: "/OffAmazonPayments/2013-01-01" });
    expect(response.status).toBe(200);
  });
});
