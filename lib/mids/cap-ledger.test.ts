import { runTransaction } from "@/db/client";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { CapExceededError, readCapRoom, recordRefundedVolume, reserveCap, settleReservation } from "./cap-ledger";

async function setup(extra: Record<string, string> = {}) {
  const { db, actorFor } = await createTestDb();
  const mid = await createTestMid(db, await actorFor("operator"), { monthly_cap: "100.00", ...extra });
  return { db, midId: mid.id };
}

describe("cap ledger", () => {
  it("reserves until the cap and refuses the amount that would pass it", async () => {
    const { db, midId } = await setup();
    await runTransaction(db, async (tx) => reserveCap(tx, midId, "2026-11", 6000));
    await runTransaction(db, async (tx) => reserveCap(tx, midId, "2026-11", 4000));
    await expect(runTransaction(db, async (tx) => reserveCap(tx, midId, "2026-11", 1))).rejects.toThrow(CapExceededError);
    expect((await readCapRoom(db, midId, "2026-11")).leftMinor).toBe(0);
    // Another month is untouched.
    expect((await readCapRoom(db, midId, "2026-12")).leftMinor).toBe(10000);
  });

  it("releases what a declined order held and keeps what was captured", async () => {
    const { db, midId } = await setup();
    await runTransaction(db, async (tx) => reserveCap(tx, midId, "2026-11", 6000));
    await runTransaction(db, async (tx) => settleReservation(tx, midId, "2026-11", 6000, 0));
    expect((await readCapRoom(db, midId, "2026-11")).leftMinor).toBe(10000);
    await runTransaction(db, async (tx) => reserveCap(tx, midId, "2026-11", 7000));
    await runTransaction(db, async (tx) => settleReservation(tx, midId, "2026-11", 7000, 7000));
    expect(await readCapRoom(db, midId, "2026-11")).toMatchObject({ usedMinor: 7000, reservedMinor: 0, leftMinor: 3000 });
  });

  it("gives room back for refunds only when the MID counts them", async () => {
    const counting = await setup({ cap_counts_refunds: "on" });
    await runTransaction(counting.db, async (tx) => {
      await reserveCap(tx, counting.midId, "2026-11", 8000);
      await settleReservation(tx, counting.midId, "2026-11", 8000, 8000);
      await recordRefundedVolume(tx, counting.midId, "2026-11", 3000);
    });
    expect((await readCapRoom(counting.db, counting.midId, "2026-11")).leftMinor).toBe(5000);
    const plain = await setup();
    await runTransaction(plain.db, async (tx) => {
      await reserveCap(tx, plain.midId, "2026-11", 8000);
      await settleReservation(tx, plain.midId, "2026-11", 8000, 8000);
      await recordRefundedVolume(tx, plain.midId, "2026-11", 3000);
    });
    expect((await readCapRoom(plain.db, plain.midId, "2026-11")).leftMinor).toBe(2000);
  });
});
