/**
 * Browse part of `npm run bench` (issue #5 item 9): server time of the transactions page (each
 * filter alone, two together, searches, page 200), the MID list and the overview on a database
 * of 1,000,000 transactions, each next to its floor (browse-floor.ts); then the CSV export of
 * every row next to the sqlite3 command-line tool writing the same columns.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, sqliteClientOf } from "@/db/client";
import { DEMO_USERS } from "@/scripts/demo-seed/seed-demo";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { monthKey, startOfDayMs, startOfMonthMs } from "@/lib/money/calendar";
import { seedBulkDatabase } from "@/scripts/demo-seed/seed-bulk-database";
import { buildIfNeeded } from "../build-if-needed";
import { EXPORT_FLOOR_SQL, openFloor, type Floor, type PageQuery } from "./browse-floor";
import { signInForCookie } from "./browse-session";
import { startChild, stopAllChildren, waitForHttp, type Child } from "./child-process";
import { percentile, round1 } from "./percentile";
import { groupRssMb } from "./process-memory";

const APP_PORT = 3310;
const HOST = "127.0.0.1";
const BASE = `http://${HOST}:${APP_PORT}`;
const DB_PATH = path.join(process.cwd(), "data", "bench-browse.db");
const TRANSACTIONS = 1_000_000;
const WARM_UP = 10;
const SAMPLES = 30;
const DAY = 86_400_000;
// The generated history is relative to the day it was made; a day-old database has an empty "today".
const MAX_DB_AGE_MS = 12 * 3600_000;
const GOALS = { pageP50Ms: 150, pageFloorFactor: 3, pageFloorSlackMs: 30, exportSeconds: 20, exportFloorFactor: 2, exportRssMb: 300 };

type PageCase = { key: string; label: string; url: string; floor: () => unknown; expectCount?: () => number; countTestId?: string };
export type PageFigures = { p50Ms: number; p95Ms: number; floorP50Ms: number; floorP95Ms: number; goalMet: boolean };
export type ExportFigures = { seconds: number; floorSeconds: number | null; rssGrowthMb: number; rows: number; floorRows: number | null; goalMet: boolean };

function countTransactions(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const floor = openFloor(file);
  try {
    return (floor.db.prepare("select count(*) as n from transactions").get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    floor.close();
  }
}

async function ensureBulkDatabase(): Promise<void> {
  const fresh = fs.existsSync(DB_PATH) && Date.now() - fs.statSync(DB_PATH).mtimeMs < MAX_DB_AGE_MS;
  if (fresh && countTransactions(DB_PATH) >= TRANSACTIONS) {
    // Applies any newer migrations now, not during the first measured request.
    sqliteClientOf(openDatabase(DB_PATH)).close();
    return;
  }
  console.error(`[bench] browse: seeding ${DB_PATH} with ${TRANSACTIONS.toLocaleString("en-US")} transactions…`);
  const result = await seedBulkDatabase(DB_PATH, TRANSACTIONS);
  console.error(`[bench] browse: seeded ${result.transactions.toLocaleString("en-US")} transactions in ${result.seconds.toFixed(1)} s`);
}

const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The cases, with parameters read from the database so every filter matches real rows. */
function buildCases(floor: Floor): PageCase[] {
  const now = new Date();
  // Last full calendar month: a typical "month report" range.
  const thisMonth = startOfMonthMs(now);
  const lastMonth = startOfMonthMs(new Date(thisMonth - 15 * DAY));
  const from = dayString(lastMonth + 12 * 3600_000);
  const to = dayString(thisMonth - 12 * 3600_000);
  const fromMs = startOfDayMs(new Date(`${from}T12:00:00Z`));
  const toMs = startOfDayMs(new Date(`${to}T12:00:00Z`)) + DAY;
  const sample = floor.db
    .prepare(
      "select o.email, o.first_name as first, o.last_name as last, o.amazon_order_reference_id as oro, t.amazon_capture_id as capture from transactions t join orders o on o.id = t.order_id where t.amazon_capture_id is not null and t.id % 997 = 0 order by t.id limit 1 offset 300",
    )
    .get() as { email: string; first: string; last: string; oro: string; capture: string };
  // Fragments as support types them: the middle of an email, a full name, part of an order reference.
  const partialEmail = sample.email.slice(2, sample.email.indexOf("@") + 4);
  const fullName = `${sample.first} ${sample.last}`;
  const oroFragment = sample.oro.slice(6, 16);
  const fts = (match: string) => ({
    where: [
      "(t.order_id in (select rowid from orders_search where orders_search match ?) or t.id in (select rowid from transactions_search where transactions_search match ?) or t.reference_id = ?)",
    ],
    params: [match, match],
  });
  const searchPage = (key: string, label: string, q: string, match: string) => {
    const { where, params } = fts(match);
    return page(key, label, { q }, { where, params: [...params, q] });
  };
  // Page 200 starts after the last row of page 199.
  const cursor = floor.db
    .prepare("select created_at as createdAt, id from transactions order by created_at desc, id desc limit 1 offset ?")
    .get(199 * 25 - 1) as { createdAt: number; id: number };
  const amountWhere = (op: string) => `((t.currency = 'JPY' and t.amount_minor ${op} ?) or (t.currency <> 'JPY' and t.amount_minor ${op} ?))`;

  const page = (key: string, label: string, params: Record<string, string>, query: PageQuery): PageCase => ({
    key,
    label,
    url: `/transactions?${new URLSearchParams(params)}`,
    floor: () => floor.transactionsPage(query),
    // Counted row by row: the truth the page's count (from running totals or not) must equal.
    expectCount: () =>
      (
        floor.db.prepare(`select count(*) as n from transactions t${query.where.length ? ` where ${query.where.join(" and ")}` : ""}`).get(...query.params) as {
          n: number;
        }
      ).n,
  });
  const today = startOfDayMs(now);
  const HOUR = 3_600_000;
  const allTime = (where: string[], params: Array<string | number>) => ({ table: "transaction_amount_totals" as const, where, params });
  const hourly = (where: string[], params: Array<string | number>) => ({
    table: "transaction_hourly_totals" as const,
    where: ["hour >= ?", "hour < ?", ...where],
    params: [fromMs / HOUR, toMs / HOUR, ...params],
  });
  const amountTotals = (op: string) => `((currency = 'JPY' and amount_minor ${op} ?) or (currency <> 'JPY' and amount_minor ${op} ?))`;
  return [
    page("unfiltered", "no filter, page 1", {}, { where: [], params: [], totals: allTime([], []) }),
    page("date", `date ${from}…${to}`, { from, to }, { where: ["t.created_at >= ?", "t.created_at < ?"], params: [fromMs, toMs], totals: hourly([], []) }),
    page("mid", "MID 1", { mid: "1" }, { where: ["t.mid_id = ?"], params: [1], totals: allTime(["mid_id = ?"], [1]) }),
    page("campaign", "campaign 2", { campaign: "2" }, { where: ["t.campaign_id = ?"], params: [2], totals: allTime(["campaign_id = ?"], [2]) }),
    page("type", "type REFUND", { type: "REFUND" }, { where: ["t.type = ?"], params: ["REFUND"], totals: allTime(["type = ?"], ["REFUND"]) }),
    page(
      "response",
      "response SOFT_DECLINE",
      { status: "SOFT_DECLINE" },
      { where: ["t.status = ?"], params: ["SOFT_DECLINE"], totals: allTime(["status = ?"], ["SOFT_DECLINE"]) },
    ),
    page(
      "amount",
      "amount 20.00–40.00",
      { min: "20", max: "40" },
      {
        where: [amountWhere(">="), amountWhere("<=")],
        params: [20, 2000, 40, 4000],
        totals: allTime([amountTotals(">="), amountTotals("<=")], [20, 2000, 40, 4000]),
      },
    ),
    page(
      "dateAndMid",
      "last month + MID 1",
      { from, to, mid: "1" },
      { where: ["t.created_at >= ?", "t.created_at < ?", "t.mid_id = ?"], params: [fromMs, toMs, 1], totals: hourly(["mid_id = ?"], [1]) },
    ),
    page(
      "searchEmail",
      "search: customer email",
      { q: sample.email },
      { where: ["t.order_id in (select id from orders where email = ?)"], params: [sample.email] },
    ),
    page("searchAmazonId", "search: Amazon capture id", { q: sample.capture }, { where: ["t.amazon_capture_id = ?"], params: [sample.capture] }),
    searchPage("searchPartialEmail", `search: part of an email (${partialEmail})`, partialEmail, `"${partialEmail}"`),
    searchPage("searchName", `search: customer name (${fullName})`, fullName, `("${sample.first}" AND "${sample.last}")`),
    searchPage("searchAmazonFragment", `search: part of an order reference (${oroFragment})`, oroFragment, `"${oroFragment}"`),
    {
      key: "ordersSearchName",
      label: `orders search: customer name (${fullName})`,
      url: `/orders?${new URLSearchParams({ q: fullName })}`,
      floor: () =>
        floor.db
          .prepare(
            `select o.*, m.title from (select rowid as id from orders_search where orders_search match ? order by rowid desc limit 26) p cross join orders o cross join mids m where o.id = p.id and m.id = o.mid_id`,
          )
          .all(`("${sample.first}" AND "${sample.last}")`),
    },
    page("page200", "no filter, page 200", { after: `${cursor.createdAt}.${cursor.id}` }, { where: [], params: [], cursor, totals: allTime([], []) }),
    ...orderCases(floor, { from, to, fromMs, toMs }),
    { key: "midList", label: "MID list (/mids)", url: "/mids", floor: () => floor.midList(monthKey(now), today) },
    {
      key: "dashboard",
      label: "overview (/)",
      url: "/",
      floor: () => floor.dashboard({ today, month: monthKey(now), monthStart: thisMonth, chartStart: startOfDayMs(new Date(now.getTime() - 29 * DAY)) }),
    },
  ];
}

/** /orders: newest first, by amount, one campaign, a month, and the page before page 2 (Newer). */
function orderCases(floor: Floor, month: { from: string; to: string; fromMs: number; toMs: number }): PageCase[] {
  const newest = "o.created_at desc, o.id desc";
  const second = floor.db.prepare("select created_at as createdAt, id from orders order by created_at desc, id desc limit 1 offset 24").get() as {
    createdAt: number;
    id: number;
  };
  const order = (key: string, label: string, params: Record<string, string>, where: string[], values: Array<string | number>, orderBy = newest): PageCase => ({
    key,
    label,
    url: `/orders?${new URLSearchParams(params)}`,
    floor: () => floor.ordersPage({ where, params: values, orderBy }),
    expectCount: () =>
      (floor.db.prepare(`select count(*) as n from orders o${where.length ? ` where ${where.join(" and ")}` : ""}`).get(...values) as { n: number }).n,
    countTestId: "orders-count",
  });
  return [
    order("ordersNewest", "/orders newest first", {}, [], []),
    order("ordersAmount", "/orders by amount, highest first", { sort: "amount-desc" }, [], [], "o.total_minor desc, o.id desc"),
    order("ordersCampaign", "/orders campaign 2", { campaign: "2" }, ["o.campaign_id = ?"], [2]),
    order(
      "ordersMonth",
      `/orders ${month.from}…${month.to}`,
      { from: month.from, to: month.to },
      ["o.created_at >= ?", "o.created_at < ?"],
      [month.fromMs, month.toMs],
    ),
    order("ordersNewer", "/orders Newer from page 2", { before: `${second.createdAt}.${second.id}` }, [], []),
  ];
}

async function timeGet(url: string, cookie: string): Promise<{ ms: number; html: string }> {
  const started = performance.now();
  const response = await fetch(`${BASE}${url}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return { ms, html };
}

function timeFloor(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)) };
};

/** The page's own count, as shown to the user ("1,234 transactions"), to prove app and floor fetched the same result. */
function shownCount(html: string, testId = "transactions-summary"): number | null {
  const match = new RegExp(`data-testid="${testId}"[^>]*>(?:<[^>]+>)*([\\d,]+)`).exec(html);
  return match ? Number(match[1].replace(/,/g, "")) : null;
}

async function measurePage(testCase: PageCase, cookie: string): Promise<PageFigures> {
  const app: number[] = [];
  const floor: number[] = [];
  let html = "";
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    // Alternate app and floor so both see the same machine state.
    const answer = await timeGet(testCase.url, cookie);
    const floorMs = timeFloor(testCase.floor);
    if (i >= WARM_UP) {
      app.push(answer.ms);
      floor.push(floorMs);
    }
    html = answer.html;
  }
  if (testCase.expectCount) {
    const expected = testCase.expectCount();
    const shown = shownCount(html, testCase.countTestId);
    if (shown !== expected) throw new Error(`${testCase.key}: the page shows ${shown} rows, the floor counts ${expected}`);
  }
  const a = summary(app);
  const f = summary(floor);
  const goalMet = a.p50 < GOALS.pageP50Ms && (a.p50 <= GOALS.pageFloorFactor * f.p50 || a.p50 <= f.p50 + GOALS.pageFloorSlackMs);
  return { p50Ms: a.p50, p95Ms: a.p95, floorP50Ms: f.p50, floorP95Ms: f.p95, goalMet };
}

/** Downloads the unfiltered export, sampling the server's memory every 50 ms. */
async function measureExport(app: Child, cookie: string): Promise<Omit<ExportFigures, "floorSeconds" | "floorRows" | "goalMet">> {
  const rssBefore = groupRssMb(app.process.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, groupRssMb(app.process.pid));
  }, 50);
  const started = performance.now();
  const response = await fetch(`${BASE}/transactions/export`, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
  let lines = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    for (let i = 0; i < chunk.value.length; i++) if (chunk.value[i] === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, groupRssMb(app.process.pid));
  return { seconds: Math.round(seconds * 100) / 100, rssGrowthMb: Math.round(rssPeak - rssBefore), rows: lines - 1 };
}

/** sqlite3 -csv writing the same columns to a file: the fastest plain export this machine has. */
function measureExportFloor(): { floorSeconds: number | null; floorRows: number | null } {
  if (spawnSync("sqlite3", ["-version"]).status !== 0) {
    console.error("[bench] browse: the sqlite3 command-line tool is missing (apt-get install sqlite3); the export floor is not measured");
    return { floorSeconds: null, floorRows: null };
  }
  const out = path.join(path.dirname(DB_PATH), "bench-export-floor.csv");
  const started = performance.now();
  const result = spawnSync("sh", ["-c", `sqlite3 -readonly -csv -header "${DB_PATH}" > "${out}"`], { input: EXPORT_FLOOR_SQL, maxBuffer: 1024 });
  const floorSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`sqlite3 export failed: ${result.stderr.toString()}`);
  const floorRows =
    Number(
      spawnSync("sh", ["-c", `wc -l < "${out}"`])
        .stdout.toString()
        .trim(),
    ) - 1;
  fs.rmSync(out, { force: true });
  return { floorSeconds: Math.round(floorSeconds * 100) / 100, floorRows };
}

function printTable(pages: Record<string, PageFigures>, labels: Record<string, string>, exported: ExportFigures): void {
  const header = ["case", "what", "p50 ms", "p95 ms", "floor p50 ms", "floor p95 ms", "goal met"];
  const rows = Object.entries(pages).map(([key, p]) => [key, labels[key], p.p50Ms, p.p95Ms, p.floorP50Ms, p.floorP95Ms, p.goalMet ? "yes" : "NO"].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(
    [
      "",
      `Browse on ${TRANSACTIONS.toLocaleString("en-US")} transactions (goal: p50 < ${GOALS.pageP50Ms} ms and ≤ ${GOALS.pageFloorFactor}× floor or floor + ${GOALS.pageFloorSlackMs} ms)`,
      line(header),
      ...rows.map(line),
    ].join("\n"),
  );
  console.log(
    `\nCSV export of every row: ${exported.rows.toLocaleString("en-US")} rows in ${exported.seconds} s (floor: sqlite3 ${exported.floorSeconds ?? "n/a"} s, ${exported.floorRows?.toLocaleString("en-US") ?? "n/a"} rows); server memory growth ${exported.rssGrowthMb} MB; goal (< ${GOALS.exportSeconds} s, ≤ ${GOALS.exportFloorFactor}× floor, < ${GOALS.exportRssMb} MB) ${exported.goalMet ? "met" : "NOT met"}\n`,
  );
}

export async function runBrowseBench(): Promise<Record<string, unknown>> {
  ensureAppSecrets();
  buildIfNeeded();
  await ensureBulkDatabase();
  const floor = openFloor(DB_PATH);
  const app = startChild("app (npm start)", [path.join("scripts", "serve.mjs"), "-p", String(APP_PORT), "-H", HOST], {
    ...process.env,
    DATABASE_PATH: DB_PATH,
    JOBS: "off",
  });
  try {
    await waitForHttp(app, `${BASE}/login`);
    const admin = DEMO_USERS.find((u) => u.role === "admin")!;
    const cookie = await signInForCookie(BASE, admin.email, admin.password);
    const cases = buildCases(floor);
    const pages: Record<string, PageFigures> = {};
    for (const testCase of cases) {
      console.error(`[bench] browse ${testCase.key}: ${testCase.label}…`);
      pages[testCase.key] = await measurePage(testCase, cookie);
    }
    console.error("[bench] browse export: every row as CSV (app, then sqlite3)…");
    const exported = await measureExport(app, cookie);
    const exportFloor = measureExportFloor();
    const figures: ExportFigures = {
      ...exported,
      ...exportFloor,
      goalMet:
        exported.seconds < GOALS.exportSeconds &&
        exported.rssGrowthMb < GOALS.exportRssMb &&
        (exportFloor.floorSeconds === null || exported.seconds <= GOALS.exportFloorFactor * exportFloor.floorSeconds),
    };
    if (exportFloor.floorRows !== null && exportFloor.floorRows !== exported.rows)
      throw new Error(`export wrote ${exported.rows} rows, sqlite3 ${exportFloor.floorRows}`);
    printTable(pages, Object.fromEntries(cases.map((c) => [c.key, c.label])), figures);
    return { ...pages, export: figures };
  } finally {
    floor.close();
    await stopAllChildren();
  }
}
