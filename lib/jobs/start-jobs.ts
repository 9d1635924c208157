import type { Db } from "@/db/client";
import { reconcilePendingOrders } from "@/lib/orders/reconcile-pending-orders";
import { pollPendingRefunds } from "@/lib/orders/poll-pending-refunds";
import { reconcilePendingCaptures } from "@/lib/orders/reconcile-pending-captures";
import { acquireJobLease } from "./job-lease";
import { log } from "@/lib/log/logger.mjs";

type Job = { name: string; everyMs: number; run: (db: Db) => Promise<unknown> };

// RECONCILE_AFTER_MS shortens the age at which a PENDING order is looked up (the crash test sets 0).
const reconcileAfterMs = process.env.RECONCILE_AFTER_MS ? Number(process.env.RECONCILE_AFTER_MS) : undefined;

const JOBS: Job[] = [
  { name: "reconcile-pending-orders", everyMs: 60_000, run: (db) => reconcilePendingOrders(db, { olderThanMs: reconcileAfterMs, limit: 500 }) },
  { name: "reconcile-pending-captures", everyMs: 60_000, run: (db) => reconcilePendingCaptures(db, { olderThanMs: reconcileAfterMs }) },
  { name: "poll-pending-refunds", everyMs: 5 * 60_000, run: (db) => pollPendingRefunds(db) },
];

/**
 * Runs each job now and then on its interval, only while this process holds the job's lease,
 * so several app processes (or `npm run worker`) never run the same job at once.
 */
export function startJobs(db: Db): () => void {
  const timers = JOBS.map((job) => {
    let running = false;
    const tick = async () => {
      if (running || !acquireJobLease(db, job.name, job.everyMs * 2)) return;
      running = true;
      try {
        await job.run(db);
      } catch (error) {
        log.error({ job: job.name, err: error }, `job ${job.name} failed`);
      } finally {
        running = false;
      }
    };
    void tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
