import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDatabase, closeDb, openDatabase, waitForDatabase, type Db } from "@/db/client";
import { selectsPostgres, type DatabaseTarget } from "@/db/target";

/*
 * A database of its own for one test. SQLite: a file in a temp folder (or memory). PostgreSQL
 * (the suite's second run, DATABASE_URL naming the migrated template that the global setup made):
 * a new database copied from that template, ~80 ms, dropped when the test file ends.
 */

type Opened = { db: Db; name: string | null };
const opened: Opened[] = [];
let counter = 0;
let admin: pg.Client | null = null;

function templateUrl(): URL {
  return new URL(process.env.DATABASE_URL as string);
}

/** A connection to the cluster's maintenance database beside `url`'s, where databases are created and dropped. */
export async function connectToMaintenanceDatabase(url: URL): Promise<pg.Client> {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  return client;
}

async function adminClient(): Promise<pg.Client> {
  admin ??= await connectToMaintenanceDatabase(templateUrl());
  return admin;
}

async function createFromTemplate(): Promise<{ name: string; url: string }> {
  const template = templateUrl();
  const name = `mc_test_${process.pid}_${++counter}`;
  await (await adminClient()).query(`create database "${name}" template "${template.pathname.slice(1)}"`);
  template.pathname = `/${name}`;
  return { name, url: template.toString() };
}

/** A fresh, migrated database on the engine under test; `file` asks SQLite for a file rather than memory (for other processes to open). */
export async function openTestDatabase(options: { file?: boolean } = {}): Promise<{ db: Db; target: DatabaseTarget; env: Record<string, string> }> {
  if (selectsPostgres()) {
    const { name, url } = await createFromTemplate();
    const db = openDatabase({ engine: "postgres", url });
    await waitForDatabase(db);
    opened.push({ db, name });
    return { db, target: { engine: "postgres", url }, env: { DATABASE_URL: url } };
  }
  const file = options.file ? path.join(mkdtempSync(path.join(tmpdir(), "mc-test-")), "test.db") : ":memory:";
  const db = openDatabase(file);
  opened.push({ db, name: null });
  return { db, target: { engine: "sqlite", file }, env: { DATABASE_PATH: file } };
}

/** Closes every database this test file opened and drops the PostgreSQL ones (vitest's afterAll, lib/testing/vitest-setup.ts). */
export async function closeTestDatabases(): Promise<void> {
  await closeDb(); // route handlers under test open the process-wide handle on the test's database
  for (const { db, name } of opened.splice(0)) {
    await closeDatabase(db).catch(() => {});
    if (name) await (await adminClient()).query(`drop database if exists "${name}" with (force)`);
  }
  await admin?.end().catch(() => {});
  admin = null;
}
