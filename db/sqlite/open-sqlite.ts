import fs from "node:fs";
import path from "node:path";
import { AsyncLocalStorage } from "node:async_hooks";
import Database from "better-sqlite3";
import { drizzle as drizzleSync } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzleProxy, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { SQL } from "drizzle-orm";
import * as schema from "./schema";

/** The async drizzle handle every domain function takes. */
export type SqliteDb = SqliteRemoteDatabase<typeof schema>;

const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");
const OWNER_ONLY = 0o600;
const STATEMENT_CACHE_SIZE = 500;

type Method = "run" | "all" | "values" | "get";

/** One open transaction: `active` turns false at commit or rollback, so a statement that outlives it is refused. */
type TransactionScope = { connection: SqliteConnection; active: boolean };

// Next bundles this module more than once (instrumentation, each route): the open transaction and
// the handle → connection link must be shared by every copy, so they live under global symbols.
const TRANSACTION_STORE = Symbol.for("mid-console.sqlite.current-transaction");
const CONNECTION = Symbol.for("mid-console.sqlite.connection");
const globalStore = globalThis as unknown as { [TRANSACTION_STORE]?: AsyncLocalStorage<TransactionScope> };
const currentTransaction = (globalStore[TRANSACTION_STORE] ??= new AsyncLocalStorage<TransactionScope>());

/**
 * One better-sqlite3 connection behind async drizzle handles. SQLite has one connection per process
 * here, so an open transaction would otherwise swallow every statement another request runs while
 * the transaction awaits: statements outside a transaction wait while one is open, and transactions
 * take turns (a promise queue). The transaction handle runs its statements at once, and only inside
 * its own transaction. `BEGIN IMMEDIATE` takes SQLite's write lock at the start, so transactions of
 * several processes on one file serialize as before (busy_timeout waits for the other process).
 */
class SqliteConnection {
  readonly root: SqliteDb;
  readonly transactionHandle: SqliteDb;
  private queue: Promise<void> = Promise.resolve();
  private open: TransactionScope | null = null;
  private savepoints = 0;

  constructor(readonly client: Database.Database) {
    this.root = drizzleProxy((sql, params, method) => this.runOutside(sql, params, method), { schema });
    this.transactionHandle = drizzleProxy((sql, params, method) => this.runInside(sql, params, method), { schema });
  }

  private async runOutside(sql: string, params: unknown[], method: Method) {
    await this.enterOutside();
    return this.execute(sql, params, method);
  }

  private async runInside(sql: string, params: unknown[], method: Method) {
    this.enterInside();
    return this.execute(sql, params, method);
  }

  /** Waits until no transaction is open; refuses the database handle inside a transaction. */
  async enterOutside(): Promise<void> {
    const scope = currentTransaction.getStore();
    if (scope?.active && scope.connection === this) {
      throw new Error("A statement went through the database handle inside a transaction: pass the transaction handle (tx) instead.");
    }
    await this.waitForNoTransaction();
  }

  private enterInside(): void {
    const scope = currentTransaction.getStore();
    if (!scope?.active || scope.connection !== this) throw new Error("The transaction handle was used outside its transaction.");
  }

  /** Rows of a hand-written query as objects keyed by column name, through either handle. */
  async queryObjects(handle: SqliteDb, sql: string, params: unknown[]): Promise<unknown[]> {
    if (handle === this.transactionHandle) this.enterInside();
    else await this.enterOutside();
    const statement = this.client.prepare(sql);
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.all(...params);
  }

  async waitForNoTransaction(): Promise<void> {
    while (this.open) await this.queue;
  }

  // drizzle's proxy contract: `get` answers one row (an array of values), the others an array of rows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private execute(sql: string, params: unknown[], method: Method): { rows: any } {
    const statement = this.client.prepare(sql);
    if (method === "run" || !statement.reader) {
      statement.run(...params);
      return { rows: [] };
    }
    statement.raw(true);
    if (method === "get") return { rows: statement.get(...params) };
    return { rows: statement.all(...params) };
  }

  async transaction<T>(handle: SqliteDb, work: (tx: SqliteDb) => Promise<T>): Promise<T> {
    const scope = currentTransaction.getStore();
    if (scope?.active && scope.connection === this) {
      // On PostgreSQL a transaction opened through the pool inside another is a second, independent
      // one; refusing it here keeps SQLite from hiding that bug.
      if (handle !== this.transactionHandle)
        throw new Error("A transaction was opened through the database handle inside a transaction: pass the transaction handle (tx) instead.");
      return this.savepoint(work);
    }
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const opened: TransactionScope = { connection: this, active: true };
    this.open = opened;
    try {
      this.client.exec("BEGIN IMMEDIATE");
      try {
        const result = await currentTransaction.run(opened, () => work(this.transactionHandle));
        this.client.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.client.inTransaction) this.client.exec("ROLLBACK");
        throw error;
      }
    } finally {
      opened.active = false;
      this.open = null;
      release();
    }
  }

  /** Work that joins the open transaction gets a savepoint, so its failure undoes only its own writes. */
  private async savepoint<T>(work: (tx: SqliteDb) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    this.client.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work(this.transactionHandle);
      this.client.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.client.exec(`ROLLBACK TO ${name}`);
      this.client.exec(`RELEASE ${name}`);
      throw error;
    } finally {
      this.savepoints--;
    }
  }
}

function connectionOf(db: SqliteDb): SqliteConnection {
  const connection = (db as unknown as { [CONNECTION]?: SqliteConnection })[CONNECTION];
  if (!connection) throw new Error("Not a database handle opened by openSqliteDatabase.");
  return connection;
}

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

/** Opens a SQLite file (or ":memory:"), sets the pragmas we rely on, and applies migrations. */
export function openSqliteDatabase(file: string): SqliteDb {
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
  // Table rebuilds in migrations need foreign keys off (the pragma is ignored inside their transaction).
  sqlite.pragma("foreign_keys = OFF");
  migrate(drizzleSync(sqlite), { migrationsFolder: MIGRATIONS_DIR });
  sqlite.pragma("foreign_keys = ON");
  // Keeps the query planner's statistics current (as SQLite advises for long-lived
  // connections); the limit bounds the work on a large table to a few milliseconds.
  if (file !== ":memory:") {
    sqlite.pragma("analysis_limit = 1000");
    sqlite.pragma("optimize = 0x10002");
  }
  const connection = new SqliteConnection(sqlite);
  for (const handle of [connection.root, connection.transactionHandle]) {
    Object.defineProperty(handle, CONNECTION, { value: connection, enumerable: false });
  }
  return connection.root;
}

/** Runs `work` in one transaction (a savepoint when called with a transaction handle or inside one). */
export function runSqliteTransaction<T>(db: SqliteDb, work: (tx: SqliteDb) => Promise<T>): Promise<T> {
  return connectionOf(db).transaction(db, work);
}

/** The better-sqlite3 connection under a handle, for SQLite-only tools (bulk seeding, backups, tests). */
export function sqliteClientOf(db: SqliteDb): Database.Database {
  return connectionOf(db).client;
}

/**
 * Streams a built query's rows (arrays of values) in batches, without reading them all into memory
 * (CSV exports of a million rows). Waits like any statement while a transaction is open.
 */
export async function* iterateSqliteRowBatches(db: SqliteDb, query: { sql: string; params: unknown[] }, batchSize: number): AsyncGenerator<unknown[][]> {
  const connection = connectionOf(db);
  await connection.enterOutside();
  const rows = connection.client
    .prepare(query.sql)
    .raw(true)
    .iterate(...query.params) as IterableIterator<unknown[]>;
  try {
    let batch: unknown[][] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    rows.return?.(); // stopped early: frees the statement for other queries
  }
}

const dialect = new SQLiteAsyncDialect();

/** A hand-written query's rows as objects keyed by column name (drizzle's `db.all` gives arrays on this driver). */
export async function allSqliteRows<T>(db: SqliteDb, query: SQL): Promise<T[]> {
  const built = dialect.sqlToQuery(query);
  return (await connectionOf(db).queryObjects(db, built.sql, built.params)) as T[];
}
