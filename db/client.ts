import type { SQL } from "drizzle-orm";
import { resolveDatabaseTarget, type DatabaseTarget } from "./target";
import { allSqliteRows, iterateSqliteRowBatches, sqliteClientOf, openSqliteDatabase, runSqliteTransaction, type SqliteDb } from "./sqlite/open-sqlite";
import {
  allPostgresRows,
  closePostgresDatabase,
  isPostgresHandle,
  iteratePostgresRowBatches,
  openPostgresDatabase,
  readPostgresRetries,
  runPostgresTransaction,
  waitForPostgres,
  type PostgresDb,
  type RetryCounts,
} from "./pg/open-postgres";

/**
 * The database handle every domain function takes; every query on it is async. It is typed with
 * SQLite's drizzle types; on PostgreSQL it is node-postgres' drizzle handle over db/pg/schema, whose
 * query builder has the same methods (db/schema/index.ts explains why one type serves both).
 */
export type Db = SqliteDb;

/** The handle a transaction's work receives: statements on it belong to that transaction. */
export type Tx = Db;

const asPostgres = (db: Db) => db as unknown as PostgresDb;

/** Opens the database a target names (a string is a SQLite file or ":memory:"); SQLite migrates now, PostgreSQL before its first query. */
export function openDatabase(target: string | DatabaseTarget): Db {
  const resolved: DatabaseTarget = typeof target === "string" ? { engine: "sqlite", file: target } : target;
  if (resolved.engine === "postgres") return openPostgresDatabase(resolved.url) as unknown as Db;
  return openSqliteDatabase(resolved.file);
}

/** Which engine a handle runs on, for the few things that differ (db/dialect). */
export function engineOf(db: Db): "sqlite" | "postgres" {
  return isPostgresHandle(db) ? "postgres" : "sqlite";
}

/**
 * Runs `work` in one transaction. SQLite: BEGIN IMMEDIATE, one transaction at a time per process.
 * PostgreSQL: READ COMMITTED with row locks where the work takes them, run again (at most 5 times)
 * after a serialization failure or deadlock, so `work` must be safe to repeat. Given a transaction
 * handle, `work` joins that transaction in a savepoint; opening one through `db` inside a
 * transaction is refused. Never call Amazon inside.
 */
export function runTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isPostgresHandle(db)) return runPostgresTransaction(asPostgres(db), work as unknown as (tx: PostgresDb) => Promise<T>);
  return runSqliteTransaction(db, work);
}

/** A hand-written query's rows as objects keyed by column alias (counts and sums as numbers on both engines). */
export function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  if (isPostgresHandle(db)) return allPostgresRows<T>(asPostgres(db), query);
  return allSqliteRows<T>(db, query);
}

/** Runs a hand-written statement that returns no rows. */
export async function executeSql(db: Db, statement: SQL): Promise<void> {
  await selectRows(db, statement);
}

/** A built query's rows (arrays of values in select order) in batches, streamed without holding them all (CSV exports). */
export function iterateRowBatches(db: Db, query: { sql: string; params: unknown[] }, batchSize = 2000): AsyncGenerator<unknown[][]> {
  if (isPostgresHandle(db)) return iteratePostgresRowBatches(asPostgres(db), query, batchSize);
  return iterateSqliteRowBatches(db, query, batchSize);
}

/** How many PostgreSQL transactions were retried after a serialization failure or a deadlock (zeros on SQLite). */
export function readTransactionRetries(db: Db): RetryCounts {
  return isPostgresHandle(db) ? readPostgresRetries(asPostgres(db)) : { serialization: 0, deadlock: 0 };
}

/** Resolves once the database is reachable and migrated (PostgreSQL migrates on first use; SQLite already has). */
export async function waitForDatabase(db: Db): Promise<void> {
  if (isPostgresHandle(db)) await waitForPostgres(asPostgres(db));
}

const globalForDb = globalThis as unknown as { midConsoleDb?: Db };

/** The process-wide database (DATABASE_URL=postgres://… or the SQLite file), opened on first use. */
export function getDb(): Db {
  globalForDb.midConsoleDb ??= openDatabase(resolveDatabaseTarget());
  return globalForDb.midConsoleDb;
}

/** The better-sqlite3 connection under a handle: only for SQLite-specific tools (seeding, benches, tests). */
export { sqliteClientOf };

/** Closes a handle's connections (the pool on PostgreSQL, the file on SQLite). */
export async function closeDatabase(db: Db): Promise<void> {
  if (isPostgresHandle(db)) await closePostgresDatabase(asPostgres(db));
  else sqliteClientOf(db).close();
}

/** Closes the process-wide database when the process stops (scripts/serve.mjs, the worker). */
export async function closeDb(): Promise<void> {
  const db = globalForDb.midConsoleDb;
  globalForDb.midConsoleDb = undefined;
  if (db) await closeDatabase(db);
}
