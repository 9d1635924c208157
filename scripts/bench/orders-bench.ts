/**
 * Orders part of `npm run bench` (issue #4 item 11): Import Order throughput and latency of the
 * production server at concurrency 1, 16 and 64, each next to the floor (floor-server.ts) so the
 * figure says how much the app costs on top of the Amazon calls it cannot avoid.
 */
import fs from "node:fs";
import path from "node:path";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { openDatabase, sqliteClientOf } from "@/db/client";
import { DEMO_API_USER, DEMO_SELLERS } from "@/scripts/demo-seed/seed-demo";
import { startSandbox, type Sandbox } from "@/e2e/amazon-sandbox/server";
import { buildIfNeeded } from "../build-if-needed";
import { startChild, stopAllChildren, waitForHttp, type Child } from "./child-process";
import { createCheckouts, importOrderBody, seedBenchDemo } from "./checkouts";
import { runRound, type RoundResult } from "./load-generator";
import { groupCpuMs } from "./process-cpu";

// Away from the demo (3000/8484) and the e2e tests (3100/8485/3201).
const APP_PORT = 3300;
const FLOOR_PORT = 3301;
const SANDBOX_PORT = 8490;
const HOST = "127.0.0.1";
const DB_PATH = path.join(process.cwd(), "data", "bench-orders.db");
const WARM_UP_ORDERS = 20;
// Sized so the whole part stays within a few minutes on a 2-core machine.
const LEVELS = [
  { key: "c1", concurrency: 1, orders: 200 },
  { key: "c16", concurrency: 16, orders: 1000 },
  { key: "c64", concurrency: 64, orders: 1280 },
] as const;
const SELLER = DEMO_SELLERS[0];

export type OrdersLevel = { ordersPerSec: number; p50Ms: number; p99Ms: number; errors: number; floorOrdersPerSec: number; floorRatio: number };

/** A fresh bench database with the demo configuration (no history) and MID 1's cap lifted. */
async function prepareDatabase(): Promise<void> {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB_PATH + suffix, { force: true });
  const db = openDatabase(DB_PATH);
  try {
    await seedBenchDemo(db, SELLER.sellerId);
  } finally {
    sqliteClientOf(db).close();
  }
}

/** Builds fresh orders for one run: warm-up first, then the measured ones. */
async function ordersFor(sandbox: Sandbox, count: number, tag: number): Promise<{ warmUp: string[]; measured: string[] }> {
  const checkouts = await createCheckouts(sandbox.url, SELLER.sellerId, WARM_UP_ORDERS + count);
  const bodies = checkouts.map((checkout, i) => importOrderBody(checkout, DEMO_API_USER, tag + i));
  return { warmUp: bodies.slice(0, WARM_UP_ORDERS), measured: bodies.slice(WARM_UP_ORDERS) };
}

type Measured = RoundResult & { cpuMsPerOrder?: number; runnerCpuMsPerOrder: number };

async function measure(sandbox: Sandbox, server: Child, url: string, concurrency: number, count: number, tag: number): Promise<Measured> {
  // Checkouts are made before timing starts so the round measures only Import Order.
  const { warmUp, measured } = await ordersFor(sandbox, count, tag);
  await runRound(url, warmUp, concurrency);
  const cpuBefore = groupCpuMs(server.process.pid);
  const runnerBefore = process.cpuUsage();
  const result = await runRound(url, measured, concurrency);
  const runner = process.cpuUsage(runnerBefore);
  const cpuAfter = groupCpuMs(server.process.pid);
  // The server's own CPU per order: tells whether it is CPU-bound or waiting.
  const cpuMsPerOrder = cpuBefore !== undefined && cpuAfter !== undefined ? Math.round(((cpuAfter - cpuBefore) / count) * 10) / 10 : undefined;
  // This process runs the emulator and the load generator; its share competes for the same cores.
  const runnerCpuMsPerOrder = Math.round(((runner.user + runner.system) / 1000 / count) * 10) / 10;
  return { ...result, cpuMsPerOrder, runnerCpuMsPerOrder };
}

type CpuPerOrder = { app?: number; floor?: number; runnerApp: number };

function printTable(levels: Record<string, OrdersLevel>, cpu: Record<string, CpuPerOrder>): void {
  const rows = Object.entries(levels).map(([key, l]) =>
    [
      key,
      l.ordersPerSec,
      l.p50Ms,
      l.p99Ms,
      l.errors,
      l.floorOrdersPerSec,
      l.floorRatio,
      cpu[key]?.app ?? "",
      cpu[key]?.floor ?? "",
      cpu[key]?.runnerApp ?? "",
    ].map(String),
  );
  const header = [
    "level",
    "orders/s",
    "p50 ms",
    "p99 ms",
    "errors",
    "floor orders/s",
    "floor ratio",
    "app CPU ms/order",
    "floor CPU ms/order",
    "emulator+load CPU ms/order (app round)",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  console.log(["", "Import Order (app vs floor)", line(header), ...rows.map(line), ""].join("\n"));
}

export async function runOrdersBench(): Promise<Record<string, unknown>> {
  ensureAppSecrets();
  buildIfNeeded();
  await prepareDatabase();
  // In this process: the emulator shares the load generator's core budget, and answers with no added latency.
  // No ipnUrl: neither the app nor the floor receives IPNs, so both do the same work.
  const sandbox = await startSandbox({ port: SANDBOX_PORT, host: HOST, sellers: [SELLER] });
  try {
    // BENCH_APP_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the app (Node refuses that in NODE_OPTIONS).
    const appNodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const app = startChild("app (npm start)", [...appNodeArgs, path.join("scripts", "serve.mjs"), "-p", String(APP_PORT), "-H", HOST], {
      ...process.env,
      DATABASE_PATH: DB_PATH,
      AMAZON_PAY_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_LWA_ENDPOINT_OVERRIDE: sandbox.url,
      JOBS: "off",
    });
    const floor = startChild("floor server", ["--import", "tsx", path.join("scripts", "bench", "floor-server.ts")], {
      ...process.env,
      FLOOR_PORT: String(FLOOR_PORT),
      FLOOR_SANDBOX_URL: sandbox.url,
      FLOOR_SELLER: JSON.stringify({ sellerId: SELLER.sellerId, accessKey: SELLER.accessKey, secretKey: SELLER.secretKey, region: SELLER.region }),
    });
    const appUrl = `http://${HOST}:${APP_PORT}/api/order/import`;
    const floorUrl = `http://${HOST}:${FLOOR_PORT}/`;
    await Promise.all([waitForHttp(app, `http://${HOST}:${APP_PORT}/login`), waitForHttp(floor, floorUrl)]);

    const levels: Record<string, OrdersLevel> = {};
    const cpu: Record<string, CpuPerOrder> = {};
    let tag = 0;
    for (const level of LEVELS) {
      console.error(`[bench] orders ${level.key}: ${level.orders} orders at concurrency ${level.concurrency} (app, then floor)…`);
      const appResult = await measure(sandbox, app, appUrl, level.concurrency, level.orders, tag);
      tag += WARM_UP_ORDERS + level.orders;
      const floorResult = await measure(sandbox, floor, floorUrl, level.concurrency, level.orders, tag);
      tag += WARM_UP_ORDERS + level.orders;
      for (const [who, result] of [
        ["app", appResult],
        ["floor", floorResult],
      ] as const) {
        if (result.firstError) console.error(`[bench] ${who} ${level.key}: ${result.errors} errors; first: ${result.firstError}`);
      }
      cpu[level.key] = { app: appResult.cpuMsPerOrder, floor: floorResult.cpuMsPerOrder, runnerApp: appResult.runnerCpuMsPerOrder };
      levels[level.key] = {
        ordersPerSec: appResult.ordersPerSec,
        p50Ms: appResult.p50Ms,
        p99Ms: appResult.p99Ms,
        errors: appResult.errors,
        floorOrdersPerSec: floorResult.ordersPerSec,
        floorRatio: floorResult.ordersPerSec > 0 ? Math.round((appResult.ordersPerSec / floorResult.ordersPerSec) * 100) / 100 : 0,
      };
    }
    printTable(levels, cpu);
    return levels;
  } finally {
    await stopAllChildren();
    await sandbox.close();
  }
}
