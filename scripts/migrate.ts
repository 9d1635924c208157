/**
 * `npm run db:migrate`: brings the database the settings select (DATABASE_URL=postgres://…, else
 * the SQLite file of DATABASE_PATH) up to this build's schema, then exits. For deployments that
 * migrate as a step of their own before starting app processes; the app also migrates on start
 * (under an advisory lock on PostgreSQL), so running both is harmless.
 */
import { closeDatabase, openDatabase, waitForDatabase } from "@/db/client";
import { readMigrationStatus } from "@/db/read-migration-status";
import { resolveDatabaseTarget } from "@/db/target";

async function main(): Promise<void> {
  const target = resolveDatabaseTarget();
  const where = target.engine === "postgres" ? `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}` : `SQLite file ${target.file}`;
  const db = openDatabase(target);
  try {
    await waitForDatabase(db);
    const status = await readMigrationStatus(db);
    console.log(`${where}: ${status.applied} migrations applied, this build ships ${status.expected}; ${status.current ? "current" : "NOT current"}.`);
    if (!status.current) process.exitCode = 1;
  } finally {
    await closeDatabase(db);
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
