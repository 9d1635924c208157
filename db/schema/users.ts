import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";

export const ROLES = ["admin", "operator", "campaign_manager", "support"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  disabledAt: integer("disabled_at"),
  lastLoginAt: integer("last_login_at"),
  passwordChangedAt: integer("password_changed_at"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** One row per failed sign-in; the throttle counts recent rows per email and per IP. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("sign_in_failures_email_at").on(t.email, t.at), index("sign_in_failures_ip_at").on(t.ip, t.at)],
);
