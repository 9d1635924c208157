/**
 * Several app processes (`next start` each, through scripts/serve.mjs) on one throwaway
 * PostgreSQL, with the Amazon Pay emulator in this process: the set-up every spec of the
 * PostgreSQL project runs against. Requests are spread round-robin over the processes, as a load
 * balancer would. The processes are started at the same moment on an empty database, so their
 * migrations race as they would in a deployment; the demo data is seeded only once they are up.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test as base } from "@playwright/test";
import pg from "pg";
import { closeDatabase, openDatabase, type Db } from "../../db/client";
import { DEMO_SELLERS, seedDemo } from "../../scripts/demo-seed/seed-demo";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/pg/throwaway-postgres";
import { startSandbox, type Sandbox } from "../amazon-sandbox/server";

export const APP_PROCESSES = 4;
const FIRST_PORT = Number(process.env.E2E_PORT || 3100) + 2000;
const PG_PORT = Number(process.env.E2E_PG_PORT || 55435);
const DATABASE = "mc_e2e";
const LOG_DIR = path.resolve(".test-output", "postgres-apps");

export type ScaleOut = {
  urls: string[];
  /** The app process for the n-th request (round-robin). */
  urlFor: (n: number) => string;
  databaseUrl: string;
  /** A handle on the same database, for what a test checks behind the API. */
  db: Db;
  /** Plain SQL on the same database (server counters such as deadlocks). */
  query: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>;
  sandbox: Sandbox;
  /** Kills the i-th process at once (SIGKILL), with whatever it had in flight. */
  kill: (i: number) => void;
  /** Starts the i-th process again and waits until it is healthy. */
  restart: (i: number, env?: Record<string, string>) => Promise<void>;
};

function startApp(port: number, databaseUrl: string, sandbox: Sandbox, env: Record<string, string> = {}): ChildProcess {
  // Each process's log in a file of its own, kept for a failed run to read.
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = fs.openSync(path.join(LOG_DIR, `app-${port}.log`), "a");
  const child = spawn(process.execPath, [path.resolve("scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", logFile, logFile],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AMAZON_PAY_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_LWA_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_IPN_CERT_PEM: sandbox.ipnCertificatePem,
      AMAZON_PAY_RETRY_BASE_MS: "50",
      RECONCILE_AFTER_MS: "0",
      JOBS: "off",
      ...env,
    },
  });
  fs.closeSync(logFile);
  return child;
}

/** Waits until a process answers 200 on /api/health (migrations current, database reachable). */
export async function waitUntilHealthy(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}

function killGroup(child: ChildProcess | undefined): void {
  try {
    if (child?.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export const test = base.extend<object, { scaleOut: ScaleOut }>({
  scaleOut: [
    // `provide`, not `use`: React's hook rule reads any `use(…)` as a hook.
    async ({}, provide) => {
      const cluster: ThrowawayPostgres = startThrowawayPostgres({ port: PG_PORT });
      const databaseUrl = await cluster.createDatabase(DATABASE);
      const sandbox = await startSandbox({ port: 0 });
      const urls = Array.from({ length: APP_PROCESSES }, (_, i) => `http://127.0.0.1:${FIRST_PORT + i}`);
      for (const seller of DEMO_SELLERS) sandbox.addSeller({ ...seller, ipnUrl: `${urls[0]}/api/amazon/ipn` });
      const children: Array<ChildProcess | undefined> = urls.map((_, i) => startApp(FIRST_PORT + i, databaseUrl, sandbox));
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      let db: Db | undefined;
      try {
        // All at once on the empty database: each must come up, whichever migrates.
        await Promise.all(urls.map((url) => waitUntilHealthy(url)));
        db = openDatabase({ engine: "postgres", url: databaseUrl });
        await seedDemo(db, { history: false });
        await provide({
          urls,
          urlFor: (n) => urls[n % urls.length],
          databaseUrl,
          db,
          query: async (text, values) => (await pool.query(text, values)).rows,
          sandbox,
          kill: (i) => {
            killGroup(children[i]);
            children[i] = undefined;
          },
          restart: async (i, env) => {
            killGroup(children[i]);
            children[i] = startApp(FIRST_PORT + i, databaseUrl, sandbox, env);
            await waitUntilHealthy(urls[i]);
          },
        });
      } finally {
        children.forEach(killGroup);
        if (db) await closeDatabase(db);
        await pool.end();
        await sandbox.close();
        cluster.stop();
      }
    },
    { scope: "worker", timeout: 300_000 },
  ],
});

export { expect } from "@playwright/test";
