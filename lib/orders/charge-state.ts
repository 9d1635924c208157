import type { Address, AuthorizationDetails, Buyer, CaptureDetails } from "@/lib/amazon-pay";
import type { CHARGE_ATTEMPT_TYPES } from "@/lib/values/transaction-types";
import type { TRANSACTION_STATUSES } from "@/lib/values/transaction-statuses";
import { classifyAuthorizationDecline } from "@/lib/declines/map-decline";
import type { DeclineReasonCode } from "@/lib/declines/default-decline-rules";

export type BuyerFacts = { buyer?: Buyer; shippingAddress?: Address; amazonUserId?: string };

/** What one message from Amazon (Authorize's answer, an IPN, a look-up) says about a charge. */
export type ChargeOutcome =
  // Money taken: the authorization lists its capture, or the capture reports itself Completed.
  | {
      kind: "captured";
      source: "authorization" | "capture";
      amazonAuthorizationId: string | null;
      amazonCaptureId: string;
      amazonOrderReferenceId: string | null;
      amazonState: string;
      reasonCode: string | null;
      facts: BuyerFacts;
    }
  // Open and uncaptured: funds held. Final for Authorize without CaptureNow, a passing state with it.
  | { kind: "open"; authorization: AuthorizationDetails; amazonOrderReferenceId: string; facts: BuyerFacts }
  | { kind: "pending"; authorization: AuthorizationDetails; amazonOrderReferenceId: string; facts: BuyerFacts }
  | {
      kind: "declined";
      reason: DeclineReasonCode;
      authorization?: AuthorizationDetails;
      amazonOrderReferenceId?: string;
      amazonReasonCode: string;
      facts: BuyerFacts;
    }
  // Refused before any money moved (bad id, wrong state, Amazon down before Authorize).
  | { kind: "failed"; unavailable: boolean; amazonCode: string; message: string; facts: BuyerFacts }
  // Authorize may have been applied but we never heard: the reconciler must look it up.
  | { kind: "unknown"; message: string; facts: BuyerFacts };

export type ChargeType = (typeof CHARGE_ATTEMPT_TYPES)[number];
type ChargeStatus = (typeof TRANSACTION_STATUSES)[number];

type Outcome<K extends ChargeOutcome["kind"]> = Extract<ChargeOutcome, { kind: K }>;

export type ChargeStep =
  // Stays PENDING: remember where it is at Amazon, settle nothing.
  | { kind: "wait"; amazonState: "Open" | "Pending" }
  // SUCCESS, order COMPLETE: the cap reservation becomes captured volume.
  | { kind: "capture"; outcome: Outcome<"captured">; state: { amazonState: string; reasonCode: string | null } }
  // SUCCESS, order AUTHORIZED: the reservation stays until capture or void.
  | { kind: "hold"; outcome: Outcome<"open"> }
  // Declined or refused: the reservation is given back.
  | { kind: "release"; outcome: Outcome<"declined" | "failed"> }
  // Already finished: only fill in ids and buyer details it lacked, and for a sale the state its
  // capture reports (a sale's state is its capture's once the capture has spoken). Never money.
  | { kind: "annotate"; captureState: { amazonState: string; reasonCode: string | null } | null }
  | { kind: "ignore" };

/** Amazon's ids are `<order reference>-A…` and `<order reference>-C…`. */
const orderReferenceOf = (childId: string): string => childId.replace(/-[AC]\d+$/, "");

export function toOutcome(authorization: AuthorizationDetails, amazonOrderReferenceId: string, facts: BuyerFacts): ChargeOutcome {
  const state = authorization.status.state;
  if (state === "Declined") {
    return {
      kind: "declined",
      reason: classifyAuthorizationDecline(authorization.status.reasonCode, authorization.softDecline),
      authorization,
      amazonOrderReferenceId,
      amazonReasonCode: authorization.status.reasonCode ?? "Declined",
      facts,
    };
  }
  if (state === "Pending") return { kind: "pending", authorization, amazonOrderReferenceId, facts };
  const captureId = authorization.captureIds[0];
  if (captureId) {
    return {
      kind: "captured",
      source: "authorization",
      amazonAuthorizationId: authorization.amazonAuthorizationId,
      amazonCaptureId: captureId,
      amazonOrderReferenceId,
      amazonState: state,
      reasonCode: authorization.status.reasonCode ?? null,
      facts,
    };
  }
  if (state === "Open") return { kind: "open", authorization, amazonOrderReferenceId, facts };
  // Closed without a capture (AmazonClosed, ExpiredUnused, OrderReferenceCanceled): no money moved.
  const amazonReasonCode = authorization.status.reasonCode ?? "Closed";
  return {
    kind: "declined",
    reason: classifyAuthorizationDecline(amazonReasonCode, authorization.softDecline),
    authorization,
    amazonOrderReferenceId,
    amazonReasonCode,
    facts,
  };
}

/** An authorization as an IPN carries it: the order reference is named only inside its id. */
export function authorizationNoticeOutcome(authorization: AuthorizationDetails): ChargeOutcome {
  return toOutcome(authorization, orderReferenceOf(authorization.amazonAuthorizationId), {});
}

/**
 * A capture of a CaptureNow sale (it carries the sale's reference id). Only a Completed (or,
 * after refunds, Closed) capture says something on its own; a Pending or Declined one is left
 * to the authorization's messages and the reconciler.
 */
export function captureOutcome(capture: CaptureDetails): ChargeOutcome | null {
  const state = capture.status.state;
  if (state !== "Completed" && state !== "Closed") return null;
  return {
    kind: "captured",
    source: "capture",
    amazonAuthorizationId: null,
    amazonCaptureId: capture.amazonCaptureId,
    amazonOrderReferenceId: orderReferenceOf(capture.amazonCaptureId),
    amazonState: state,
    reasonCode: capture.status.reasonCode ?? null,
    facts: {},
  };
}

/**
 * A sale's state is its capture's. An authorization Closed/MaxCapturesProcessed that lists its
 * capture says that capture completed, so the sale reads "Completed" whichever message told us
 * first (a billing-agreement sale's early IPNs cannot be bound, so only its answer may tell).
 */
function capturedState(type: ChargeType, outcome: Outcome<"captured">): { amazonState: string; reasonCode: string | null } {
  if (type === "SALE" && outcome.source === "authorization" && outcome.reasonCode === "MaxCapturesProcessed")
    return { amazonState: "Completed", reasonCode: null };
  return { amazonState: outcome.amazonState, reasonCode: outcome.reasonCode };
}

/**
 * The charge state machine: what one message does to a charge, given its type and where it
 * stands. Messages arrive in any order (the IPN for a CaptureNow authorization's passing Open
 * state can beat Authorize's own answer), so a sale is finished only by news of its capture,
 * and a finished charge only gains what it lacked: every order of the same messages ends the same.
 */
export function nextChargeStep(charge: { type: ChargeType; status: ChargeStatus }, outcome: ChargeOutcome): ChargeStep {
  if (charge.status === "SUCCESS") {
    if (outcome.kind === "captured") {
      const fromCapture = charge.type === "SALE" && outcome.source === "capture";
      return { kind: "annotate", captureState: fromCapture ? { amazonState: outcome.amazonState, reasonCode: outcome.reasonCode } : null };
    }
    return outcome.kind === "open" || outcome.kind === "pending" ? { kind: "annotate", captureState: null } : { kind: "ignore" };
  }
  if (charge.status !== "PENDING") return { kind: "ignore" };
  switch (outcome.kind) {
    case "captured":
      return { kind: "capture", outcome, state: capturedState(charge.type, outcome) };
    case "open":
      return charge.type === "SALE" ? { kind: "wait", amazonState: "Open" } : { kind: "hold", outcome };
    case "pending":
      return { kind: "wait", amazonState: "Pending" };
    case "declined":
    case "failed":
      return { kind: "release", outcome };
    case "unknown":
      return { kind: "ignore" };
  }
}
