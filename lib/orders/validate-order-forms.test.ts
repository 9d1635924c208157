import { describe, expect, it } from "vitest";
import { validateReason, validateRefundFields } from "./validate-order-forms";

const limits = { refundableMinor: 3740, currency: "USD", external: false };

describe("refund form checks before the review step", () => {
  it("asks for an amount when none is typed, naming the most that can be refunded", () => {
    expect(validateRefundFields({ amount: " ", reason: "Damaged" }, limits)).toEqual({ amount: "Enter the amount to refund, up to $37.40." });
  });

  it("refuses malformed, zero and too-large amounts with the server's words", () => {
    expect(validateRefundFields({ amount: "5.999", reason: "x" }, limits).amount).toBe("Enter an amount in USD, e.g. 10.00.");
    expect(validateRefundFields({ amount: "0", reason: "x" }, limits).amount).toBe("Enter an amount greater than 0.");
    expect(validateRefundFields({ amount: "37.41", reason: "x" }, limits).amount).toBe("At most $37.40 can still be refunded on this order.");
    expect(validateRefundFields({ amount: "1000", reason: "x" }, { ...limits, currency: "JPY", refundableMinor: 500 }).amount).toBe(
      "At most ¥500 can still be refunded on this order.",
    );
  });

  it("accepts the full amount and a reason", () => {
    expect(validateRefundFields({ amount: "37.40", reason: "Returned" }, limits)).toEqual({});
  });

  it("requires a reason under 255 characters", () => {
    expect(validateRefundFields({ amount: "1.00", reason: "" }, limits).reason).toBe("A reason is required for every refund.");
    expect(validateReason("x".repeat(256), "A reason is required.")).toBe("Keep the reason under 255 characters.");
  });
});
