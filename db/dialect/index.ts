/*
 * The few things the two engines do differently, in one place. Everything else the domain code
 * writes is portable SQL through drizzle (CASE rather than max()/greatest(), count() with
 * mapWith, no SQL time functions). SQLite's BEGIN IMMEDIATE already serializes every writer, so
 * the PostgreSQL row and advisory locks here are no-ops on it.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { engineOf, executeSql, type Tx } from "../client";

/** Keys of the transaction-level advisory locks we take (PostgreSQL): one number per purpose. */
export const ADVISORY_LOCKS = { firstAdmin: 0x4d494441 } as const;

/** Locks the rows a select reads until the transaction ends (PostgreSQL `FOR UPDATE`); SQLite already holds the write lock. */
export function forUpdate<Q extends object>(tx: Tx, query: Q): Q {
  if (engineOf(tx) !== "postgres") return query;
  return (query as unknown as { for(strength: "update"): Q }).for("update");
}

/** Like `forUpdate`, but skips rows another transaction has locked, so several workers each claim different rows. */
export function forUpdateSkipLocked<Q extends object>(tx: Tx, query: Q): Q {
  if (engineOf(tx) !== "postgres") return query;
  return (query as unknown as { for(strength: "update", config: { skipLocked: true }): Q }).for("update", { skipLocked: true });
}

/**
 * Serializes a piece of work across processes until the transaction ends (PostgreSQL); a no-op on
 * SQLite. The key is a number from ADVISORY_LOCKS or a name (hashed by PostgreSQL, e.g. an account).
 * Take several in one fixed order.
 */
export async function lockForTransaction(tx: Tx, key: number | string): Promise<void> {
  if (engineOf(tx) !== "postgres") return;
  await executeSql(tx, typeof key === "number" ? sql`select pg_advisory_xact_lock(${key})` : sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** True when an insert or update failed on a unique or primary key (either engine's code). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505" || e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  }
  return false;
}

/** True when `text` occurs in the column, case counting (SQLite `instr`, PostgreSQL `strpos`). */
export function containsCaseSensitive(db: Tx, column: SQLWrapper, text: string): SQL {
  return engineOf(db) === "postgres" ? sql`strpos(${column}, ${text}) > 0` : sql`instr(${column}, ${text}) > 0`;
}

/**
 * True when `text` occurs in the column, ignoring case, every character literal. Portable
 * (lower() on the column, the text lowercased here) because PostgreSQL's LIKE counts case where SQLite's does not; for
 * small tables scanned anyway (no index serves a leading %).
 */
export function containsIgnoringCase(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${column}) like ${pattern} escape '\\'`;
}
