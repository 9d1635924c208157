import { pgTable, integer, bigint, text, index } from "drizzle-orm/pg-core";
import { users } from "./users";

// Twin of db/sqlite/schema/audit.ts: the column comments are there.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
    ip: text("ip"),
    at: bigint("at", { mode: "number" }).notNull(),
  },
  (t) => [index("audit_entity").on(t.entity, t.entityId, t.at), index("audit_actor").on(t.actorUserId, t.at), index("audit_at").on(t.at)],
);

export const jobLeases = pgTable("job_leases", {
  jobName: text("job_name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
});
