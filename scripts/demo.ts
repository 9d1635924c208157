/**
 * `npm run demo`: builds if needed, seeds demo users and MIDs into the embedded database, and
 * starts the production server. `--fresh` starts from an empty database (used by the e2e tests).
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { resolveDatabasePath } from "@/lib/config/data-dir";
import { openDatabase } from "@/db/client";
import { DEMO_USERS, seedDemo } from "@/db/seed-demo";
import { buildIfNeeded } from "./build-if-needed";

async function main() {
  const fresh = process.argv.includes("--fresh");
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || "127.0.0.1";
  const dbPath = resolveDatabasePath();

  ensureAppSecrets();
  if (fresh) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
  const db = openDatabase(dbPath);
  await seedDemo(db);
  db.$client.close();

  buildIfNeeded();

  const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", host], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_PATH: dbPath },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));

  console.log(`\nMID Console demo: http://${host}:${port}\nDatabase: ${dbPath}\n\nDemo logins:`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(17)} ${user.email.padEnd(28)} ${user.password}`);
  console.log("");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
