/**
 * `npm run seed:bulk -- --transactions 1000000 [--db data/bulk.db]`: a database with demo users,
 * MIDs and campaigns plus a year of generated orders, for measuring the browse screens.
 */
import path from "node:path";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { seedBulkDatabase } from "./demo-seed/seed-bulk-database";

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main() {
  const target = Number(argument("transactions", "1000000"));
  if (!Number.isInteger(target) || target < 1) throw new Error("--transactions must be a positive whole number");
  const file = path.resolve(argument("db", process.env.DATABASE_PATH || "data/bulk.db"));
  ensureAppSecrets();
  const result = await seedBulkDatabase(file, target, (done, total) =>
    process.stdout.write(`\r${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} orders`),
  );
  console.log(
    `\n${result.transactions.toLocaleString("en-US")} transactions in ${result.orders.toLocaleString("en-US")} orders written to ${file} in ${result.seconds.toFixed(1)} s`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
