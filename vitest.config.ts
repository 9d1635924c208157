import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "e2e/amazon-sandbox/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    // The suite runs once per engine: DATABASE_URL=postgres://…/<template> selects PostgreSQL (scripts/run-tests.ts).
    globalSetup: ["lib/testing/postgres-template.ts"],
    setupFiles: ["lib/testing/vitest-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
