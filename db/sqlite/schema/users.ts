import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { ROLES } from "@/lib/values/roles";
import { SIGN_IN_SCOPES } from "@/lib/values/sign-in-scopes";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  disabledAt: integer("disabled_at"),
  lastLoginAt: integer("last_login_at"),
  passwordChangedAt: integer("password_changed_at"),
  // Bumped on sign-out, password change or reset, role change and disable: a session cookie
  // carries the version it was issued under and is refused once they differ.
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * One row per failed sign-in; the throttle counts recent rows per account, per (account, IP) and
 * per IP. `scope` keeps console users (email) and API users (loginId) apart.
 */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scope: text("scope", { enum: SIGN_IN_SCOPES }).notNull().default("console"),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("sign_in_failures_email_at").on(t.email, t.at),
    index("sign_in_failures_ip_at").on(t.ip, t.at),
    index("sign_in_failures_scope_email_ip_at").on(t.scope, t.email, t.ip, t.at),
  ],
);
