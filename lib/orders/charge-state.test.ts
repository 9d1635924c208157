import { describe, expect, it } from "vitest";
import type { AuthorizationDetails, CaptureDetails } from "@/lib/amazon-pay";
import { captureOutcome, nextChargeStep, toOutcome, type ChargeOutcome, type ChargeType } from "./charge-state";

const ORO = "S01-1234567-7654321";

function authorization(state: string, reasonCode?: string, captureIds: string[] = []): AuthorizationDetails {
  return { amazonAuthorizationId: `${ORO}-A000001`, authorizationReferenceId: "mc-1-a1", status: { state, reasonCode }, captureIds, orderItemCategories: [] };
}

function capture(state: string): CaptureDetails {
  return { amazonCaptureId: `${ORO}-C000001`, captureReferenceId: "mc-1-a1", status: { state }, refundIds: [] };
}

const outcomes: Record<string, ChargeOutcome> = {
  "authorization Pending": toOutcome(authorization("Pending"), ORO, {}),
  "authorization Open": toOutcome(authorization("Open"), ORO, {}),
  "authorization Closed with its capture": toOutcome(authorization("Closed", "MaxCapturesProcessed", [`${ORO}-C000001`]), ORO, {}),
  "authorization Closed, nothing captured": toOutcome(authorization("Closed", "AmazonClosed"), ORO, {}),
  "authorization Declined": toOutcome(authorization("Declined", "InvalidPaymentMethod"), ORO, {}),
  "capture Completed": captureOutcome(capture("Completed")) as ChargeOutcome,
  "no answer": { kind: "unknown", message: "timeout", facts: {} },
};

describe("the charge state machine", () => {
  const cases: Array<[ChargeType, "PENDING" | "SUCCESS" | "HARD_DECLINE", string, string]> = [
    ["SALE", "PENDING", "authorization Pending", "wait"],
    ["SALE", "PENDING", "authorization Open", "wait"],
    ["SALE", "PENDING", "authorization Closed with its capture", "capture"],
    ["SALE", "PENDING", "capture Completed", "capture"],
    ["SALE", "PENDING", "authorization Closed, nothing captured", "release"],
    ["SALE", "PENDING", "authorization Declined", "release"],
    ["SALE", "PENDING", "no answer", "ignore"],
    ["SALE", "SUCCESS", "authorization Open", "annotate"],
    ["SALE", "SUCCESS", "capture Completed", "annotate"],
    ["SALE", "SUCCESS", "authorization Declined", "ignore"],
    ["SALE", "HARD_DECLINE", "capture Completed", "ignore"],
    ["AUTHORIZE", "PENDING", "authorization Open", "hold"],
    ["AUTHORIZE", "PENDING", "authorization Pending", "wait"],
    ["AUTHORIZE", "PENDING", "authorization Declined", "release"],
    ["AUTHORIZE", "SUCCESS", "authorization Closed with its capture", "annotate"],
  ];
  it.each(cases)("%s %s + %s → %s", (type, status, message, step) => {
    expect(nextChargeStep({ type, status }, outcomes[message]).kind).toBe(step);
  });

  it("a finished sale takes the state its capture reports, never the authorization's", () => {
    expect(nextChargeStep({ type: "SALE", status: "SUCCESS" }, outcomes["capture Completed"])).toEqual({
      kind: "annotate",
      captureState: { amazonState: "Completed", reasonCode: null },
    });
    expect(nextChargeStep({ type: "SALE", status: "SUCCESS" }, outcomes["authorization Closed with its capture"])).toEqual({
      kind: "annotate",
      captureState: null,
    });
    expect(nextChargeStep({ type: "AUTHORIZE", status: "SUCCESS" }, outcomes["capture Completed"])).toEqual({ kind: "annotate", captureState: null });
  });

  it("a sale completed by either message reads Completed, never the authorization's MaxCapturesProcessed", () => {
    const byAnswer = nextChargeStep({ type: "SALE", status: "PENDING" }, outcomes["authorization Closed with its capture"]);
    const byCapture = nextChargeStep({ type: "SALE", status: "PENDING" }, outcomes["capture Completed"]);
    expect(byAnswer.kind === "capture" && byAnswer.state).toEqual({ amazonState: "Completed", reasonCode: null });
    expect(byCapture.kind === "capture" && byCapture.state).toEqual({ amazonState: "Completed", reasonCode: null });
  });

  it("a CaptureNow capture names its order reference; only Completed or Closed speaks for the sale", () => {
    expect(captureOutcome(capture("Completed"))).toMatchObject({
      kind: "captured",
      source: "capture",
      amazonCaptureId: `${ORO}-C000001`,
      amazonOrderReferenceId: ORO,
      amazonAuthorizationId: null,
      amazonState: "Completed",
    });
    expect(captureOutcome(capture("Pending"))).toBeNull();
    expect(captureOutcome(capture("Declined"))).toBeNull();
  });
});
