import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { users } from "./users";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    // JSON; secret fields carry a marker, never a value.
    before: text("before"),
    after: text("after"),
    ip: text("ip"),
    at: integer("at").notNull(),
  },
  (t) => [index("audit_entity").on(t.entity, t.entityId, t.at), index("audit_actor").on(t.actorUserId, t.at), index("audit_at").on(t.at)],
);

/** One runner per background job across processes: a job runs only while it holds the lease. */
export const jobLeases = sqliteTable("job_leases", {
  jobName: text("job_name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
});
