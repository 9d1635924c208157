/**
 * `npm run seed:bulk -- --transactions 1000000 [--db data/bulk.db]`: a database with demo users,
 * MIDs and campaigns plus a year of generated orders, for measuring the browse screens.
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { generateHistory } from "@/lib/seed/generate-history";

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main() {
  const target = Number(argument("transactions", "1000000"));
  if (!Number.isInteger(target) || target < 1) throw new Error("--transactions must be a positive whole number");
  const file = path.resolve(argument("db", process.env.DATABASE_PATH || "data/bulk.db"));
  ensureAppSecrets();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const started = Date.now();
  const db = openDatabase(file);
  await seedDemo(db, { history: false });
  // Bulk loading: build secondary indexes once at the end instead of row by row, and skip
  // fsyncs (a crash during seeding just means seeding again).
  const sqlite = db.$client;
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('orders', 'transactions', 'order_items')`)
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  // About 6% of approved orders also get a refund row, so orders ≈ transactions / 1.05.
  const orders = Math.round(target / 1.05);
  const result = generateHistory(db, {
    orders,
    days: 365,
    seed: 2026,
    batchSize: 20_000,
    onProgress: (done) => process.stdout.write(`\r${done.toLocaleString("en-US")} / ${orders.toLocaleString("en-US")} orders`),
  });
  process.stdout.write("\nbuilding indexes…");
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma("optimize");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  console.log(`\n${result.transactions.toLocaleString("en-US")} transactions in ${result.orders.toLocaleString("en-US")} orders written to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
