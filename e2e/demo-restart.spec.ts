import { sqliteClientOf } from "@/db/client";
import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { DEMO_API_USER, DEMO_SELLERS } from "../scripts/demo-seed/seed-demo";

// A second demo beside the suite's, offset from the suite's ports so parallel runs never collide.
const PORT = Number(process.env.E2E_PORT || 3100) + 2000;
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT || 8485) + 2000;
const BASE = `http://127.0.0.1:${PORT}`;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const DB_FILE = path.resolve("data/demo-restart-test.db");

type Demo = { process: ChildProcess; output: () => string };

function startDemo(fresh: boolean): Demo {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts", ...(fresh ? ["--fresh"] : [])], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(PORT), SANDBOX_PORT: String(SANDBOX_PORT), DATABASE_PATH: DB_FILE, JOBS: "inline" },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

async function waitFor(url: string, demo: Demo): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer; demo output:\n${demo.output()}`);
}

function killGroup(demo: Demo): void {
  try {
    process.kill(-(demo.process.pid as number), "SIGKILL");
  } catch {
    // already gone
  }
}

async function api(route: string, fields: Record<string, string>) {
  const response = await fetch(`${BASE}${route}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password, ...fields }),
  });
  return (await response.json()) as { result: string; code?: string; message: Record<string, unknown> | string };
}

function refundStatus(orderId: number): string | undefined {
  const db = openDatabase(DB_FILE);
  const row = sqliteClientOf(db).prepare(`select status from transactions where order_id = ? and type = 'REFUND' order by id desc limit 1`).get(orderId) as
    { status: string } | undefined;
  sqliteClientOf(db).close();
  return row?.status;
}

test("the demo's emulator keeps its ledger: after the app alone, then app and emulator together, are killed, an order placed before and a seeded history order both refund", async () => {
  test.setTimeout(180_000);
  let demo = startDemo(true);
  try {
    await waitFor(`${BASE}/login`, demo);
    const checkout = (await (
      await fetch(`${SANDBOX}/_sandbox/checkouts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sellerId: DEMO_SELLERS[0].sellerId, type: "OrderReference" }),
      })
    ).json()) as { amazonOrderReferenceId: string; accessToken: string };
    const placed = await api("/api/order/import", {
      campaignId: "1",
      product1_id: "1",
      amazonBillerId: "1",
      amazonOrderId: checkout.amazonOrderReferenceId,
      amazonAddressConsent: checkout.accessToken,
    });
    expect(placed).toMatchObject({ result: "SUCCESS", message: { orderStatus: "COMPLETE" } });
    const orderId = (placed.message as { orderId: number }).orderId;

    // 1. The app alone dies: the demo starts it again against the same, still running emulator.
    const appPid = Number(/\[demo\] app process (\d+)/.exec(demo.output())?.[1]);
    process.kill(appPid, "SIGKILL");
    await expect.poll(() => (demo.output().match(/\[demo\] app process \d+/g) ?? []).length, { timeout: 20_000 }).toBe(2);
    await waitFor(`${BASE}/login`, demo);

    // 2. Everything dies at once (no clean shutdown); the state file written after the order is all that is left.
    await new Promise((r) => setTimeout(r, 500));
    killGroup(demo);
    await new Promise((r) => setTimeout(r, 500));
    expect(fs.existsSync(DB_FILE.replace(/\.db$/, "-sandbox-state.json"))).toBe(true);
    demo = startDemo(false);
    await waitFor(`${BASE}/login`, demo);
    expect(demo.output()).toMatch(/0 seeded charges added, \d+ already known/);

    const db = openDatabase(DB_FILE);
    const seeded = sqliteClientOf(db)
      .prepare(
        `select o.id from orders o join transactions t on t.order_id = o.id and t.type = 'SALE' where t.reference_id like 'hist-%' and o.status = 'COMPLETE' order by o.id limit 1`,
      )
      .get() as { id: number };
    sqliteClientOf(db).close();
    for (const id of [orderId, seeded.id]) {
      expect(await api("/api/order/refund", { orderId: String(id), refundAmount: "5.00", reason: "Goodwill" })).toMatchObject({
        result: "SUCCESS",
        message: { refundStatus: "PENDING" },
      });
    }
    await fetch(`${SANDBOX}/_sandbox/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMinutes: 1 }) });
    await expect.poll(() => [refundStatus(orderId), refundStatus(seeded.id)], { timeout: 20_000 }).toEqual(["SUCCESS", "SUCCESS"]);
  } finally {
    killGroup(demo);
  }
});
