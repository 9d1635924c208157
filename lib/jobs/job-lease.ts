import { randomUUID } from "node:crypto";
import { and, eq, lt, or } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { jobLeases } from "@/db/schema";

const globalForLease = globalThis as unknown as { midConsoleLeaseHolder?: string };

/**
 * This process's name on leases. Kept on globalThis: Next bundles this module into several
 * chunks (instrumentation, each route), and every copy must name the same holder.
 */
export const LEASE_HOLDER = (globalForLease.midConsoleLeaseHolder ??= `${process.pid}-${randomUUID().slice(0, 8)}`);

/**
 * Takes (or renews) the lease of a job for `ttlMs`. Only one holder at a time across processes
 * on the same database file; an expired lease can be taken over.
 */
export async function acquireJobLease(db: Db, jobName: string, ttlMs: number, holder = LEASE_HOLDER, now = Date.now()): Promise<boolean> {
  return runTransaction(db, async (tx) => {
    await tx
      .insert(jobLeases)
      .values({ jobName, holder, expiresAt: now + ttlMs })
      .onConflictDoNothing();
    const taken = await tx
      .update(jobLeases)
      .set({ holder, expiresAt: now + ttlMs })
      .where(and(eq(jobLeases.jobName, jobName), or(eq(jobLeases.holder, holder), lt(jobLeases.expiresAt, now))))
      .returning({ jobName: jobLeases.jobName });
    return taken.length > 0;
  });
}

export async function releaseJobLease(db: Db, jobName: string, holder = LEASE_HOLDER): Promise<void> {
  await db.delete(jobLeases).where(and(eq(jobLeases.jobName, jobName), eq(jobLeases.holder, holder)));
}
