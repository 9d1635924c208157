import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase, sqliteClientOf } from "../db/client";
import { DEMO_API_USER, DEMO_SELLERS, seedDemo } from "../scripts/demo-seed/seed-demo";
import { startSandbox, type Sandbox } from "./amazon-sandbox/server";

// Its own server beside the suite's, on a port of its own (offset from E2E_PORT like the crash test's, but not the same).
const PORT = Number(process.env.E2E_PORT || 3100) + 1002;
const DB_FILE = path.resolve(`data/operations-${PORT}.db`);
const BASE = `http://127.0.0.1:${PORT}`;

type Started = { child: ChildProcess; lines: string[]; exited: Promise<number | null> };

function start(command: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_PATH: DB_FILE, ...env } });
  const lines: string[] = [];
  let rest = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, lines, exited };
}

function startServer(sandbox: Sandbox): Started {
  return start(process.execPath, [path.resolve("scripts/serve.mjs"), "-p", String(PORT), "-H", "127.0.0.1"], {
    AMAZON_PAY_ENDPOINT_OVERRIDE: sandbox.url,
    AMAZON_LWA_ENDPOINT_OVERRIDE: sandbox.url,
    JOBS: "inline",
  });
}

/** Reads until `done`; a read that throws (a server not listening yet) counts as not done. */
async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await Promise.resolve()
      .then(read)
      .then(
        (v) => ({ v }),
        () => null,
      );
    if (value && done(value.v)) return value.v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Health = { status: string; failing: string[]; jobs: Array<{ name: string; lease: string; holder: string | null; heldByThisProcess: boolean }> };

const readHealth = async () => {
  const response = await fetch(`${BASE}/api/health`);
  return { status: response.status, body: (await response.json()) as Health };
};

const leaseHolders = () => {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    return db.prepare("select holder from job_leases").pluck().all() as string[];
  } finally {
    db.close();
  }
};

test("GET /api/health answers 200 without a session, never cached, and returns the request id", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { "X-Request-Id": "e2e-health-1" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["x-request-id"]).toBe("e2e-health-1");
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", failing: [], database: "ok", migrations: { current: true } });
  expect(body.migrations.applied).toBe(body.migrations.expected);
  expect(JSON.stringify(body)).not.toMatch(/secret|password|\/data\//i);
  const generated = (await request.get("/api/health")).headers()["x-request-id"];
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
});

test("503 naming the migrations when the database lacks one; SIGTERM lets an order in flight finish, refuses new connections, exits 0 and releases the leases to the next process", async () => {
  test.setTimeout(120_000);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB_FILE + suffix, { force: true });
  const seedDb = openDatabase(DB_FILE);
  await seedDemo(seedDb, { history: false });
  sqliteClientOf(seedDb).close();

  const sandbox = await startSandbox({ port: 0, sellers: DEMO_SELLERS });
  const server = startServer(sandbox);
  let worker: Started | null = null;
  try {
    const healthy = await until(readHealth, (h) => h.status === 200 && h.body.jobs.every((j) => j.lease === "held"), "a healthy server");
    const serverHolder = healthy.body.jobs[0].holder;
    expect(healthy.body.jobs.every((j) => j.holder === serverHolder && j.heldByThisProcess)).toBe(true);

    // A migration missing from the database (as when a new build meets a database not migrated yet).
    const direct = new Database(DB_FILE);
    const newest = direct.prepare("select hash, created_at from __drizzle_migrations order by created_at desc limit 1").get() as {
      hash: string;
      created_at: number;
    };
    direct.prepare("delete from __drizzle_migrations where created_at = ?").run(newest.created_at);
    const behind = await readHealth();
    expect(behind.status).toBe(503);
    expect(behind.body).toMatchObject({ status: "unavailable", failing: ["migrations"], database: "ok", migrations: { current: false } });
    direct.prepare("insert into __drizzle_migrations (hash, created_at) values (?, ?)").run(newest.hash, newest.created_at);
    direct.close();
    expect((await readHealth()).status).toBe(200);

    // An order whose Amazon calls take a while is in flight when SIGTERM comes.
    const checkout = (await (
      await fetch(`${sandbox.url}/_sandbox/checkouts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sellerId: DEMO_SELLERS[0].sellerId, type: "OrderReference" }),
      })
    ).json()) as { amazonOrderReferenceId: string; accessToken: string };
    await fetch(`${sandbox.url}/_sandbox/latency`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ms: 500 }) });
    const order = fetch(`${BASE}/api/order/import`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-request-id": "e2e-order-in-flight" },
      body: new URLSearchParams({
        loginId: DEMO_API_USER.loginId,
        password: DEMO_API_USER.password,
        campaignId: "1",
        product1_id: "1",
        amazonBillerId: "1",
        amazonOrderId: checkout.amazonOrderReferenceId,
        amazonAddressConsent: checkout.accessToken,
      }),
    }).then(async (r) => ({
      status: r.status,
      requestId: r.headers.get("x-request-id"),
      body: (await r.json()) as { result: string; message: { orderId?: string } },
    }));
    await new Promise((r) => setTimeout(r, 700));
    server.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    await expect(fetch(`${BASE}/login`), "a new connection after SIGTERM").rejects.toThrow();

    const answer = await order;
    expect(answer).toMatchObject({ status: 200, requestId: "e2e-order-in-flight", body: { result: "SUCCESS" } });
    expect(await server.exited).toBe(0);
    // Next writes a line or two of its own at start; the app's are JSON.
    const logged = server.lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as { msg: string; requestId?: string });
    expect(logged.map((l) => l.msg)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SIGTERM: taking no new connections; letting 1 request/), "stopped"]),
    );
    expect(server.lines.join("\n")).not.toContain(DEMO_API_USER.password);

    const db = new Database(DB_FILE, { readonly: true });
    const status = db.prepare("select status from orders where id = ?").pluck().get(Number(answer.body.message.orderId));
    db.close();
    expect(status, "the order finished its transaction before the process exited").toBe("COMPLETE");
    expect(leaseHolders(), "leases released at shutdown").toEqual([]);

    // The next process takes every job at once, not after the two-minute lease would have expired.
    await fetch(`${sandbox.url}/_sandbox/latency`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ms: 0 }) });
    worker = start(path.resolve("node_modules/.bin/tsx"), [path.resolve("scripts/worker.ts")], {});
    const taken = await until(leaseHolders, (holders) => holders.length === healthy.body.jobs.length, "the worker's leases");
    expect(new Set(taken).size).toBe(1);
    expect(taken[0]).not.toBe(serverHolder);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(leaseHolders()).toEqual([]);
  } finally {
    for (const started of [server, worker]) if (started && started.child.exitCode === null) started.child.kill("SIGKILL");
    await sandbox.close();
  }
});
