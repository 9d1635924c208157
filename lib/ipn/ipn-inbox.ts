import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { ipnEvents, mids } from "@/db/schema";
import { createIpnVerifier } from "@/lib/amazon-pay";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { applyIpn } from "./apply-ipn";
import { describeUnknownSeller, findSellerMids } from "./find-seller-mids";
import type { IpnDisposition } from "./ipn-disposition";
import { describeBody } from "./refused-ipn-storage";

export type IpnInboxFilter = { verified?: boolean; disposition?: IpnDisposition; before?: number; perPage: number };

/** Events stored before dispositions existed get the one their columns imply. */
const dispositionOf = sql<IpnDisposition>`coalesce(${ipnEvents.disposition}, case when not ${ipnEvents.verified} then 'rejected' when ${ipnEvents.applyResult} like 'duplicate%' then 'duplicate' else 'applied' end)`;

export async function listIpnEvents(db: Db, actor: Actor, filter: IpnInboxFilter) {
  assertCan(actor, "ipn.read");
  const conditions: SQL[] = [];
  if (filter.verified !== undefined) conditions.push(eq(ipnEvents.verified, filter.verified));
  if (filter.disposition) conditions.push(sql`${dispositionOf} = ${filter.disposition}`);
  if (filter.before) conditions.push(lt(ipnEvents.id, filter.before));
  const rows = await db
    .select({
      id: ipnEvents.id,
      type: ipnEvents.notificationType,
      notificationReferenceId: ipnEvents.notificationReferenceId,
      verified: ipnEvents.verified,
      disposition: dispositionOf,
      rejectReason: ipnEvents.rejectReason,
      applyResult: ipnEvents.applyResult,
      orderId: ipnEvents.orderId,
      sellerId: ipnEvents.sellerId,
      midId: ipnEvents.midId,
      midTitle: mids.title,
      sourceIp: ipnEvents.sourceIp,
      bodyBytes: ipnEvents.bodyBytes,
      storedBytes: sql<number>`length(cast(${ipnEvents.rawBody} as blob))`,
      receivedAt: ipnEvents.receivedAt,
    })
    .from(ipnEvents)
    .leftJoin(mids, eq(mids.id, ipnEvents.midId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(ipnEvents.id))
    .limit(filter.perPage + 1);
  const shown = rows.slice(0, filter.perPage);
  return { rows: shown, nextBefore: rows.length > filter.perPage ? shown[shown.length - 1].id : null };
}

/**
 * Applies a stored, verified notification again (e.g. it arrived before its order existed, or
 * before its MID was added). The signature is checked again and the notification is bound to its
 * seller's MIDs exactly as on receipt; only the age limit is lifted, since it was checked then.
 * Applying is idempotent, so a replay of something already applied changes nothing.
 */
export async function replayIpnEvent(db: Db, actor: Actor, eventId: number): Promise<string> {
  assertCan(actor, "ipn.read");
  const [event] = await db.select().from(ipnEvents).where(eq(ipnEvents.id, eventId));
  if (!event) throw new DomainError("That notification no longer exists.");
  if (!event.verified) throw new DomainError("Rejected notifications cannot be replayed: their signature did not verify.");
  if (event.bodyBytes !== null && describeBody(event.rawBody).bodyBytes < event.bodyBytes) {
    throw new DomainError(
      `Only the first ${describeBody(event.rawBody).bodyBytes} of its ${event.bodyBytes} bytes were kept, so this notification cannot be replayed.`,
    );
  }
  const verifier = createIpnVerifier({ pinnedCertificate: process.env.AMAZON_IPN_CERT_PEM || undefined, maxAgeMs: Number.MAX_SAFE_INTEGER });
  const verified = await verifier.verify({ body: event.rawBody });
  if (!verified.ok) throw new DomainError(`The stored notification no longer verifies (${verified.reason}).`);
  const notification = verified.notification;
  return runTransaction(db, async (tx) => {
    const sellerMids = await findSellerMids(tx, notification.sellerId);
    const result = sellerMids.length
      ? await applyIpn(tx, notification, sellerMids)
      : { disposition: "unknown-seller" as const, summary: describeUnknownSeller(notification.sellerId), orderId: null, transactionId: null, midId: null };
    const summary = `replayed: ${result.summary}`;
    await tx
      .update(ipnEvents)
      .set({
        disposition: result.disposition,
        applied: result.disposition === "applied",
        applyResult: summary,
        sellerId: notification.sellerId,
        midId: result.midId,
        orderId: result.orderId ?? event.orderId,
        transactionId: result.transactionId ?? event.transactionId,
      })
      .where(eq(ipnEvents.id, eventId));
    await recordAudit(tx, actor, { action: "ipn.replay", entity: "ipn", entityId: eventId, after: { result: summary } });
    return summary;
  });
}
