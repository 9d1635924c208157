import { sqliteClientOf, type Db } from "@/db/client";
import { DEMO_ATTACKER_SELLER, DEMO_SELLERS } from "./seed-demo";
import { receiveIpn } from "@/lib/ipn/receive-ipn";

type SaleRow = { orderId: number; sellerId: string; oro: string; referenceId: string; amountMinor: number; currency: string; createdAt: number };
type RefundRow = { sellerId: string; refundId: string; captureId: string; referenceId: string; amountMinor: number; currency: string; createdAt: number };

/** A payment object as the emulator's `POST /_sandbox/notifications` takes it. */
type DescribedPayment = {
  kind: "Capture" | "Refund";
  id: string;
  sellerId: string;
  referenceId: string;
  amountMinor: number;
  currency: string;
  state: string;
  createdAt: number;
  lastUpdate: number;
} & ({ authorizationId: string; orderReferenceId: string } | { captureId: string });
type SignedNotification = { headers: Record<string, string>; body: string };

function capture(sale: SaleRow, digits: string, state: string, amountMinor = sale.amountMinor): DescribedPayment {
  return {
    kind: "Capture",
    id: `${sale.oro}-C${digits}`,
    sellerId: sale.sellerId,
    authorizationId: `${sale.oro}-A${digits}`,
    orderReferenceId: sale.oro,
    referenceId: sale.referenceId,
    amountMinor,
    currency: sale.currency,
    state,
    createdAt: sale.createdAt + 1_000,
    lastUpdate: sale.createdAt + 2_000,
  };
}

function refund(row: RefundRow, amountMinor: number): DescribedPayment {
  return {
    kind: "Refund",
    id: row.refundId,
    sellerId: row.sellerId,
    captureId: row.captureId,
    referenceId: row.referenceId,
    amountMinor,
    currency: row.currency,
    state: "Completed",
    createdAt: row.createdAt,
    lastUpdate: row.createdAt,
  };
}

/** The emulator signs with its own key: the demo never holds it. */
async function signByEmulator(sandboxUrl: string, object: DescribedPayment): Promise<SignedNotification> {
  const response = await fetch(`${sandboxUrl}/_sandbox/notifications`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(object),
  });
  if (!response.ok) throw new Error(`The emulator would not sign a demo ${object.kind} IPN: ${response.status} ${await response.text()}`);
  return (await response.json()) as SignedNotification;
}

/**
 * A first look at the IPN inbox: notifications signed by the running emulator and passed through
 * the app's own pipeline (receiveIpn), so every disposition is the one the app really gives —
 * applied (Amazon's capture finishing a sale the history left pending), duplicate, mismatched
 * (a refund amount that disagrees with ours), unmatched, unknown seller and rejected (tampered).
 * Only into an inbox that is still empty; needs AMAZON_IPN_CERT_PEM pinned to the emulator's certificate.
 */
export async function seedDemoIpns(db: Db, sandboxUrl: string): Promise<number> {
  const sqlite = sqliteClientOf(db);
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

  const sign = (object: DescribedPayment) => signByEmulator(sandboxUrl, object);
  const deliver = (notification: SignedNotification) =>
    receiveIpn(db, { body: notification.body, headers: new Headers(notification.headers), sourceIp: "127.0.0.1" });

  const digits = pending.referenceId
    .replace(/^hist-(\d+)-a1$/, "$1")
    .padStart(6, "0")
    .slice(-6);
  const finished = await sign(capture(pending, digits, "Completed"));
  await deliver(finished);
  await deliver(finished);
  await deliver(await sign(refund(refunded, 100)));
  const strangerSale: SaleRow = { ...pending, oro: "S01-0000000-0000001", referenceId: "other-shop-1", sellerId: DEMO_SELLERS[0].sellerId };
  await deliver(await sign(capture(strangerSale, "000001", "Completed")));
  await deliver(await sign(capture({ ...strangerSale, sellerId: DEMO_ATTACKER_SELLER.sellerId, oro: "S01-0000000-0000002" }, "000002", "Completed")));
  // Someone changed the amount after Amazon signed it: the signature no longer verifies.
  const signed = await sign(capture(pending, digits, "Completed"));
  const envelope = JSON.parse(signed.body) as { Message: string };
  envelope.Message = envelope.Message.replace("<State>Completed</State>", "<State>Declined</State>");
  await deliver({ headers: signed.headers, body: JSON.stringify(envelope) });
  return 6;
}
