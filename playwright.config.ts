import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT || 8485);
export const E2E_DATABASE_PATH = "data/e2e.db";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The whole suite runs on SQLite against the demo server below; the PostgreSQL project starts
  // its own cluster and several app processes (e2e/postgres/scale-out.ts) for the multi-process checks.
  projects: [
    { name: "sqlite", testIgnore: "postgres/**" },
    { name: "postgres", testMatch: "postgres/*.pg.spec.ts" },
  ],
  webServer: {
    command: "npx tsx scripts/demo.ts --fresh",
    url: `http://127.0.0.1:${PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT), SANDBOX_PORT: String(SANDBOX_PORT), DATABASE_PATH: E2E_DATABASE_PATH, JOBS: "inline" },
  },
});
