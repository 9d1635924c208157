import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { CapExceededError, readCapRoom, recordRefundedVolume, reserveCap, settleReservation } from "./cap-ledger";

function setup(extra: Record<string, string> = {}) {
  const { db, actorFor } = createTestDb();
  const mid = createTestMid(db, actorFor("operator"), { monthly_cap: "100.00", ...extra });
  return { db, midId: mid.id };
}

describe("cap ledger", () => {
  it("reserves until the cap and refuses the amount that would pass it", () => {
    const { db, midId } = setup();
    db.transaction((tx) => reserveCap(tx, midId, "2026-11", 6000));
    db.transaction((tx) => reserveCap(tx, midId, "2026-11", 4000));
    expect(() => db.transaction((tx) => reserveCap(tx, midId, "2026-11", 1))).toThrow(CapExceededError);
    expect(readCapRoom(db, midId, "2026-11").leftMinor).toBe(0);
    // Another month is untouched.
    expect(readCapRoom(db, midId, "2026-12").leftMinor).toBe(10000);
  });

  it("releases what a declined order held and keeps what was captured", () => {
    const { db, midId } = setup();
    db.transaction((tx) => reserveCap(tx, midId, "2026-11", 6000));
    db.transaction((tx) => settleReservation(tx, midId, "2026-11", 6000, 0));
    expect(readCapRoom(db, midId, "2026-11").leftMinor).toBe(10000);
    db.transaction((tx) => reserveCap(tx, midId, "2026-11", 7000));
    db.transaction((tx) => settleReservation(tx, midId, "2026-11", 7000, 7000));
    expect(readCapRoom(db, midId, "2026-11")).toMatchObject({ usedMinor: 7000, reservedMinor: 0, leftMinor: 3000 });
  });

  it("gives room back for refunds only when the MID counts them", () => {
    const counting = setup({ cap_counts_refunds: "on" });
    counting.db.transaction((tx) => {
      reserveCap(tx, counting.midId, "2026-11", 8000);
      settleReservation(tx, counting.midId, "2026-11", 8000, 8000);
      recordRefundedVolume(tx, counting.midId, "2026-11", 3000);
    });
    expect(readCapRoom(counting.db, counting.midId, "2026-11").leftMinor).toBe(5000);
    const plain = setup();
    plain.db.transaction((tx) => {
      reserveCap(tx, plain.midId, "2026-11", 8000);
      settleReservation(tx, plain.midId, "2026-11", 8000, 8000);
      recordRefundedVolume(tx, plain.midId, "2026-11", 3000);
    });
    expect(readCapRoom(plain.db, plain.midId, "2026-11").leftMinor).toBe(2000);
  });
});
