import { pgTable, integer, bigint, text } from "drizzle-orm/pg-core";

// Twin of db/sqlite/schema/api-users.ts: the column comments are there.
export const apiUsers = pgTable("api_users", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  loginId: text("login_id").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  name: text("name").notNull(),
  allowedEndpoints: text("allowed_endpoints").notNull(),
  allowedIps: text("allowed_ips").notNull(),
  disabledAt: bigint("disabled_at", { mode: "number" }),
  lastUsedAt: bigint("last_used_at", { mode: "number" }),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});
