import type { Db } from "@/db/client";
import { readMigrationStatus, type MigrationStatus } from "@/db/read-migration-status";
import { jobLeases } from "@/db/schema";
import { LEASE_HOLDER } from "@/lib/jobs/job-lease";
import { JOB_SCHEDULE, leaseTtlMs } from "@/lib/jobs/start-jobs";
import { log } from "@/lib/log/logger.mjs";

export type JobHealth = {
  name: string;
  everyMs: number;
  /** When the job last started in any process; null while no process holds its lease. */
  lastRunAt: string | null;
  /** held: a process runs it on its interval; expired: its holder died without releasing it (the next process to try takes it over); free: no process holds it (none runs jobs, or the last holder released it as it stopped). */
  lease: "held" | "expired" | "free";
  holder: string | null;
  heldByThisProcess: boolean;
};

export type Health = {
  status: "ok" | "unavailable";
  /** What makes this process unfit for traffic: the database cannot be read, or it lacks migrations this build needs. */
  failing: Array<"database" | "migrations">;
  database: "ok" | "unreachable";
  migrations: MigrationStatus | null;
  jobs: JobHealth[];
};

/**
 * Whether this process can serve, for load balancers: the database answers and has every
 * migration this build ships. Jobs are reported, not judged: any process may run them, so one
 * process's lease says nothing about whether it can take requests. Nothing in it is secret:
 * no paths, versions or error messages (those go to the log).
 */
export async function readHealth(openDb: () => Db, now = Date.now()): Promise<Health> {
  let db: Db;
  let migrations: MigrationStatus;
  try {
    db = openDb();
    migrations = await readMigrationStatus(db);
  } catch (error) {
    log.error({ err: error }, "health: the database cannot be read");
    return { status: "unavailable", failing: ["database"], database: "unreachable", migrations: null, jobs: [] };
  }
  const jobs = await readJobHealth(db, now);
  const failing: Health["failing"] = migrations.current ? [] : ["migrations"];
  return { status: failing.length ? "unavailable" : "ok", failing, database: "ok", migrations, jobs };
}

async function readJobHealth(db: Db, now: number): Promise<JobHealth[]> {
  const leases = new Map((await db.select().from(jobLeases)).map((lease) => [lease.jobName, lease]));
  return JOB_SCHEDULE.map(({ name, everyMs }) => {
    const lease = leases.get(name);
    return {
      name,
      everyMs,
      // A lease is taken or renewed only as a run starts, for leaseTtlMs: its expiry less that is the start.
      lastRunAt: lease ? new Date(lease.expiresAt - leaseTtlMs(everyMs)).toISOString() : null,
      lease: !lease ? "free" : lease.expiresAt > now ? "held" : "expired",
      holder: lease?.holder ?? null,
      heldByThisProcess: lease?.holder === LEASE_HOLDER,
    };
  });
}
