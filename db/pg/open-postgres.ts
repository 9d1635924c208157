import path from "node:path";
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { PgTransaction } from "drizzle-orm/pg-core";
import { is, type SQL } from "drizzle-orm";
import * as schema from "./schema";

export type PostgresDb = NodePgDatabase<typeof schema>;

const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "pg", "migrations");
/** The advisory-lock key every process takes before migrating or creating the first admin ("MIDC"). */
export const BOOT_LOCK_KEY = 0x4d494443;
/** Attempts of a transaction that failed on a serialization failure or a deadlock, the first included. */
const MAX_ATTEMPTS = 5;
const RETRYABLE = new Set(["40001", "40P01"]);

// Counts, sums and epoch-ms columns are int8/numeric, which node-postgres hands over as strings
// so as not to lose precision past 2^53. Ours are minor units and milliseconds, far below it, and
// the domain code treats them as numbers on SQLite: parse them once here for every query.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

type Scope = { connection: PostgresConnection };
const SCOPE = Symbol.for("mid-console.postgres.current-transaction");
const CONNECTION = Symbol.for("mid-console.postgres.connection");
const globalStore = globalThis as unknown as { [SCOPE]?: AsyncLocalStorage<Scope> };
const currentTransaction = (globalStore[SCOPE] ??= new AsyncLocalStorage<Scope>());

export type RetryCounts = { serialization: number; deadlock: number };

/**
 * A pool whose first connection waits until the schema is current. The handle is returned at once
 * (getDb is synchronous everywhere), and whichever query comes first starts the migration; a failed
 * migration (database down) is tried again by the next query rather than remembered forever.
 */
class MigratedPool extends pg.Pool {
  private ready: Promise<void> | null = null;

  constructor(
    config: pg.PoolConfig,
    private readonly prepare: () => Promise<void>,
  ) {
    super(config);
  }

  whenReady(): Promise<void> {
    this.ready ??= this.prepare().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  // pg's own query() borrows a client through connect(callback), so gating connect gates both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override connect(callback?: any): any {
    if (!callback) return this.whenReady().then(() => super.connect());
    this.whenReady().then(() => super.connect(callback), callback);
  }
}

class PostgresConnection {
  readonly pool: MigratedPool;
  readonly root: PostgresDb;
  readonly retries: RetryCounts = { serialization: 0, deadlock: 0 };

  constructor(readonly url: string) {
    this.pool = new MigratedPool(
      {
        connectionString: url,
        max: Number(process.env.DATABASE_POOL_SIZE) || 10,
        // Nothing we run takes long: a statement or lock wait past these is a fault to report, not to wait out.
        statement_timeout: 30_000,
        lock_timeout: 10_000,
        idle_in_transaction_session_timeout: 60_000,
        connectionTimeoutMillis: 10_000,
        idleTimeoutMillis: Number(process.env.DATABASE_IDLE_MS) || 30_000,
        allowExitOnIdle: true,
      },
      () => migrateUnderLock(url),
    );
    // An idle client that loses its server (restart, failover) emits here; without a listener the process would exit.
    this.pool.on("error", () => {});
    this.root = drizzle(this.pool, { schema });
  }

  async transaction<T>(handle: PostgresDb, work: (tx: PostgresDb) => Promise<T>): Promise<T> {
    const scope = currentTransaction.getStore();
    if (scope?.connection === this) {
      // A transaction opened through the pool inside another would be a second, independent one.
      if (!isTransactionHandle(handle))
        throw new Error("A transaction was opened through the database handle inside a transaction: pass the transaction handle (tx) instead.");
      return (handle as unknown as PostgresDb).transaction((tx) => work(tx as unknown as PostgresDb));
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.root.transaction((tx) => currentTransaction.run({ connection: this }, () => work(tx as unknown as PostgresDb)));
      } catch (error) {
        const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
        if (code === "40P01") this.retries.deadlock++;
        else this.retries.serialization++;
        // The work never calls Amazon (callers reserve, call, then finish), so running it again is safe.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }
}

/**
 * Applies db/pg/migrations while holding a session advisory lock on a connection of its own, so
 * any number of processes may start at once: the first migrates, the others wait and find nothing
 * left to do. (drizzle's migrator alone lets concurrent starters apply the same migration twice.)
 */
async function migrateUnderLock(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [BOOT_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.end().catch(() => {});
  }
}

function connectionOf(db: PostgresDb): PostgresConnection {
  const scope = currentTransaction.getStore();
  const connection = (db as unknown as { [CONNECTION]?: PostgresConnection })[CONNECTION] ?? scope?.connection;
  if (!connection) throw new Error("Not a database handle opened by openPostgresDatabase.");
  return connection;
}

/** Opens a pool on `url`; the schema is migrated before the first query runs. */
export function openPostgresDatabase(url: string): PostgresDb {
  const connection = new PostgresConnection(url);
  Object.defineProperty(connection.root, CONNECTION, { value: connection, enumerable: false });
  return connection.root;
}

/** Resolves once the schema is current (or rejects with why the database cannot be reached). */
export function waitForPostgres(db: PostgresDb): Promise<void> {
  return connectionOf(db).pool.whenReady();
}

/** Runs `work` in one READ COMMITTED transaction, retried on serialization failures and deadlocks; a savepoint when joined with `tx`. */
export function runPostgresTransaction<T>(db: PostgresDb, work: (tx: PostgresDb) => Promise<T>): Promise<T> {
  return connectionOf(db).transaction(db, work);
}

/** How many transactions were run again after a serialization failure or a deadlock, since the pool opened. */
export function readPostgresRetries(db: PostgresDb): RetryCounts {
  return { ...connectionOf(db).retries };
}

/** A hand-written query's rows as objects keyed by column alias. */
export async function allPostgresRows<T>(db: PostgresDb, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/**
 * Streams a built query's rows (arrays of values) through a server-side cursor, one batch per
 * FETCH, so a CSV export of a million rows never holds them all (the cursor lives in its own
 * read-only transaction on a connection of its own).
 */
export async function* iteratePostgresRowBatches(db: PostgresDb, query: { sql: string; params: unknown[] }, batchSize: number): AsyncGenerator<unknown[][]> {
  const client = await connectionOf(db).pool.connect();
  let open = false;
  let failed = false;
  try {
    await client.query("begin read only");
    open = true;
    await client.query({ text: `declare mc_rows no scroll cursor for ${query.sql}`, values: query.params });
    for (;;) {
      const batch = await client.query({ text: `fetch ${batchSize} from mc_rows`, rowMode: "array" });
      if (batch.rows.length > 0) yield batch.rows as unknown[][];
      if (batch.rows.length < batchSize) break;
    }
    await client.query("commit");
    open = false;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A consumer that stops early (client went away) leaves the transaction open: end it before reuse.
    if (open && !failed) await client.query("rollback").catch(() => {});
    client.release(failed);
  }
}

/** Closes the pool: waits for queries in flight, then ends every connection. */
export async function closePostgresDatabase(db: PostgresDb): Promise<void> {
  await connectionOf(db).pool.end();
}

/**
 * A drizzle transaction handle, by drizzle's entity kind rather than `instanceof`: Next bundles
 * drizzle into each server chunk, so a handle opened in one chunk is an instance of another
 * chunk's class. (With instanceof, transactions run from a route were taken for SQLite's and took
 * none of their row locks: the 4-process test saw captured volume counted twice.)
 */
function isTransactionHandle(db: unknown): boolean {
  return typeof db === "object" && db !== null && is(db, PgTransaction);
}

/** True when `db` is a PostgreSQL handle (root or transaction). */
export function isPostgresHandle(db: unknown): boolean {
  return isTransactionHandle(db) || Boolean((db as { [CONNECTION]?: unknown } | null)?.[CONNECTION]);
}
