import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "./client";

export type MigrationStatus = { applied: number; expected: number; current: boolean };

let expectedTimes: number[] | null = null;

/** The creation times of the migrations this build ships (drizzle-kit's journal), read once. */
function readExpectedTimes(): number[] {
  // Runtime-only file: keep the bundler from tracing the project through this path.
  const journal = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations", "meta", "_journal.json");
  expectedTimes ??= (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: Array<{ when: number }> }).entries.map((e) => e.when);
  return expectedTimes;
}

/**
 * How many migrations the database has against how many this build ships. drizzle's migrator
 * applies every migration newer than the last one recorded, so the database is current when its
 * newest record is at least as new as the build's newest migration.
 */
export async function readMigrationStatus(db: Db): Promise<MigrationStatus> {
  const expected = readExpectedTimes();
  const [row] = await selectRows<{ applied: number; newest: number | null }>(
    db,
    sql`select count(*) as applied, max(created_at) as newest from __drizzle_migrations`,
  );
  const newestExpected = Math.max(0, ...expected);
  return { applied: Number(row.applied), expected: expected.length, current: row.newest !== null && Number(row.newest) >= newestExpected };
}
