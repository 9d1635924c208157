import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { engineOf, selectRows, type Db } from "./client";

export type MigrationStatus = { applied: number; expected: number; current: boolean };

type Engine = ReturnType<typeof engineOf>;

/** Where each engine's migrations live, and the table drizzle's migrator records them in (on PostgreSQL in its own schema). */
const MIGRATIONS: Record<Engine, { folder: string[]; table: ReturnType<typeof sql.raw> }> = {
  sqlite: { folder: ["db", "migrations"], table: sql.raw("__drizzle_migrations") },
  postgres: { folder: ["db", "pg", "migrations"], table: sql.raw('"drizzle"."__drizzle_migrations"') },
};

const expectedTimes = new Map<Engine, number[]>();

/** The creation times of the migrations this build ships for an engine (drizzle-kit's journal), read once. */
function readExpectedTimes(engine: Engine): number[] {
  let times = expectedTimes.get(engine);
  if (!times) {
    // Runtime-only file: keep the bundler from tracing the project through this path.
    const journal = path.join(/*turbopackIgnore: true*/ process.cwd(), ...MIGRATIONS[engine].folder, "meta", "_journal.json");
    times = (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: Array<{ when: number }> }).entries.map((e) => e.when);
    expectedTimes.set(engine, times);
  }
  return times;
}

/**
 * How many migrations the database has against how many this build ships. drizzle's migrator
 * applies every migration newer than the last one recorded, so the database is current when its
 * newest record is at least as new as the build's newest migration.
 */
export async function readMigrationStatus(db: Db): Promise<MigrationStatus> {
  const engine = engineOf(db);
  const expected = readExpectedTimes(engine);
  const [row] = await selectRows<{ applied: number; newest: number | null }>(
    db,
    sql`select count(*) as applied, max(created_at) as newest from ${MIGRATIONS[engine].table}`,
  );
  const newestExpected = Math.max(0, ...expected);
  return { applied: Number(row.applied), expected: expected.length, current: row.newest !== null && Number(row.newest) >= newestExpected };
}
