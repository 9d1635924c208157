/**
 * `npm run demo`: builds if needed, seeds demo users, MIDs and campaigns into the embedded
 * database, starts the Amazon Pay sandbox emulator with the demo sellers, and serves the
 * production build against it. `--fresh` starts from an empty database (the e2e tests use it).
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { resolveDatabasePath } from "@/lib/config/data-dir";
import { openDatabase } from "@/db/client";
import { DEMO_API_USER, DEMO_ATTACKER_SELLER, DEMO_SELLERS, DEMO_USERS, seedDemo } from "@/db/seed-demo";
import { startSandbox } from "@/e2e/amazon-sandbox/server";
import { buildIfNeeded } from "./build-if-needed";

async function main() {
  const fresh = process.argv.includes("--fresh");
  const port = Number(process.env.PORT || 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT || 8484);
  const host = process.env.HOST || "127.0.0.1";
  const dbPath = resolveDatabasePath();

  ensureAppSecrets();
  if (fresh) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
  const db = openDatabase(dbPath);
  await seedDemo(db);
  db.$client.close();

  buildIfNeeded();

  const appUrl = `http://${host}:${port}`;
  const sandbox = await startSandbox({
    port: sandboxPort,
    host,
    sellers: [...DEMO_SELLERS, DEMO_ATTACKER_SELLER].map((seller) => ({ ...seller, ipnUrl: `${appUrl}/api/amazon/ipn` })),
  });

  const server = spawn(process.execPath, [path.join("scripts", "serve.mjs"), "-p", String(port), "-H", host], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_PATH: dbPath,
      AMAZON_PAY_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_LWA_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_IPN_CERT_PEM: sandbox.ipnCertificatePem,
    },
  });
  const stop = () => {
    server.kill("SIGTERM");
    void sandbox.close();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    void sandbox.close();
    process.exit(code ?? 0);
  });

  console.log(`\nMID Console demo: ${appUrl}\nDatabase: ${dbPath}\nAmazon Pay sandbox emulator: ${sandbox.url}\n\nDemo logins:`);
  // Passwords are not logged (not even demo ones): they are in README.md under "The two commands".
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(17)} ${user.email}`);
  console.log(`\nDemo API user (Import Order etc.): loginId=${DEMO_API_USER.loginId}\nPasswords: README.md, "The two commands".\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
