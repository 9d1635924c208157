import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { engineOf, executeSql, openDatabase, type Db, sqliteClientOf } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/test-database";
import { acquireJobLease, LEASE_HOLDER } from "@/lib/jobs/job-lease";
import { JOB_SCHEDULE, leaseTtlMs } from "@/lib/jobs/start-jobs";
import { log } from "@/lib/log/logger.mjs";
import { readHealth } from "./read-health";

const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
const dirs: string[] = [];
const open: Db[] = [];

function openTempDatabase(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "health-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "app.db"));
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) if (sqliteClientOf(db).open) sqliteClientOf(db).close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("readHealth", () => {
  it("is ok on a migrated database file, and reports each job's lease and last start", async () => {
    const db = openTempDatabase();
    const started = Date.parse("2026-12-02T04:00:00.000Z");
    const [first, second] = JOB_SCHEDULE;
    await acquireJobLease(db, first.name, leaseTtlMs(first.everyMs), LEASE_HOLDER, started);
    const died = started - leaseTtlMs(second.everyMs) - 1;
    await acquireJobLease(db, second.name, leaseTtlMs(second.everyMs), "4242-deadbeef", died);

    const health = await readHealth(() => db, started + 1);
    expect(health).toMatchObject({
      status: "ok",
      failing: [],
      database: "ok",
      migrations: { applied: journal.entries.length, expected: journal.entries.length, current: true },
    });
    expect(health.jobs).toHaveLength(JOB_SCHEDULE.length);
    expect(health.jobs[0]).toEqual({
      name: first.name,
      everyMs: first.everyMs,
      lastRunAt: "2026-12-02T04:00:00.000Z",
      lease: "held",
      holder: LEASE_HOLDER,
      heldByThisProcess: true,
    });
    expect(health.jobs[1]).toMatchObject({ lastRunAt: new Date(died).toISOString(), lease: "expired", holder: "4242-deadbeef", heldByThisProcess: false });
    expect(health.jobs[2]).toMatchObject({ lastRunAt: null, lease: "free", holder: null, heldByThisProcess: false });
  });

  it("reads the migrations of the engine under test (PostgreSQL keeps drizzle's records in a schema of its own)", async () => {
    const { db } = await openTestDatabase();
    const shipped = JSON.parse(
      fs.readFileSync(engineOf(db) === "postgres" ? "db/pg/migrations/meta/_journal.json" : "db/migrations/meta/_journal.json", "utf8"),
    ) as {
      entries: unknown[];
    };
    expect(await readHealth(() => db)).toMatchObject({
      status: "ok",
      migrations: { applied: shipped.entries.length, expected: shipped.entries.length, current: true },
    });
    const table = engineOf(db) === "postgres" ? sql.raw('"drizzle"."__drizzle_migrations"') : sql.raw("__drizzle_migrations");
    await executeSql(db, sql`delete from ${table} where created_at = (select max(created_at) from ${table})`);
    expect(await readHealth(() => db)).toMatchObject({ status: "unavailable", failing: ["migrations"], migrations: { current: false } });
  });

  it("is unavailable, naming the migrations, when the database lacks one this build ships", async () => {
    const db = openTempDatabase();
    await db.run(sql`delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)`);
    expect(await readHealth(() => db)).toMatchObject({
      status: "unavailable",
      failing: ["migrations"],
      database: "ok",
      migrations: { applied: journal.entries.length - 1, expected: journal.entries.length, current: false },
    });
  });

  it("is unavailable, naming the database, when it cannot be opened or read, and logs why without saying it in the answer", async () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    try {
      const db = openTempDatabase();
      sqliteClientOf(db).close();
      const unreadable = await readHealth(() => db);
      const unopenable = await readHealth(() => openDatabase(path.join(os.tmpdir())));
      for (const health of [unreadable, unopenable]) {
        expect(health).toEqual({ status: "unavailable", failing: ["database"], database: "unreachable", migrations: null, jobs: [] });
      }
      expect(error).toHaveBeenCalledTimes(2);
      expect(error.mock.calls[0][0]).toMatchObject({ err: expect.any(Error) });
    } finally {
      error.mockRestore();
    }
  });
});
