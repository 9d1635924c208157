import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { acquireJobLease, releaseJobLease } from "./job-lease";

describe("job leases", () => {
  it("lets one holder run a job until its lease expires or is released", async () => {
    const { db } = await createTestDb();
    expect(await acquireJobLease(db, "reconcile", 60_000, "a", 1_000)).toBe(true);
    expect(await acquireJobLease(db, "reconcile", 60_000, "b", 2_000)).toBe(false);
    expect(await acquireJobLease(db, "reconcile", 60_000, "a", 3_000)).toBe(true);
    expect(await acquireJobLease(db, "reconcile", 60_000, "b", 70_000)).toBe(true);
    expect(await acquireJobLease(db, "reconcile", 60_000, "a", 71_000)).toBe(false);
    await releaseJobLease(db, "reconcile", "b");
    expect(await acquireJobLease(db, "reconcile", 60_000, "a", 72_000)).toBe(true);
  });
});
