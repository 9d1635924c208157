import { describe, expect, it } from "vitest";
import { readOrderMoneyState } from "./order-money-state";

const row = (type: string, status: string, amountMinor: number) => ({ type, status, amountMinor });

describe("readOrderMoneyState", () => {
  it("a sale with a refund in flight: captured, refund pending, and the page keeps itself current", () => {
    expect(readOrderMoneyState("COMPLETE", [row("SALE", "SUCCESS", 4490), row("REFUND", "PENDING", 500)])).toEqual({
      capturedMinor: 4490,
      authorizedMinor: 0,
      refundPendingMinor: 500,
      capturePendingMinor: 0,
      chargePendingMinor: 0,
      isPending: true,
    });
  });

  it("once Amazon confirms the refund nothing is pending", () => {
    expect(readOrderMoneyState("PARTIALLY_REFUNDED", [row("SALE", "SUCCESS", 4490), row("REFUND", "SUCCESS", 500)]).isPending).toBe(false);
  });

  it("an open authorization is money held, not charged; a capture in flight replaces it", () => {
    const held = readOrderMoneyState("AUTHORIZED", [row("AUTHORIZE", "SUCCESS", 4490)]);
    expect(held).toMatchObject({ capturedMinor: 0, authorizedMinor: 4490, isPending: false });
    const capturing = readOrderMoneyState("AUTHORIZED", [row("AUTHORIZE", "SUCCESS", 4490), row("CAPTURE", "PENDING", 4490)]);
    expect(capturing).toMatchObject({ capturedMinor: 0, authorizedMinor: 0, capturePendingMinor: 4490, isPending: true });
    const captured = readOrderMoneyState("COMPLETE", [row("AUTHORIZE", "SUCCESS", 4490), row("CAPTURE", "SUCCESS", 4490)]);
    expect(captured).toMatchObject({ capturedMinor: 4490, authorizedMinor: 0, isPending: false });
  });

  it("declines and voids take nothing", () => {
    expect(readOrderMoneyState("DECLINED", [row("SALE", "SOFT_DECLINE", 4490)])).toMatchObject({ capturedMinor: 0, isPending: false });
    expect(readOrderMoneyState("VOIDED", [row("AUTHORIZE", "SUCCESS", 4490), row("VOID", "SUCCESS", 4490)])).toMatchObject({
      capturedMinor: 0,
      authorizedMinor: 0,
      isPending: false,
    });
  });
});
