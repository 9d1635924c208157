import { describe, expect, it } from "vitest";
import { computeCapRoom } from "./cap-room";

const base = { capMinor: 100_000, capturedMinor: 0, refundedMinor: 0, reservedMinor: 0, countsRefunds: false, alertPercent: 80 };

describe("computeCapRoom", () => {
  it("is all room on an unused MID", () => {
    expect(computeCapRoom(base)).toEqual({ usedMinor: 0, reservedMinor: 0, leftMinor: 100_000, utilizationPercent: 0, isOverAlert: false });
  });

  it("counts reservations against the room and refunds only when the MID says so", () => {
    const used = { ...base, capturedMinor: 70_000, refundedMinor: 10_000, reservedMinor: 15_000 };
    expect(computeCapRoom(used).leftMinor).toBe(15_000);
    expect(computeCapRoom(used).isOverAlert).toBe(true);
    expect(computeCapRoom({ ...used, countsRefunds: true }).leftMinor).toBe(25_000);
    expect(computeCapRoom({ ...used, countsRefunds: true }).utilizationPercent).toBe(75);
  });

  it("never reports negative room", () => {
    expect(computeCapRoom({ ...base, capturedMinor: 120_000 }).leftMinor).toBe(0);
  });
});
