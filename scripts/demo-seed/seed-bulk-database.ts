import fs from "node:fs";
import { openDatabase, sqliteClientOf } from "@/db/client";
import { selectsPostgres } from "@/db/target";
import { seedDemo } from "./seed-demo";
import { rebuildSearchIndex } from "@/lib/search/rebuild-search-index";
import { rebuildTransactionTotals } from "@/lib/transactions/rebuild-transaction-totals";
import { generateHistory } from "./generate-history";

export type BulkSeedResult = { orders: number; transactions: number; seconds: number };

/**
 * Replaces `file` with a database holding the demo users, MIDs and campaigns plus a year of
 * generated orders (about `transactions` transaction rows). Used by `npm run seed:bulk` and
 * the browse benchmark.
 *
 * SQLite only, on purpose: a million rows are written with the journal off, the indexes and
 * triggers dropped and rebuilt once (raw SQLite: sqlite_master, pragmas, rebuildTransactionTotals,
 * the FTS5 index). A PostgreSQL bench database would need its own loader (COPY, its trigger
 * functions); the demo seed (generate-history.ts) does run on PostgreSQL.
 */
export async function seedBulkDatabase(
  file: string,
  transactions: number,
  onProgress?: (ordersDone: number, ordersTotal: number) => void,
): Promise<BulkSeedResult> {
  // db/schema hands out the PostgreSQL tables under DATABASE_URL=postgres://…, which the seed's
  // queries on this SQLite file could not use: refuse before touching the file.
  if (selectsPostgres()) throw new Error("The bulk seed builds a SQLite file only: unset DATABASE_URL (it names a PostgreSQL database) and run it again.");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const started = Date.now();
  const db = openDatabase(file);
  await seedDemo(db, { history: false });
  // Bulk loading: build secondary indexes once at the end instead of row by row, and skip the
  // journal and fsyncs (a crash during seeding just means seeding again).
  const sqlite = sqliteClientOf(db);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("locking_mode = EXCLUSIVE");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('orders', 'transactions', 'order_items')`)
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  // The running-totals triggers would do two upserts per row and the search triggers an index
  // write per row; totals and the search index are rebuilt once at the end.
  const triggers = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('transactions', 'orders', 'customers')`)
    .all() as Array<{ name: string; sql: string }>;
  for (const trigger of triggers) sqlite.exec(`drop trigger "${trigger.name}"`);
  // About 6% of approved orders also get a refund row, so orders ≈ transactions / 1.05.
  const orders = Math.round(transactions / 1.05);
  const result = await generateHistory(db, { orders, days: 365, seed: 2026, batchSize: 20_000, onProgress: (done) => onProgress?.(done, orders) });
  for (const index of indexes) sqlite.exec(index.sql);
  rebuildTransactionTotals(sqlite);
  rebuildSearchIndex(sqlite);
  for (const trigger of triggers) sqlite.exec(trigger.sql);
  sqlite.pragma("optimize");
  // Back to the app's normal mode (WAL) for whoever opens the file next.
  sqlite.pragma("locking_mode = NORMAL");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return { ...result, seconds: (Date.now() - started) / 1000 };
}
