import { and, eq, isNull } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { declineRules, mids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { DECLINE_REASONS, type DeclineKind } from "./default-decline-rules";
import { mapDecline } from "./map-decline";

function scopeOf(midId: number | null) {
  return midId === null ? isNull(declineRules.midId) : eq(declineRules.midId, midId);
}

export type DeclineRow = { code: string; label: string; kind: DeclineKind; message: string; isOverride: boolean };

/** The effective table for a scope (a MID, or global when midId is null). */
export async function listDeclineRules(db: Db, actor: Actor, midId: number | null): Promise<DeclineRow[]> {
  assertCan(actor, "declines.write");
  return Promise.all(
    DECLINE_REASONS.map(async (reason) => {
      const [own] = await db
        .select()
        .from(declineRules)
        .where(and(scopeOf(midId), eq(declineRules.reasonCode, reason.code)));
      const effective = midId === null ? (own ?? reason) : await mapDecline(db, midId, reason.code);
      return { code: reason.code, label: reason.label, kind: effective.kind, message: effective.message, isOverride: Boolean(own) };
    }),
  );
}

export async function saveDeclineRule(db: Db, actor: Actor, input: { midId: number | null; code: string; kind: string; message: string }): Promise<void> {
  assertCan(actor, "declines.write");
  const reason = DECLINE_REASONS.find((r) => r.code === input.code);
  if (!reason) throw new DomainError("Unknown decline reason.");
  const errors: Record<string, string> = {};
  if (input.kind !== "soft" && input.kind !== "hard") errors.kind = "Choose soft or hard.";
  const message = input.message.trim();
  if (!message) errors.message = "The customer-facing message is required.";
  else if (message.length > 300) errors.message = "Keep the message under 300 characters.";
  if (Object.keys(errors).length) throw new DomainError("Check the highlighted fields.", errors);
  if (input.midId !== null && !(await db.select({ id: mids.id }).from(mids).where(eq(mids.id, input.midId)))[0])
    throw new DomainError("That MID no longer exists.");
  const kind = input.kind as DeclineKind;
  await runTransaction(db, async (tx) => {
    // Not an upsert: SQLite's unique index treats NULL (the global scope) as distinct.
    const where = and(scopeOf(input.midId), eq(declineRules.reasonCode, reason.code));
    const [existing] = await tx.select({ id: declineRules.id }).from(declineRules).where(where);
    if (existing) await tx.update(declineRules).set({ kind, message, updatedAt: Date.now() }).where(eq(declineRules.id, existing.id));
    else await tx.insert(declineRules).values({ midId: input.midId, reasonCode: reason.code, kind, message, updatedAt: Date.now() });
    await recordAudit(tx, actor, {
      action: "decline_rule.save",
      entity: input.midId === null ? "settings" : "mid",
      entityId: input.midId,
      after: { reason: reason.code, kind: input.kind, message },
    });
  });
}

export async function resetDeclineRule(db: Db, actor: Actor, midId: number | null, code: string): Promise<void> {
  assertCan(actor, "declines.write");
  await runTransaction(db, async (tx) => {
    await tx.delete(declineRules).where(and(scopeOf(midId), eq(declineRules.reasonCode, code)));
    await recordAudit(tx, actor, { action: "decline_rule.reset", entity: midId === null ? "settings" : "mid", entityId: midId, before: { reason: code } });
  });
}
