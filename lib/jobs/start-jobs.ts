import type { Db } from "@/db/client";
import { reconcilePendingOrders } from "@/lib/orders/reconcile-pending-orders";
import { pollPendingRefunds } from "@/lib/orders/poll-pending-refunds";
import { reconcilePendingCaptures } from "@/lib/orders/reconcile-pending-captures";
import { acquireJobLease, releaseJobLease } from "./job-lease";
import { log } from "@/lib/log/logger.mjs";

export type Job = { name: string; everyMs: number; run: (db: Db) => Promise<unknown> };

// RECONCILE_AFTER_MS shortens the age at which a PENDING order is looked up (the crash test sets 0).
const reconcileAfterMs = process.env.RECONCILE_AFTER_MS ? Number(process.env.RECONCILE_AFTER_MS) : undefined;

const JOBS: Job[] = [
  { name: "reconcile-pending-orders", everyMs: 60_000, run: (db) => reconcilePendingOrders(db, { olderThanMs: reconcileAfterMs, limit: 500 }) },
  { name: "reconcile-pending-captures", everyMs: 60_000, run: (db) => reconcilePendingCaptures(db, { olderThanMs: reconcileAfterMs }) },
  { name: "poll-pending-refunds", everyMs: 5 * 60_000, run: (db) => pollPendingRefunds(db) },
];

/** The jobs and their intervals, for the health endpoint. */
export const JOB_SCHEDULE: ReadonlyArray<{ name: string; everyMs: number }> = JOBS.map(({ name, everyMs }) => ({ name, everyMs }));

/**
 * A lease lasts two intervals and is renewed as each run starts, so a process that died stops
 * holding its jobs within two intervals, and the lease's expiry tells when the job last started.
 */
export function leaseTtlMs(everyMs: number): number {
  return everyMs * 2;
}

/** Stops the job loop: no new runs; resolves once the runs in progress end or `deadline` passes. */
export type StopJobs = (deadline?: number) => Promise<void>;

/**
 * Runs each job now and then on its interval, only while this process holds the job's lease,
 * so several app processes (or `npm run worker`) never run the same job at once. Stopping
 * releases each lease whose run has ended, so another process takes the job over at once
 * instead of after the lease expires; a run still going at the deadline keeps its lease (it
 * expires), so no other process starts on the same rows while this one may still write them.
 */
export function startJobs(db: Db, jobs: Job[] = JOBS): StopJobs {
  let stopping = false;
  const loops = jobs.map((job) => {
    let running: Promise<void> | null = null;
    let acquiring = false;
    const tick = async () => {
      if (stopping || running || acquiring) return;
      // Taking the lease is async: a second tick must not start while the first waits for it.
      acquiring = true;
      let leased = false;
      try {
        leased = await acquireJobLease(db, job.name, leaseTtlMs(job.everyMs));
      } catch (error) {
        log.error({ job: job.name, err: error }, `job ${job.name} could not take its lease`);
      } finally {
        acquiring = false;
      }
      if (!leased || stopping) return;
      running = job.run(db).then(
        () => undefined,
        (error: unknown) => void log.error({ job: job.name, err: error }, `job ${job.name} failed`),
      );
      await running;
      running = null;
    };
    void tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return { job, timer, current: () => running };
  });
  return async (deadline = Date.now() + 10_000) => {
    stopping = true;
    await Promise.all(
      loops.map(async ({ job, timer, current }) => {
        clearInterval(timer);
        const run = current();
        const ended = run ? await endsBefore(run, deadline) : true;
        if (ended) await releaseJobLease(db, job.name);
        else log.warn({ job: job.name }, `job ${job.name} was still running at shutdown; its lease is left to expire`);
      }),
    );
  };
}

function endsBefore(run: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([run.then(() => true), late]).finally(() => clearTimeout(timer));
}
