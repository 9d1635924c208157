import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** Stands in for a secret in before/after snapshots: the log says that it changed, never what to. */
export const SECRET_MARKER = "«secret»";

type AuditEntry = {
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

type Tx = Pick<Db, "insert">;

export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor?.userId ?? null,
    actorLabel: actor ? actor.email : "system",
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    ip: actor?.ip ?? null,
    at: Date.now(),
  });
}

/** Keeps only the keys whose values differ, so an entry shows what an edit changed. */
export function diffSnapshots(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
}
