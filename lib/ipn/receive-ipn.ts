import { and, eq } from "drizzle-orm";
import { runTransaction, type Db, type Tx } from "@/db/client";
import { ipnEvents } from "@/db/schema";
import { createIpnVerifier, type IpnNotification, type IpnVerifier } from "@/lib/amazon-pay";
import { applyIpn } from "./apply-ipn";
import { describeUnknownSeller, findSellerMids } from "./find-seller-mids";
import { describeBody, isSourceOverCap, truncateBody, warnSourceOverCap } from "./refused-ipn-storage";

const MAX_STORED_BODY = 64 * 1024;

let verifier: { pem: string | undefined; verifier: IpnVerifier } | null = null;
function getVerifier(): IpnVerifier {
  // The pinned certificate (emulator, tests) replaces fetching from sns.<region>.amazonaws.com.
  const pem = process.env.AMAZON_IPN_CERT_PEM || undefined;
  if (!verifier || verifier.pem !== pem) verifier = { pem, verifier: createIpnVerifier({ pinnedCertificate: pem }) };
  return verifier.verifier;
}

export type IpnRequest = { body: string; headers: Headers; sourceIp: string };

export type ReceiveResult = { status: 200 | 400 | 403 | 429; body: { result: string; detail?: string; eventId?: number } };

/** `reason` is stored for the inbox; `detail` (default: the reason) is what the sender is told. */
type Refusal = { disposition: "rejected" | "unknown-seller"; reason: string; detail?: string; status: 400 | 403; notification?: IpnNotification };

/**
 * Stores a refused notification with its hash, its size and only its first 4 KB, unless its
 * source already stored its hourly share: then it is answered 429 and not stored at all.
 */
async function storeRefused(tx: Tx, request: IpnRequest, refusal: Refusal, receivedAt: number): Promise<ReceiveResult> {
  if (await isSourceOverCap(tx, request.sourceIp, receivedAt)) {
    warnSourceOverCap(request.sourceIp, receivedAt);
    return { status: 429, body: { result: "refused", detail: "too many rejected notifications from this address; not stored" } };
  }
  const [row] = await tx
    .insert(ipnEvents)
    .values({
      notificationReferenceId: refusal.notification?.notificationReferenceId ?? null,
      notificationType: refusal.notification?.notificationType ?? null,
      sellerId: refusal.notification?.sellerId ?? null,
      rawBody: truncateBody(request.body),
      ...describeBody(request.body),
      verified: refusal.disposition !== "rejected",
      rejectReason: refusal.reason,
      disposition: refusal.disposition,
      sourceIp: request.sourceIp,
      receivedAt,
    })
    .returning({ id: ipnEvents.id });
  return { status: refusal.status, body: { result: refusal.disposition, detail: refusal.detail ?? refusal.reason, eventId: row.id } };
}

/**
 * POST /api/amazon/ipn: verify, resolve the seller's MIDs, store, de-duplicate on
 * NotificationReferenceId, apply only to that seller's rows, answer fast. Forged and
 * unknown-seller notifications are stored too (in part), for the IPN inbox, and answered 4xx.
 */
export async function receiveIpn(db: Db, request: IpnRequest): Promise<ReceiveResult> {
  const verified = await getVerifier().verify({ body: request.body, headers: request.headers });
  const receivedAt = Date.now();
  if (!verified.ok) {
    const status = verified.reason === "malformed" || verified.reason === "not-notification" ? 400 : 403;
    const refusal: Refusal = { disposition: "rejected", reason: `${verified.reason}: ${verified.detail}`, detail: verified.reason, status };
    return runTransaction(db, async (tx) => storeRefused(tx, request, refusal, receivedAt));
  }
  const notification = verified.notification;
  return runTransaction(db, async (tx) => {
    const sellerMids = await findSellerMids(tx, notification.sellerId);
    if (sellerMids.length === 0) {
      return storeRefused(
        tx,
        request,
        { disposition: "unknown-seller", reason: describeUnknownSeller(notification.sellerId), status: 403, notification },
        receivedAt,
      );
    }
    const [first] = await tx
      .select({ id: ipnEvents.id })
      .from(ipnEvents)
      .where(
        and(
          eq(ipnEvents.notificationReferenceId, notification.notificationReferenceId),
          eq(ipnEvents.sellerId, notification.sellerId),
          eq(ipnEvents.verified, true),
        ),
      );
    const stored = {
      notificationReferenceId: notification.notificationReferenceId,
      notificationType: notification.notificationType,
      sellerId: notification.sellerId,
      rawBody: request.body.slice(0, MAX_STORED_BODY),
      ...describeBody(request.body),
      verified: true,
      sourceIp: request.sourceIp,
      receivedAt,
    };
    if (first) {
      const [row] = await tx
        .insert(ipnEvents)
        .values({
          ...stored,
          disposition: "duplicate",
          applyResult: `duplicate of #${first.id}: nothing changed`,
          midId: sellerMids.length === 1 ? sellerMids[0].id : null,
        })
        .returning({ id: ipnEvents.id });
      return { status: 200 as const, body: { result: "duplicate", eventId: row.id } };
    }
    const applied = await applyIpn(tx, notification, sellerMids);
    const [row] = await tx
      .insert(ipnEvents)
      .values({
        ...stored,
        disposition: applied.disposition,
        applied: applied.disposition === "applied",
        applyResult: applied.summary,
        orderId: applied.orderId,
        transactionId: applied.transactionId,
        midId: applied.midId,
      })
      .returning({ id: ipnEvents.id });
    return { status: 200 as const, body: { result: applied.disposition, detail: applied.summary, eventId: row.id } };
  });
}
