import { resolveDatabasePath } from "@/lib/config/data-dir";
import type { SQL } from "drizzle-orm";
import { allSqliteRows, iterateSqliteRows, sqliteClientOf, openSqliteDatabase, runSqliteTransaction, type SqliteDb } from "./sqlite/open-sqlite";

/** The database handle every domain function takes; every query on it is async. */
export type Db = SqliteDb;

/** The handle a transaction's work receives: statements on it belong to that transaction. */
export type Tx = Db;

/** Opens a SQLite file (or ":memory:") and applies migrations. */
export function openDatabase(file: string): Db {
  return openSqliteDatabase(file);
}

/**
 * Runs `work` in one transaction that holds the write lock from its start (SQLite: BEGIN IMMEDIATE,
 * one transaction at a time per process). Given a transaction handle, `work` joins that transaction
 * in a savepoint; opening one through `db` inside a transaction is refused. Never call Amazon inside.
 */
export function runTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return runSqliteTransaction(db, work);
}

/** A hand-written query's rows as objects keyed by column alias; counts and sums may come back as strings on other engines, so wrap them in Number(). */
export function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  return allSqliteRows<T>(db, query);
}

/** A built query's rows, as arrays of values in select order, streamed (for CSV exports). */
export function iterateRows(db: Db, query: { sql: string; params: unknown[] }): Promise<IterableIterator<unknown[]>> {
  return iterateSqliteRows(db, query);
}

const globalForDb = globalThis as unknown as { midConsoleDb?: Db };

/** The process-wide database, opened (and migrated) on first use. */
export function getDb(): Db {
  globalForDb.midConsoleDb ??= openDatabase(resolveDatabasePath());
  return globalForDb.midConsoleDb;
}

/** The better-sqlite3 connection under a handle: only for SQLite-specific tools (seeding, benches, tests). */
export { sqliteClientOf } from "./sqlite/open-sqlite";

/** Closes the process-wide database when the process stops (scripts/serve.mjs, the worker). */
export function closeDb(): void {
  if (globalForDb.midConsoleDb) sqliteClientOf(globalForDb.midConsoleDb).close();
  globalForDb.midConsoleDb = undefined;
}
