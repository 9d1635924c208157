/**
 * `npm run demo`: builds if needed, seeds demo users, MIDs, campaigns and history into the
 * embedded database, starts the Amazon Pay sandbox emulator as its own process (its ledger kept
 * in a state file and taught the seeded history), and serves the production build against it.
 * `--fresh` deletes the database and the emulator's state file first, so everything is seeded anew.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { resolveDatabasePath } from "@/lib/config/data-dir";
import { openDatabase, sqliteClientOf } from "@/db/client";
import { DEMO_API_USER, DEMO_ATTACKER_SELLER, DEMO_SELLERS, DEMO_SPARE_SELLER, DEMO_USERS, seedDemo } from "./demo-seed/seed-demo";
import { readEmulatorHistory } from "./demo-seed/seed-demo-ledger";
import { seedDemoIpns } from "./demo-seed/seed-demo-ipns";
import { buildIfNeeded } from "./build-if-needed";

/** Files the demo keeps beside its database: the emulator's ledger and its sellers (demo keys only). */
function sandboxFiles(dbPath: string) {
  const base = dbPath.replace(/\.db$/, "");
  return { stateFile: process.env.SANDBOX_STATE_FILE || `${base}-sandbox-state.json`, sellersFile: `${base}-sandbox-sellers.json` };
}

function startEmulator(input: { port: number; host: string; sellersFile: string; stateFile: string }): ChildProcess {
  const args = [
    "--import",
    "tsx",
    path.join("e2e", "amazon-sandbox", "main.ts"),
    "--port",
    String(input.port),
    "--host",
    input.host,
    "--sellers",
    input.sellersFile,
    "--state-file",
    input.stateFile,
  ];
  return spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
}

/** Waits until the emulator answers, and returns the certificate its IPNs are signed with. */
async function waitForEmulator(url: string, child: ChildProcess): Promise<string> {
  let exited: number | null = null;
  child.once("exit", (code) => (exited = code ?? 1));
  for (let i = 0; i < 150; i++) {
    if (exited !== null) throw new Error(`The Amazon Pay sandbox emulator exited (code ${exited}) before it was ready; see its message above.`);
    const certificate = await fetch(`${url}/_sandbox/ipn-cert.pem`).then(
      (r) => (r.ok ? r.text() : null),
      () => null,
    );
    if (certificate) return certificate;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The Amazon Pay sandbox emulator did not answer on ${url} within 30 s.`);
}

async function teachEmulatorHistory(url: string, dbPath: string): Promise<{ created: number; skipped: number }> {
  const db = openDatabase(dbPath);
  const charges = readEmulatorHistory(db);
  sqliteClientOf(db).close();
  const response = await fetch(`${url}/_sandbox/history`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ charges }),
  });
  if (!response.ok) throw new Error(`The emulator refused the demo history: ${response.status} ${await response.text()}`);
  return (await response.json()) as { created: number; skipped: number };
}

function startApp(input: { port: number; host: string; dbPath: string; sandboxUrl: string; ipnCertPem: string }): ChildProcess {
  return spawn(process.execPath, [path.join("scripts", "serve.mjs"), "-p", String(input.port), "-H", input.host], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_PATH: input.dbPath,
      AMAZON_PAY_ENDPOINT_OVERRIDE: input.sandboxUrl,
      AMAZON_LWA_ENDPOINT_OVERRIDE: input.sandboxUrl,
      AMAZON_IPN_CERT_PEM: input.ipnCertPem,
    },
  });
}

async function main() {
  const fresh = process.argv.includes("--fresh");
  const port = Number(process.env.PORT || 3000);
  const sandboxPort = Number(process.env.SANDBOX_PORT || 8484);
  const host = process.env.HOST || "127.0.0.1";
  const dbPath = resolveDatabasePath();
  const { stateFile, sellersFile } = sandboxFiles(dbPath);
  const appUrl = `http://${host}:${port}`;
  const sandboxUrl = `http://${host}:${sandboxPort}`;

  ensureAppSecrets();
  if (fresh) for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, stateFile]) fs.rmSync(file, { force: true });
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  await seedDemo(db);
  sqliteClientOf(db).close();

  buildIfNeeded();

  const sellers = [...DEMO_SELLERS, DEMO_ATTACKER_SELLER].map((seller) => ({ ...seller, ipnUrl: `${appUrl}/api/amazon/ipn` }));
  fs.writeFileSync(sellersFile, JSON.stringify(sellers, null, 2), { mode: 0o600 });
  const emulator = startEmulator({ port: sandboxPort, host, sellersFile, stateFile });
  let stopping = false;
  let app: ChildProcess | undefined;
  const stop = (code: number) => {
    stopping = true;
    app?.kill("SIGTERM");
    emulator.kill("SIGTERM");
    setTimeout(() => process.exit(code), 300).unref();
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  let ipnCertPem: string;
  try {
    ipnCertPem = await waitForEmulator(sandboxUrl, emulator);
  } catch (error) {
    emulator.kill("SIGTERM");
    throw error;
  }
  emulator.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[demo] the Amazon Pay sandbox emulator stopped (${signal ?? `code ${code}`}); stopping the demo.`);
    stop(1);
  });
  // Genuinely signed notifications through the app's own IPN pipeline, for the inbox (first start only).
  process.env.AMAZON_IPN_CERT_PEM = ipnCertPem;
  const ipnDb = openDatabase(dbPath);
  await seedDemoIpns(ipnDb, sandboxUrl);
  sqliteClientOf(ipnDb).close();
  const history = await teachEmulatorHistory(sandboxUrl, dbPath);

  // The app runs as its own process: if it dies (a crash test kills it), it is started again
  // against the same emulator, which keeps every order it knew.
  const launchApp = () => {
    app = startApp({ port, host, dbPath, sandboxUrl, ipnCertPem });
    console.log(`[demo] app process ${app.pid}, emulator process ${emulator.pid}`);
    app.on("exit", (code, signal) => {
      if (stopping) return;
      if (signal && signal !== "SIGTERM" && signal !== "SIGINT") {
        console.error(`[demo] the app stopped (${signal}); starting it again.`);
        setTimeout(launchApp, 500);
        return;
      }
      stop(code ?? 0);
    });
  };
  launchApp();

  console.log(
    `\nMID Console demo: ${appUrl}\nDatabase: ${dbPath}\nAmazon Pay sandbox emulator: ${sandboxUrl} (state: ${stateFile}; ${history.created} seeded charges added, ${history.skipped} already known)\n\nDemo logins:`,
  );
  // Passwords are not logged (not even demo ones): they are in README.md under "The two commands".
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(17)} ${user.email}`);
  console.log(
    `\nDemo API user (Import Order etc.): loginId=${DEMO_API_USER.loginId}\nSpare sandbox seller for a MID of your own: ${DEMO_SPARE_SELLER.sellerId} (keys in README.md)\nPasswords: README.md, "The two commands".\n`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
