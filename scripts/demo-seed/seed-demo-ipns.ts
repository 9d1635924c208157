import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { DEMO_ATTACKER_SELLER, DEMO_SELLERS } from "./seed-demo";
import { receiveIpn } from "@/lib/ipn/receive-ipn";
import { buildSignedNotification } from "@/e2e/amazon-sandbox/ipn";
import type { Capture, PaymentObject, Refund, Seller } from "@/e2e/amazon-sandbox/types";

const KEY_PATH = path.join("e2e", "amazon-sandbox", "keys", "ipn-signing-key.pem");

type SaleRow = { orderId: number; sellerId: string; oro: string; referenceId: string; amountMinor: number; currency: string; createdAt: number };
type RefundRow = { sellerId: string; refundId: string; captureId: string; referenceId: string; amountMinor: number; currency: string; createdAt: number };

function capture(sale: SaleRow, digits: string, state: string, amountMinor = sale.amountMinor): Capture {
  return {
    kind: "Capture",
    id: `${sale.oro}-C${digits}`,
    sellerId: sale.sellerId,
    authorizationId: `${sale.oro}-A${digits}`,
    orderReferenceId: sale.oro,
    referenceId: sale.referenceId,
    amount: { minor: amountMinor, currency: sale.currency },
    refundedMinor: 0,
    status: { state, lastUpdate: sale.createdAt + 2_000 },
    createdAt: sale.createdAt + 1_000,
    refundIds: [],
    fingerprint: "",
  };
}

function refund(row: RefundRow, amountMinor: number): Refund {
  return {
    kind: "Refund",
    id: row.refundId,
    sellerId: row.sellerId,
    captureId: row.captureId,
    referenceId: row.referenceId,
    amount: { minor: amountMinor, currency: row.currency },
    status: { state: "Completed", lastUpdate: row.createdAt },
    createdAt: row.createdAt,
    fingerprint: "",
  };
}

/**
 * A first look at the IPN inbox: notifications signed with the emulator's key and passed through
 * the app's own pipeline (receiveIpn), so every disposition is the one the app really gives —
 * applied (Amazon's capture finishing a sale the history left pending), duplicate, mismatched
 * (a refund amount that disagrees with ours), unmatched, unknown seller and rejected (tampered).
 * Only into an inbox that is still empty; needs AMAZON_IPN_CERT_PEM pinned to the emulator's certificate.
 */
export async function seedDemoIpns(db: Db): Promise<number> {
  const sqlite = db.$client;
  if (sqlite.prepare(`select 1 from ipn_events limit 1`).get()) return 0;
  const pending = sqlite
    .prepare(
      `select t.order_id as orderId, m.merchant_id as sellerId, t.amazon_order_reference_id as oro, t.reference_id as referenceId, t.amount_minor as amountMinor, t.currency, t.created_at as createdAt from transactions t join mids m on m.id = t.mid_id where t.type = 'SALE' and t.status = 'PENDING' and t.amazon_order_reference_id is not null and t.reference_id like 'hist-%' order by t.id limit 1`,
    )
    .get() as SaleRow | undefined;
  const refunded = sqlite
    .prepare(
      `select m.merchant_id as sellerId, t.amazon_refund_id as refundId, t.amazon_capture_id as captureId, t.reference_id as referenceId, t.amount_minor as amountMinor, t.currency, t.created_at as createdAt from transactions t join mids m on m.id = t.mid_id where t.type = 'REFUND' and t.status = 'SUCCESS' and coalesce(t.amazon_refund_id, '') <> '' order by t.id limit 1`,
    )
    .get() as RefundRow | undefined;
  if (!pending || !refunded) return 0;

  const privateKeyPem = fs.readFileSync(KEY_PATH, "utf8");
  const sellerOf = (sellerId: string): Seller => [...DEMO_SELLERS, DEMO_ATTACKER_SELLER].find((s) => s.sellerId === sellerId) ?? DEMO_SELLERS[0];
  const sign = (object: PaymentObject) =>
    buildSignedNotification(object, sellerOf(object.sellerId), { now: Date.now(), privateKeyPem, certUrl: "http://127.0.0.1:8484/_sandbox/ipn-cert.pem" });
  const deliver = (notification: { headers: Record<string, string>; body: string }) =>
    receiveIpn(db, { body: notification.body, headers: new Headers(notification.headers), sourceIp: "127.0.0.1" });

  const digits = pending.referenceId
    .replace(/^hist-(\d+)-a1$/, "$1")
    .padStart(6, "0")
    .slice(-6);
  const finished = sign(capture(pending, digits, "Completed"));
  await deliver(finished);
  await deliver(finished);
  await deliver(sign(refund(refunded, 100)));
  const strangerSale: SaleRow = { ...pending, oro: "S01-0000000-0000001", referenceId: "other-shop-1", sellerId: DEMO_SELLERS[0].sellerId };
  await deliver(sign(capture(strangerSale, "000001", "Completed")));
  await deliver(sign(capture({ ...strangerSale, sellerId: DEMO_ATTACKER_SELLER.sellerId, oro: "S01-0000000-0000002" }, "000002", "Completed")));
  // Someone changed the amount after Amazon signed it: the signature no longer verifies.
  const signed = sign(capture(pending, digits, "Completed"));
  const envelope = JSON.parse(signed.body) as { Message: string };
  envelope.Message = envelope.Message.replace("<State>Completed</State>", "<State>Declined</State>");
  await deliver({ headers: signed.headers, body: JSON.stringify(envelope) });
  return 6;
}
