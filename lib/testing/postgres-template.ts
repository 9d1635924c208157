/**
 * vitest global setup for the PostgreSQL run: DATABASE_URL names the template database; it is
 * made afresh and migrated once, and each test copies it (lib/testing/test-database.ts).
 */
import { closeDatabase, openDatabase, waitForDatabase } from "@/db/client";
import { selectsPostgres } from "@/db/target";
import { connectToMaintenanceDatabase } from "./test-database";

export async function setup(): Promise<void> {
  if (!selectsPostgres()) return;
  const url = new URL(process.env.DATABASE_URL as string);
  const template = url.pathname.slice(1);
  const admin = await connectToMaintenanceDatabase(url);
  try {
    // Databases a crashed earlier run left behind would only fill the disk.
    const stale = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'mc_test_%' or datname = $1", [template]);
    for (const { datname } of stale.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.query(`create database "${template}"`);
  } finally {
    await admin.end();
  }
  const db = openDatabase({ engine: "postgres", url: url.toString() });
  await waitForDatabase(db);
  await closeDatabase(db);
}
