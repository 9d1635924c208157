import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { resolveDatabasePath } from "@/lib/config/data-dir";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The handle a synchronous drizzle transaction callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

const OWNER_ONLY = 0o600;

/**
 * The database holds customers, orders and encrypted MID secrets: only its owner may read it.
 * The file is created 0600 before SQLite opens it; SQLite gives the -wal and -shm files the
 * database file's mode. Files left readable by an older version are narrowed to 0600.
 */
function restrictToOwner(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.closeSync(fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, OWNER_ONLY));
  for (const suffix of ["", "-wal", "-shm"]) {
    const target = file + suffix;
    if (fs.existsSync(target) && (fs.statSync(target).mode & 0o777) !== OWNER_ONLY) fs.chmodSync(target, OWNER_ONLY);
  }
}

/** Opens a SQLite file (or ":memory:"), sets the pragmas we rely on, and applies migrations. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") restrictToOwner(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // 64 MB of page cache instead of SQLite's 2 MB: a search that matches a few thousand rows
  // of a million-row table reads as many scattered pages, and re-reading each from the OS
  // tripled the search pages' time on the bench database (docs/PERFORMANCE.md).
  sqlite.pragma("cache_size = -65536");
  reusePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  // Table rebuilds in migrations need foreign keys off (the pragma is ignored inside their transaction).
  sqlite.pragma("foreign_keys = OFF");
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  sqlite.pragma("foreign_keys = ON");
  // Keeps the query planner's statistics current (as SQLite advises for long-lived
  // connections); the limit bounds the work on a large table to a few milliseconds.
  if (file !== ":memory:") {
    sqlite.pragma("analysis_limit = 1000");
    sqlite.pragma("optimize = 0x10002");
  }
  return db;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query again on each call; SQLite's prepare was a tenth of an order's
 * CPU. Statements are kept by SQL text and handed out again when idle, with their result mode
 * reset as a fresh statement has it. A statement still iterating (busy) is never shared: the
 * caller gets a new one, which then takes its place.
 */
function reusePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const reusable = (source: string) => {
    const statement = cache.get(source);
    if (!statement || statement.busy) return null;
    if (statement.reader) statement.raw(false).pluck(false).expand(false);
    return statement;
  };
  sqlite.prepare = ((source: string) => {
    const cached = reusable(source);
    if (cached) return cached;
    const statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(source, statement);
    return statement;
  }) as Database.Database["prepare"];
}

const globalForDb = globalThis as unknown as { midConsoleDb?: Db };

/** The process-wide database, opened (and migrated) on first use. */
export function getDb(): Db {
  globalForDb.midConsoleDb ??= openDatabase(resolveDatabasePath());
  return globalForDb.midConsoleDb;
}

/** Closes the process-wide database when the process stops (scripts/serve.mjs, the worker). */
export function closeDb(): void {
  globalForDb.midConsoleDb?.$client.close();
  globalForDb.midConsoleDb = undefined;
}
