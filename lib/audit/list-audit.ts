import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";

export type AuditFilter = { entity?: string; entityId?: string; actorUserId?: number; beforeId?: number; limit?: number };

export type AuditRow = {
  id: number;
  at: number;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
};

/** The audit browser: admins only. */
export function listAudit(db: Db, actor: Actor, filter: AuditFilter): { rows: AuditRow[]; hasMore: boolean } {
  assertCan(actor, "audit.read");
  return queryAudit(db, filter);
}

/** Newest first, keyset-paged on id. Callers authorize (the MID page shows its own history to MID readers). */
export function queryAudit(db: Db, filter: AuditFilter): { rows: AuditRow[]; hasMore: boolean } {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  const limit = filter.limit ?? 50;
  const rows = db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
    .all();
  return {
    hasMore: rows.length > limit,
    rows: rows.slice(0, limit).map((row) => ({
      id: row.id,
      at: row.at,
      actorLabel: row.actorLabel,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
      ip: row.ip,
    })),
  };
}
