import type { Store } from "./store";
import { changeStatus, isLiveId } from "./store";
import { parseSimulation } from "./simulation";
import { completeCapture, settleAuthorization, settleRefund } from "./lifecycle";
import { ORDER_REFERENCE_LIFETIME_MS, ORDER_REFERENCE_STALE_MS } from "./rules";

/**
 * Timers are closures and cannot be saved: after a restart they are armed again from what the
 * saved objects say, each at the instant it was originally due (or at once if that has passed).
 * Not restored: the 60-minute ExpectImmediateAuthorization window and the simulated "payment
 * method updated" reverts of Suspended objects; those objects wait for their other timers.
 */
export function restoreTimers(store: Store): void {
  const at = (instant: number, fire: () => void): void => store.clock.schedule(instant - store.clock.now(), fire);
  for (const object of store.objects.values()) {
    switch (object.kind) {
      case "OrderReference": {
        const oro = object;
        if (oro.status.state === "Draft")
          at(oro.createdAt + ORDER_REFERENCE_STALE_MS, () => oro.status.state === "Draft" && changeStatus(store, oro, "Canceled", "Stale"));
        if (oro.status.state !== "Canceled" && oro.status.state !== "Closed") {
          at(
            oro.createdAt + ORDER_REFERENCE_LIFETIME_MS,
            () => (oro.status.state === "Open" || oro.status.state === "Suspended") && changeStatus(store, oro, "Closed", "Expired"),
          );
        }
        break;
      }
      case "Authorization": {
        const auth = object;
        const oro = store.objects.get(auth.orderReferenceId);
        if (oro?.kind !== "OrderReference") break;
        if (auth.status.state === "Pending" && auth.captureIds.length === 0) {
          const ba = auth.billingAgreementId ? store.objects.get(auth.billingAgreementId) : undefined;
          at(auth.createdAt + store.timing.asyncAuthorizationMs, () => {
            if (auth.status.state === "Pending")
              settleAuthorization(
                store,
                auth,
                oro,
                parseSimulation(auth.note, "Authorization", !isLiveId(auth.id)),
                ba?.kind === "BillingAgreement" ? ba : undefined,
              );
          });
        } else if (auth.status.state === "Open") {
          at(auth.expiresAt, () => auth.status.state === "Open" && changeStatus(store, auth, "Closed", "ExpiredUnused"));
        }
        break;
      }
      case "Capture": {
        const capture = object;
        if (capture.status.state !== "Pending") break;
        const auth = store.objects.get(capture.authorizationId);
        const oro = store.objects.get(capture.orderReferenceId);
        if (auth?.kind !== "Authorization" || oro?.kind !== "OrderReference") break;
        at(
          capture.createdAt + store.timing.pendingCaptureMs,
          () => capture.status.state === "Pending" && completeCapture(store, capture, auth, oro, undefined),
        );
        break;
      }
      case "Refund": {
        const refund = object;
        if (refund.status.state !== "Pending") break;
        const capture = store.objects.get(refund.captureId);
        if (capture?.kind !== "Capture") break;
        at(
          refund.createdAt + store.timing.refundMs,
          () => refund.status.state === "Pending" && settleRefund(store, refund, capture, parseSimulation(refund.note, "Refund", !isLiveId(refund.id))),
        );
        break;
      }
      case "BillingAgreement":
        break;
    }
  }
}
