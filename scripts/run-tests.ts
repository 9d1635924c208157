/**
 * `npm test`: lint and format check, unit and integration tests (vitest), then the end-to-end tests (Playwright,
 * against the production build), and one closing line `N passed, N failed` for CI.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const OUT = ".test-output";
const bin = (name: string) => path.join("node_modules", ".bin", name);

function run(command: string, args: string[]): number {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: process.env }).status ?? 1;
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

const unitStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${OUT}/unit.json`]);
const unit = readJson<{ numPassedTests: number; numFailedTests: number }>(`${OUT}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (unitStatus !== 0 && (!unit || unit.numFailedTests === 0)) failed += 1; // the run itself broke

const e2eStatus = run(bin("playwright"), ["test"]);
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(`${OUT}/e2e.json`);
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
}
if (e2eStatus !== 0 && (!e2e || e2e.stats.unexpected === 0)) failed += 1;

console.log(
  `\nlint ${lintStatus === 0 ? "clean" : "FAILED"} · unit ${unit ? `${unit.numPassedTests}/${unit.numPassedTests + unit.numFailedTests}` : "did not run"} · e2e ${e2e ? `${e2e.stats.expected}/${e2e.stats.expected + e2e.stats.unexpected + e2e.stats.flaky}` : "did not run"}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
