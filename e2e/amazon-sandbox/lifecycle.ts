import type { Authorization, BillingAgreement, Capture, OrderReference, Refund } from "./types";
import type { Simulation } from "./simulation";
import type { Store } from "./store";
import { changeStatus } from "./store";
import { generateChildId } from "./ids";
import { overchargeAllowance } from "./money";
import { MAX_AUTHORIZATIONS_PER_ORDER, MAX_REFUNDS_PER_CAPTURE, ORDER_REFERENCE_LIFETIME_MS, ORDER_REFERENCE_STALE_MS } from "./rules";

const MINUTE_MS = 60_000;

/** Draft → Canceled/Stale after 3 h; Open/Suspended → Closed/Expired after 180 days (§6.6). */
export function scheduleOrderReferenceTimers(store: Store, oro: OrderReference): void {
  store.clock.schedule(ORDER_REFERENCE_STALE_MS, () => {
    if (oro.status.state === "Draft") changeStatus(store, oro, "Canceled", "Stale");
  });
  store.clock.schedule(ORDER_REFERENCE_LIFETIME_MS, () => {
    if (oro.status.state === "Open" || oro.status.state === "Suspended") changeStatus(store, oro, "Closed", "Expired");
  });
}

export function closeOpenAuthorizations(store: Store, oro: OrderReference, reasonCode: string): void {
  for (const id of oro.authorizationIds) {
    const auth = store.objects.get(id);
    if (auth?.kind === "Authorization" && (auth.status.state === "Open" || auth.status.state === "Pending")) {
      changeStatus(store, auth, "Closed", reasonCode);
    }
  }
}

/** Cancel is refused once money moved: a Pending, Completed or Closed capture exists (§4.5). */
export function hasUncancelableCapture(store: Store, oro: OrderReference): boolean {
  return oro.authorizationIds.some((id) => {
    const auth = store.objects.get(id);
    return (
      auth?.kind === "Authorization" &&
      auth.captureIds.some((captureId) => {
        const capture = store.objects.get(captureId);
        return capture?.kind === "Capture" && capture.status.state !== "Declined";
      })
    );
  });
}

function suspendParent(store: Store, oro: OrderReference, ba: BillingAgreement | undefined, simulation: Simulation, async: boolean): void {
  const delayMs = (simulation.paymentMethodUpdateTimeInMins ?? 0) * MINUTE_MS;
  if (ba) {
    if (ba.status.state === "Open") changeStatus(store, ba, "Suspended", "InvalidPaymentMethod");
    // Per Amazon's own sample: a Suspended BA only reverts for asynchronous authorizations.
    if (delayMs > 0 && async) {
      store.clock.schedule(delayMs, () => {
        if (ba.status.state === "Suspended") changeStatus(store, ba, "Open");
      });
    }
    return;
  }
  if (oro.status.state === "Open") changeStatus(store, oro, "Suspended", "InvalidPaymentMethod");
  if (delayMs > 0) {
    store.clock.schedule(delayMs, () => {
      if (oro.status.state === "Suspended") changeStatus(store, oro, "Open");
    });
  }
}

/** Moves a new (or Pending) authorization to its final state, with the cascades of §6.2. */
export function settleAuthorization(store: Store, auth: Authorization, oro: OrderReference, simulation: Simulation | undefined, ba?: BillingAgreement): void {
  const async = auth.transactionTimeout > 0;
  if (simulation?.state === "Declined") {
    if (simulation.reasonCode === "InvalidPaymentMethod") auth.softDecline = simulation.softDecline ?? false;
    changeStatus(store, auth, "Declined", simulation.reasonCode);
    if (ba) releaseBillingAgreementAmount(store, ba, auth);
    if (simulation.reasonCode === "InvalidPaymentMethod") suspendParent(store, oro, ba, simulation, async);
    if (simulation.reasonCode === "AmazonRejected" && !ba && oro.status.state === "Open") changeStatus(store, oro, "Closed", "AmazonClosed");
    return;
  }
  if (simulation?.state === "Closed" && simulation.reasonCode === "AmazonClosed") {
    changeStatus(store, auth, "Closed", "AmazonClosed");
    return;
  }
  changeStatus(store, auth, "Open");
  if (simulation?.reasonCode === "ExpiredUnused") {
    store.clock.schedule((simulation.expirationTimeInMins ?? 1) * MINUTE_MS, () => {
      if (auth.status.state === "Open") changeStatus(store, auth, "Closed", "ExpiredUnused");
    });
  } else {
    store.clock.schedule(auth.expiresAt - store.clock.now(), () => {
      if (auth.status.state === "Open") changeStatus(store, auth, "Closed", "ExpiredUnused");
    });
  }
  if (auth.captureNow) {
    const capture = createCapture(store, auth, oro, {
      referenceId: auth.referenceId,
      amountMinor: auth.amount.minor,
      note: undefined,
      softDescriptor: auth.softDescriptor,
      fingerprint: "",
      idSuffix: auth.id.slice(-6),
    });
    completeCapture(store, capture, auth, oro, undefined);
  }
}

function releaseBillingAgreementAmount(store: Store, ba: BillingAgreement, auth: Authorization): void {
  const key = new Date(auth.createdAt).toISOString().slice(0, 7);
  ba.authorizedByMonth[key] = Math.max(0, (ba.authorizedByMonth[key] ?? 0) - auth.amount.minor);
  void store;
}

export function createCapture(
  store: Store,
  auth: Authorization,
  oro: OrderReference,
  input: { referenceId: string; amountMinor: number; note: string | undefined; softDescriptor: string | undefined; fingerprint: string; idSuffix?: string },
): Capture {
  const capture: Capture = {
    kind: "Capture",
    id: generateChildId(oro.id, "C", input.idSuffix),
    sellerId: auth.sellerId,
    authorizationId: auth.id,
    orderReferenceId: oro.id,
    referenceId: input.referenceId,
    amount: { minor: input.amountMinor, currency: auth.amount.currency },
    refundedMinor: 0,
    note: input.note,
    softDescriptor: input.softDescriptor,
    status: { state: "Pending", lastUpdate: store.clock.now() },
    createdAt: store.clock.now(),
    refundIds: [],
    fingerprint: input.fingerprint,
  };
  store.objects.set(capture.id, capture);
  // The capture created by CaptureNow shares the authorization's reference id; only explicit captures reserve one.
  if (input.fingerprint !== "") store.referenceIds.set(`${auth.sellerId}|${input.referenceId}`, capture.id);
  auth.captureIds.push(capture.id);
  auth.capturedMinor += input.amountMinor;
  changeStatus(store, auth, "Closed", "MaxCapturesProcessed");
  return capture;
}

/** Completed capture + ORO limits: MaxAmountCharged and MaxAuthorizationsCaptured (§6.1). */
export function completeCapture(store: Store, capture: Capture, auth: Authorization, oro: OrderReference, simulation: Simulation | undefined): void {
  if (simulation?.state === "Declined") {
    auth.capturedMinor -= capture.amount.minor;
    changeStatus(store, capture, "Declined", simulation.reasonCode);
    return;
  }
  changeStatus(store, capture, "Completed");
  if (simulation?.state === "Closed") changeStatus(store, capture, "Closed", "AmazonClosed");
  if (oro.status.state !== "Open" && oro.status.state !== "Suspended") return;
  const captured = capturedOnOrder(store, oro);
  const total = oro.orderTotal?.minor ?? 0;
  if (captured.amountMinor >= total + overchargeAllowance(total, capture.amount.currency) && !oro.parentBillingAgreementId) {
    changeStatus(store, oro, "Closed", "MaxAmountCharged");
  } else if (captured.count >= MAX_AUTHORIZATIONS_PER_ORDER) {
    changeStatus(store, oro, "Closed", "MaxAuthorizationsCaptured");
  }
}

function capturedOnOrder(store: Store, oro: OrderReference): { amountMinor: number; count: number } {
  let amountMinor = 0;
  let count = 0;
  for (const id of oro.authorizationIds) {
    const auth = store.objects.get(id);
    if (auth?.kind !== "Authorization" || auth.capturedMinor === 0) continue;
    amountMinor += auth.capturedMinor;
    count += 1;
  }
  return { amountMinor, count };
}

/** Refunds are always Pending first, then Completed or Declined (§6.4); capture closes at its limits. */
export function settleRefund(store: Store, refund: Refund, capture: Capture, simulation: Simulation | undefined): void {
  if (simulation?.state === "Declined") {
    changeStatus(store, refund, "Declined", simulation.reasonCode);
    return;
  }
  capture.refundedMinor += refund.amount.minor;
  changeStatus(store, refund, "Completed");
  if (capture.status.state !== "Completed") return;
  if (capture.refundIds.length >= MAX_REFUNDS_PER_CAPTURE) changeStatus(store, capture, "Closed", "MaxRefundsProcessed");
  else if (capture.refundedMinor >= capture.amount.minor + overchargeAllowance(capture.amount.minor, capture.amount.currency)) {
    changeStatus(store, capture, "Closed", "MaxAmountRefunded");
  }
}
