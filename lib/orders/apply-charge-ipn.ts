import type { Tx } from "@/db/client";
import type { transactions } from "@/db/schema";
import type { AuthorizationDetails, CaptureDetails } from "@/lib/amazon-pay";
import { authorizationNoticeOutcome, captureOutcome } from "./charge-state";
import { recordChargeOutcome } from "./finish-order";

type Row = typeof transactions.$inferSelect;

/** A PaymentAuthorize IPN matched to one of our charges (a sale or a capture-later authorization). */
export async function applyAuthorizationIpn(tx: Tx, charge: Row, authorization: AuthorizationDetails): Promise<string> {
  const state = `authorization ${authorization.status.state}${authorization.status.reasonCode ? `/${authorization.status.reasonCode}` : ""}`;
  if (charge.type !== "SALE" && charge.type !== "AUTHORIZE") return `${state}; row ${charge.id} is a ${charge.type}, not a charge: nothing changed`;
  return `${state}: ${await recordChargeOutcome(tx, charge.id, authorizationNoticeOutcome(authorization))}`;
}

/**
 * A PaymentCapture IPN matched to a charge that is not one of our CAPTURE rows: the capture a
 * CaptureNow sale made (it carries the sale's reference id). Completed finishes a sale still
 * PENDING; on a finished sale it records the capture's state.
 */
export async function applySaleCaptureIpn(tx: Tx, charge: Row, capture: CaptureDetails): Promise<string> {
  const state = `capture ${capture.status.state}`;
  const outcome = captureOutcome(capture);
  if (charge.type !== "SALE" || !outcome) return `${state}: nothing changed`;
  return `${state}: ${await recordChargeOutcome(tx, charge.id, outcome)}`;
}
