import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ipnEvents } from "@/db/schema";
import { createIpnVerifier } from "@/lib/amazon-pay";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { applyIpn } from "./apply-ipn";

export type IpnInboxFilter = { verified?: boolean; before?: number; perPage: number };

export function listIpnEvents(db: Db, actor: Actor, filter: IpnInboxFilter) {
  assertCan(actor, "ipn.read");
  const conditions: SQL[] = [];
  if (filter.verified !== undefined) conditions.push(eq(ipnEvents.verified, filter.verified));
  if (filter.before) conditions.push(lt(ipnEvents.id, filter.before));
  const rows = db
    .select({ id: ipnEvents.id, type: ipnEvents.notificationType, notificationReferenceId: ipnEvents.notificationReferenceId, verified: ipnEvents.verified, rejectReason: ipnEvents.rejectReason, applied: ipnEvents.applied, applyResult: ipnEvents.applyResult, orderId: ipnEvents.orderId, receivedAt: ipnEvents.receivedAt })
    .from(ipnEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(ipnEvents.id))
    .limit(filter.perPage + 1)
    .all();
  const shown = rows.slice(0, filter.perPage);
  return { rows: shown, nextBefore: rows.length > filter.perPage ? shown[shown.length - 1].id : null };
}

/**
 * Applies a stored, verified notification again (e.g. it arrived before its order existed).
 * The signature is checked again; only the age limit is lifted, since it was checked on
 * receipt. Applying is idempotent, so a replay of something already applied changes nothing.
 */
export async function replayIpnEvent(db: Db, actor: Actor, eventId: number): Promise<string> {
  assertCan(actor, "ipn.read");
  const event = db.select().from(ipnEvents).where(eq(ipnEvents.id, eventId)).get();
  if (!event) throw new DomainError("That notification no longer exists.");
  if (!event.verified) throw new DomainError("Rejected notifications cannot be replayed: their signature did not verify.");
  const verifier = createIpnVerifier({ pinnedCertificate: process.env.AMAZON_IPN_CERT_PEM || undefined, maxAgeMs: Number.MAX_SAFE_INTEGER });
  const verified = await verifier.verify({ body: event.rawBody });
  if (!verified.ok) throw new DomainError(`The stored notification no longer verifies (${verified.reason}).`);
  return db.transaction(
    (tx) => {
      const result = applyIpn(tx, verified.notification);
      const summary = `replayed: ${result.summary}`;
      tx.update(ipnEvents).set({ applied: true, applyResult: summary, orderId: result.orderId ?? event.orderId, transactionId: result.transactionId ?? event.transactionId }).where(eq(ipnEvents.id, eventId)).run();
      recordAudit(tx, actor, { action: "ipn.replay", entity: "ipn", entityId: eventId, after: { result: summary } });
      return summary;
    },
    { behavior: "immediate" },
  );
}
