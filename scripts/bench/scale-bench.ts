/**
 * Scale part of `npm run bench -- scale` (issue 11 item 6): Import Order throughput and latency
 * of 1, 2 and 4 app processes on one PostgreSQL, next to 1 process on SQLite, in one run on the
 * same machine and the same emulator. Requests are spread round-robin over the processes. The
 * PostgreSQL cluster is a throwaway one with its durability settings left on (fsync, synchronous
 * commit), as a production server has them; SQLite runs as the app always does (WAL,
 * synchronous=NORMAL).
 */
import fs from "node:fs";
import path from "node:path";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { closeDatabase, openDatabase } from "@/db/client";
import type { DatabaseTarget } from "@/db/target";
import { DEMO_API_USER, DEMO_SELLERS } from "@/scripts/demo-seed/seed-demo";
import { startSandbox, type Sandbox } from "@/e2e/amazon-sandbox/server";
import { startThrowawayPostgres } from "@/scripts/pg/throwaway-postgres";
import { buildIfNeeded } from "../build-if-needed";
import { startChild, stopAllChildren, waitForHttp, type Child } from "./child-process";
import { createCheckouts, importOrderBody, seedBenchDemo } from "./checkouts";
import { runRound, type RoundResult } from "./load-generator";
import { busyPercent, groupCpuMs, machineCpuMs } from "./process-cpu";

// Away from the demo (3000/8484), the e2e tests (3100…3201, 5100…) and the orders part (3300/3301/8490).
const FIRST_APP_PORT = 3400;
const SANDBOX_PORT = 8491;
const PG_PORT = 55436;
const HOST = "127.0.0.1";
const SQLITE_PATH = path.join(process.cwd(), "data", "bench-scale.db");
const WARM_UP_ORDERS = 40;
const LEVELS = [
  { key: "c16", concurrency: 16, orders: 800 },
  { key: "c64", concurrency: 64, orders: 1280 },
] as const;
const SELLER = DEMO_SELLERS[0];

type Setup = { key: string; label: string; processes: number; target: () => Promise<DatabaseTarget> };
/**
 * cpuBusyPercent: the whole machine's CPU busy during the round (every process here shares its
 * cores); appCpuMsPerOrder: the app processes' own CPU per order, summed over them.
 */
export type ScaleLevel = Pick<RoundResult, "ordersPerSec" | "p50Ms" | "p99Ms" | "errors"> & { cpuBusyPercent?: number; appCpuMsPerOrder?: number };

function startApps(count: number, target: DatabaseTarget, sandbox: Sandbox): Child[] {
  return Array.from({ length: count }, (_, i) =>
    startChild(`app ${i + 1} (npm start)`, [path.join("scripts", "serve.mjs"), "-p", String(FIRST_APP_PORT + i), "-H", HOST], {
      ...process.env,
      ...(target.engine === "postgres" ? { DATABASE_URL: target.url } : { DATABASE_PATH: target.file, DATABASE_URL: "" }),
      AMAZON_PAY_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_LWA_ENDPOINT_OVERRIDE: sandbox.url,
      JOBS: "off",
    }),
  );
}

/**
 * One setup on an emulator of its own: every database numbers its orders from 1, and the order id
 * is part of the authorization reference, which Amazon (and the emulator) refuses to see twice.
 */
async function measureSetup(setup: Setup): Promise<Record<string, ScaleLevel>> {
  // In this process: the emulator shares the load generator's core budget, and answers with no added latency.
  const sandbox = await startSandbox({ port: SANDBOX_PORT, host: HOST, sellers: [SELLER] });
  try {
    return await measureOn(setup, sandbox);
  } finally {
    await sandbox.close();
  }
}

async function measureOn(setup: Setup, sandbox: Sandbox): Promise<Record<string, ScaleLevel>> {
  const target = await setup.target();
  // SQLite is seeded before its process starts; PostgreSQL's processes start together on the empty
  // database (one migrates, the others wait) and the data is seeded once they answer.
  if (target.engine === "sqlite") {
    const db = openDatabase(target);
    await seedBenchDemo(db, SELLER.sellerId);
    await closeDatabase(db);
  }
  const apps = startApps(setup.processes, target, sandbox);
  const urls = apps.map((_, i) => `http://${HOST}:${FIRST_APP_PORT + i}`);
  try {
    await Promise.all(apps.map((app, i) => waitForHttp(app, `${urls[i]}/api/health`)));
    if (target.engine === "postgres") {
      const db = openDatabase(target);
      await seedBenchDemo(db, SELLER.sellerId);
      await closeDatabase(db);
    }
    const levels: Record<string, ScaleLevel> = {};
    let tag = 0;
    for (const level of LEVELS) {
      console.error(`[bench] scale ${setup.key} ${level.key}: ${level.orders} orders at concurrency ${level.concurrency} over ${setup.processes} process(es)…`);
      const checkouts = await createCheckouts(sandbox.url, SELLER.sellerId, WARM_UP_ORDERS + level.orders);
      const bodies = checkouts.map((checkout, i) => importOrderBody(checkout, DEMO_API_USER, tag + i));
      tag += bodies.length;
      const importUrls = urls.map((url) => `${url}/api/order/import`);
      await runRound(importUrls, bodies.slice(0, WARM_UP_ORDERS), level.concurrency);
      const appCpu = () => apps.reduce((sum, app) => sum + (groupCpuMs(app.process.pid) ?? 0), 0);
      const cpuBefore = machineCpuMs();
      const appBefore = appCpu();
      const result = await runRound(importUrls, bodies.slice(WARM_UP_ORDERS), level.concurrency);
      const cpuBusyPercent = busyPercent(cpuBefore, machineCpuMs());
      const appCpuMsPerOrder = Math.round(((appCpu() - appBefore) / level.orders) * 10) / 10;
      if (result.firstError) console.error(`[bench] scale ${setup.key} ${level.key}: ${result.errors} errors; first: ${result.firstError}`);
      levels[level.key] = {
        ordersPerSec: result.ordersPerSec,
        p50Ms: result.p50Ms,
        p99Ms: result.p99Ms,
        errors: result.errors,
        cpuBusyPercent,
        appCpuMsPerOrder,
      };
    }
    return levels;
  } finally {
    await stopAllChildren();
  }
}

function printTable(figures: Record<string, Record<string, ScaleLevel>>, setups: Setup[]): void {
  const header = ["setup", "level", "orders/s", "p50 ms", "p99 ms", "errors", "machine CPU busy %", "app CPU ms/order"];
  const rows = setups.flatMap((setup) =>
    Object.entries(figures[setup.key] ?? {}).map(([level, l]) =>
      [setup.label, level, l.ordersPerSec, l.p50Ms, l.p99Ms, l.errors, l.cpuBusyPercent ?? "", l.appCpuMsPerOrder ?? ""].map(String),
    ),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(["", "Import Order: app processes on PostgreSQL against one on SQLite", line(header), ...rows.map(line), ""].join("\n"));
}

export async function runScaleBench(): Promise<Record<string, unknown>> {
  ensureAppSecrets();
  buildIfNeeded();
  const cluster = startThrowawayPostgres({ port: PG_PORT, durable: true });
  const createPgDatabase = async (name: string): Promise<DatabaseTarget> => ({ engine: "postgres", url: await cluster.createDatabase(name) });
  const setups: Setup[] = [
    {
      key: "sqlite1",
      label: "SQLite, 1 process",
      processes: 1,
      target: async () => {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(SQLITE_PATH + suffix, { force: true });
        return { engine: "sqlite", file: SQLITE_PATH };
      },
    },
    ...[1, 2, 4].map((n) => ({
      key: `pg${n}`,
      label: `PostgreSQL, ${n} process${n > 1 ? "es" : ""}`,
      processes: n,
      target: () => createPgDatabase(`bench_scale_${n}`),
    })),
  ];
  const figures: Record<string, Record<string, ScaleLevel>> = {};
  try {
    for (const setup of setups) figures[setup.key] = await measureSetup(setup);
    printTable(figures, setups);
    return figures;
  } finally {
    cluster.stop();
  }
}
