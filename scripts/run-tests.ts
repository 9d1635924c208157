/**
 * `npm test`: lint and format check, unit and integration tests (vitest) on SQLite and then on a
 * throwaway PostgreSQL cluster, then the end-to-end tests (Playwright, against the production
 * build: the whole suite on SQLite, and the multi-process checks with 4 app processes on a
 * PostgreSQL cluster of their own), and one closing line `N passed, N failed` for CI.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { startThrowawayPostgres } from "./pg/throwaway-postgres";

const OUT = ".test-output";
const bin = (name: string) => path.join("node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

let passed = 0;
let failed = 0;

// Lint includes the formatter's check: unformatted code fails like a lint error.
const lintStatus = run(bin("eslint"), [".", "--max-warnings=0"]) || run(bin("prettier"), ["--check", "--log-level=warn", "."]);
if (lintStatus === 0) passed += 1;
else failed += 1;

type VitestReport = { numPassedTests: number; numFailedTests: number };

/** One vitest run; adds its counts to the totals and answers them (null when it wrote no report). */
function runUnit(name: string, env: NodeJS.ProcessEnv): VitestReport | null {
  const status = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${OUT}/${name}.json`], env);
  const report = readJson<VitestReport>(`${OUT}/${name}.json`);
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (status !== 0 && (!report || report.numFailedTests === 0)) failed += 1; // the run itself broke
  return report;
}

// The first run and the end-to-end tests use SQLite whatever the caller's shell selects.
const sqliteEnv: NodeJS.ProcessEnv = { ...process.env };
delete sqliteEnv.DATABASE_URL;
const unit = runUnit("unit", sqliteEnv);

// The same suite on PostgreSQL: a cluster of our own, on its own port, removed when the run ends.
// TEST_POSTGRES=0 skips it (a machine without PostgreSQL's binaries); CI always runs it.
let unitPg: VitestReport | null = null;
if (process.env.TEST_POSTGRES !== "0")
  try {
    const cluster = startThrowawayPostgres({ port: Number(process.env.TEST_PG_PORT) || 55433 });
    console.log(`\nPostgreSQL test cluster on port ${cluster.port}`);
    unitPg = runUnit("unit-pg", { ...process.env, DATABASE_URL: cluster.url("mc_template"), DATABASE_IDLE_MS: "1000" });
    cluster.stop();
  } catch (error) {
    console.error(`\nThe PostgreSQL run could not start: ${error instanceof Error ? error.message : String(error)}`);
    failed += 1;
  }
const count = (report: VitestReport | null) => (report ? `${report.numPassedTests}/${report.numPassedTests + report.numFailedTests}` : "did not run");

// The PostgreSQL project (several app processes on a cluster of its own) is skipped with the PostgreSQL unit run.
const e2eStatus = run(bin("playwright"), process.env.TEST_POSTGRES === "0" ? ["test", "--project=sqlite"] : ["test"], sqliteEnv);
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(`${OUT}/e2e.json`);
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
}
if (e2eStatus !== 0 && (!e2e || e2e.stats.unexpected === 0)) failed += 1;

console.log(
  `\nlint ${lintStatus === 0 ? "clean" : "FAILED"} · unit on SQLite ${count(unit)} · unit on PostgreSQL ${count(unitPg)} · e2e ${e2e ? `${e2e.stats.expected}/${e2e.stats.expected + e2e.stats.unexpected + e2e.stats.flaky}` : "did not run"}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
