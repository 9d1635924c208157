import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ipnEvents } from "@/db/schema";
import { createIpnVerifier, type IpnVerifier } from "@/lib/amazon-pay";
import { applyIpn } from "./apply-ipn";

const MAX_STORED_BODY = 64 * 1024;

let verifier: IpnVerifier | null = null;
function getVerifier(): IpnVerifier {
  // The pinned certificate (emulator, tests) replaces fetching from sns.<region>.amazonaws.com.
  verifier ??= createIpnVerifier({ pinnedCertificate: process.env.AMAZON_IPN_CERT_PEM || undefined });
  return verifier;
}

export type ReceiveResult = { status: 200 | 400 | 403; body: { result: string; detail?: string; eventId: number } };

/**
 * POST /api/amazon/ipn: verify, store the raw event, de-duplicate on NotificationReferenceId,
 * apply idempotently, answer fast. Rejected events are stored too, for the IPN inbox.
 */
export async function receiveIpn(db: Db, body: string, headers: Headers): Promise<ReceiveResult> {
  const verified = await getVerifier().verify({ body, headers });
  const rawBody = body.slice(0, MAX_STORED_BODY);
  const receivedAt = Date.now();
  if (!verified.ok) {
    const row = db.insert(ipnEvents).values({ rawBody, verified: false, rejectReason: `${verified.reason}: ${verified.detail}`, receivedAt }).returning({ id: ipnEvents.id }).get();
    return { status: verified.reason === "malformed" || verified.reason === "not-notification" ? 400 : 403, body: { result: "rejected", detail: verified.reason, eventId: row.id } };
  }
  const notification = verified.notification;
  return db.transaction(
    (tx) => {
      const first = tx
        .select({ id: ipnEvents.id })
        .from(ipnEvents)
        .where(and(eq(ipnEvents.notificationReferenceId, notification.notificationReferenceId), eq(ipnEvents.verified, true)))
        .get();
      const row = tx
        .insert(ipnEvents)
        .values({ notificationReferenceId: notification.notificationReferenceId, notificationType: notification.notificationType, rawBody, verified: true, receivedAt })
        .returning({ id: ipnEvents.id })
        .get();
      if (first) {
        tx.update(ipnEvents).set({ applied: false, applyResult: `duplicate of #${first.id}: nothing changed` }).where(eq(ipnEvents.id, row.id)).run();
        return { status: 200 as const, body: { result: "duplicate", eventId: row.id } };
      }
      const applied = applyIpn(tx, notification);
      tx.update(ipnEvents).set({ applied: true, applyResult: applied.summary, orderId: applied.orderId, transactionId: applied.transactionId }).where(eq(ipnEvents.id, row.id)).run();
      return { status: 200 as const, body: { result: "applied", detail: applied.summary, eventId: row.id } };
    },
    { behavior: "immediate" },
  );
}
