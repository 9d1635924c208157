import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";

export const apiUsers = sqliteTable("api_users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  loginId: text("login_id").notNull().unique(),
  // SHA-256 hex of a generated high-entropy password: a fast hash is enough for 128-bit secrets.
  passwordHash: text("password_hash").notNull(),
  name: text("name").notNull(),
  // JSON arrays: endpoint names ("order.import", …) and IPs/CIDRs; an empty IP list allows any.
  allowedEndpoints: text("allowed_endpoints").notNull(),
  allowedIps: text("allowed_ips").notNull(),
  disabledAt: integer("disabled_at"),
  lastUsedAt: integer("last_used_at"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
