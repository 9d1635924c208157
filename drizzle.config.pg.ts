import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts: edit both schemas, generate with both configs.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema",
  out: "./db/pg/migrations",
});
