import { CAPTURED_TYPES } from "@/lib/values/transaction-types";

type Charge = { type: string; status: string; amountMinor: number };

/**
 * What an order's money is doing, from its transactions: what Amazon took, what it holds
 * uncaptured, and what was sent but not confirmed yet (a refund or capture waits for its IPN).
 */
export type OrderMoneyState = {
  capturedMinor: number;
  /** An authorization Amazon holds that nobody captured or voided yet (capture-later orders). */
  authorizedMinor: number;
  refundPendingMinor: number;
  capturePendingMinor: number;
  chargePendingMinor: number;
  /** Something waits on Amazon: the page keeps itself current until it does not. */
  isPending: boolean;
};

const sum = (charges: Charge[], test: (c: Charge) => boolean) => charges.filter(test).reduce((n, c) => n + c.amountMinor, 0);

export function readOrderMoneyState(orderStatus: string, charges: Charge[]): OrderMoneyState {
  const capturedMinor = sum(charges, (c) => c.status === "SUCCESS" && (CAPTURED_TYPES as readonly string[]).includes(c.type));
  const refundPendingMinor = sum(charges, (c) => c.status === "PENDING" && c.type === "REFUND");
  const capturePendingMinor = sum(charges, (c) => c.status === "PENDING" && c.type === "CAPTURE");
  const chargePendingMinor = sum(charges, (c) => c.status === "PENDING" && (c.type === "SALE" || c.type === "AUTHORIZE"));
  const openAuthorization =
    orderStatus === "AUTHORIZED" && capturePendingMinor === 0 ? charges.findLast((c) => c.type === "AUTHORIZE" && c.status === "SUCCESS") : undefined;
  return {
    capturedMinor,
    authorizedMinor: openAuthorization?.amountMinor ?? 0,
    refundPendingMinor,
    capturePendingMinor,
    chargePendingMinor,
    isPending: refundPendingMinor + capturePendingMinor + chargePendingMinor > 0 || orderStatus === "PENDING",
  };
}
