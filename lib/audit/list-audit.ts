import { and, desc, eq, gte, inArray, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, campaigns, mids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  actorUserId?: number;
  action?: string;
  fromMs?: number;
  toMs?: number;
  q?: string;
  beforeId?: number;
  limit?: number;
};

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
  /** The currency of the MID or campaign the entry is about, so amounts in it can be shown as money. */
  currency: string | null;
};

/** The audit browser: admins only. */
export async function listAudit(db: Db, actor: Actor, filter: AuditFilter): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  assertCan(actor, "audit.read");
  return queryAudit(db, filter);
}

/** The text as a LIKE pattern that matches it literally (% and _ included). */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Search: who, what, the entity's id, or any value before or after. */
function searchCondition(q: string): SQL {
  const pattern = containing(q);
  const like = (column: SQLWrapper) => sql`lower(${column}) like ${pattern} escape '\\'`;
  return or(
    like(auditLog.actorLabel),
    like(auditLog.action),
    eq(auditLog.entityId, q.replace(/^#/, "")),
    like(sql`coalesce(${auditLog.before}, '')`),
    like(sql`coalesce(${auditLog.after}, '')`),
  ) as SQL;
}

/** Currencies of the MIDs and campaigns the rows are about, keyed "entity:id". */
async function readCurrencies(db: Db, rows: Array<{ entity: string; entityId: string | null }>): Promise<Map<string, string>> {
  const ids = (entity: string) => [
    ...new Set(rows.filter((r) => r.entity === entity && r.entityId && /^\d+$/.test(r.entityId)).map((r) => Number(r.entityId))),
  ];
  const currencies = new Map<string, string>();
  const midIds = ids("mid");
  if (midIds.length)
    for (const m of await db.select({ id: mids.id, currency: mids.currency }).from(mids).where(inArray(mids.id, midIds)))
      currencies.set(`mid:${m.id}`, m.currency);
  const campaignIds = ids("campaign");
  if (campaignIds.length)
    for (const c of await db.select({ id: campaigns.id, currency: campaigns.currency }).from(campaigns).where(inArray(campaigns.id, campaignIds)))
      currencies.set(`campaign:${c.id}`, c.currency);
  return currencies;
}

/** Newest first, keyset-paged on id. Callers authorize (the MID page shows its own history to MID readers). */
export async function queryAudit(db: Db, filter: AuditFilter): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.fromMs !== undefined) conditions.push(gte(auditLog.at, filter.fromMs));
  if (filter.toMs !== undefined) conditions.push(lt(auditLog.at, filter.toMs));
  if (filter.q?.trim()) conditions.push(searchCondition(filter.q.trim()));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  const limit = filter.limit ?? 50;
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const currencies = await readCurrencies(db, shown);
  return {
    hasMore: rows.length > limit,
    rows: shown.map((row) => ({
      id: row.id,
      at: row.at,
      actorLabel: row.actorLabel,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
      ip: row.ip,
      currency: currencies.get(`${row.entity}:${row.entityId}`) ?? null,
    })),
  };
}
