import { pgTable, integer, bigint, text, index } from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/values/roles";
import { SIGN_IN_SCOPES } from "@/lib/values/sign-in-scopes";

// Twin of db/sqlite/schema/users.ts: the column comments are there.
export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  disabledAt: bigint("disabled_at", { mode: "number" }),
  lastLoginAt: bigint("last_login_at", { mode: "number" }),
  passwordChangedAt: bigint("password_changed_at", { mode: "number" }),
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});

export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    scope: text("scope", { enum: SIGN_IN_SCOPES }).notNull().default("console"),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
  },
  (t) => [
    index("sign_in_failures_email_at").on(t.email, t.at),
    index("sign_in_failures_ip_at").on(t.ip, t.at),
    index("sign_in_failures_scope_email_ip_at").on(t.scope, t.email, t.ip, t.at),
  ],
);
