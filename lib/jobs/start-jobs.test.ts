import { describe, expect, it, vi } from "vitest";
import { jobLeases } from "@/db/schema";
import { log } from "@/lib/log/logger.mjs";
import { createTestDb } from "@/lib/testing/test-db";
import { acquireJobLease, LEASE_HOLDER } from "./job-lease";
import { startJobs, type Job } from "./start-jobs";

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe("stopping the job loop", () => {
  it("waits for the run in progress, releases the lease so another process takes the job at once, and starts nothing more", async () => {
    const { db } = await createTestDb();
    let runs = 0;
    let finish = () => {};
    const job: Job = { name: "quick", everyMs: 60_000, run: () => new Promise<void>((resolve) => ((runs += 1), (finish = resolve))) };
    const stop = startJobs(db, [job]);
    await until(() => runs === 1);
    expect(await db.select().from(jobLeases)).toEqual([{ jobName: "quick", holder: LEASE_HOLDER, expiresAt: expect.any(Number) }]);
    expect(await acquireJobLease(db, "quick", 60_000, "next-process")).toBe(false);

    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped, "stop waits for the run").toBe(false);
    finish();
    await stopping;
    expect(await db.select().from(jobLeases)).toEqual([]);
    expect(await acquireJobLease(db, "quick", 60_000, "next-process")).toBe(true);
    expect(runs).toBe(1);
  });

  it("leaves the lease of a run still going at the deadline to expire", async () => {
    const { db } = await createTestDb();
    let started = false;
    const job: Job = { name: "slow", everyMs: 60_000, run: () => new Promise<void>(() => void (started = true)) };
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    try {
      const stop = startJobs(db, [job]);
      await until(() => started);
      await stop(Date.now() + 50);
      expect(warn.mock.calls).toEqual([[{ job: "slow" }, "job slow was still running at shutdown; its lease is left to expire"]]);
    } finally {
      warn.mockRestore();
    }
    expect(await db.select().from(jobLeases)).toEqual([{ jobName: "slow", holder: LEASE_HOLDER, expiresAt: expect.any(Number) }]);
    expect(await acquireJobLease(db, "slow", 60_000, "next-process")).toBe(false);
  });
});
