import { sqliteClientOf, type Db } from "@/db/client";

/** One charge as the emulator's `POST /_sandbox/history` takes it (see its README). */
type HistoryCharge = {
  sellerId: string;
  orderReferenceId: string;
  billingAgreementId?: string;
  authorizationId: string;
  authorizationReferenceId: string;
  captureId: string;
  captureReferenceId: string;
  amountMinor: number;
  currency: string;
  createdAt: number;
  buyer?: { name: string; email: string };
  refunds: Array<{ refundId: string; referenceId: string; amountMinor: number; createdAt: number }>;
};

type ChargeRow = {
  id: number;
  sellerId: string;
  orderReferenceId: string;
  billingAgreementId: string | null;
  authorizationId: string | null;
  captureId: string;
  referenceId: string;
  authorizationReferenceId: string | null;
  amountMinor: number;
  currency: string;
  createdAt: number;
  email: string | null;
  name: string | null;
};

type RefundRow = { parentId: number; refundId: string; referenceId: string; amountMinor: number; createdAt: number };

/**
 * Every captured payment in the database, as the emulator's history import takes it: the demo
 * sends it at each start, so the emulator knows the seeded orders (and any order whose emulator
 * state was lost) under the same ids, and refunds of them go through. Refunds recorded from
 * Seller Central carry no Amazon refund id and are left out.
 */
export function readEmulatorHistory(db: Db): HistoryCharge[] {
  const sqlite = sqliteClientOf(db);
  const charges = sqlite
    .prepare(
      `select t.id, m.merchant_id as sellerId, t.amazon_order_reference_id as orderReferenceId, o.amazon_billing_agreement_id as billingAgreementId,
              t.amazon_authorization_id as authorizationId, t.amazon_capture_id as captureId, t.reference_id as referenceId,
              p.reference_id as authorizationReferenceId, t.amount_minor as amountMinor, t.currency, t.created_at as createdAt,
              o.email, trim(coalesce(o.first_name, '') || ' ' || coalesce(o.last_name, '')) as name
       from transactions t join mids m on m.id = t.mid_id join orders o on o.id = t.order_id
       left join transactions p on p.id = t.parent_transaction_id and t.type = 'CAPTURE'
       where t.type in ('SALE', 'CAPTURE') and t.status = 'SUCCESS' and t.amazon_capture_id is not null and t.amazon_order_reference_id is not null`,
    )
    .all() as ChargeRow[];
  const refunds = sqlite
    .prepare(
      `select parent_transaction_id as parentId, amazon_refund_id as refundId, reference_id as referenceId, amount_minor as amountMinor, created_at as createdAt from transactions where type = 'REFUND' and status = 'SUCCESS' and coalesce(amazon_refund_id, '') <> ''`,
    )
    .all() as RefundRow[];
  const refundsBySale = new Map<number, RefundRow[]>();
  for (const refund of refunds) refundsBySale.set(refund.parentId, [...(refundsBySale.get(refund.parentId) ?? []), refund]);
  return charges.map((row) => ({
    sellerId: row.sellerId,
    orderReferenceId: row.orderReferenceId,
    billingAgreementId: row.billingAgreementId ?? undefined,
    // A sale finished by its capture's IPN alone has no authorization id yet: a CaptureNow capture shares its digits.
    authorizationId: row.authorizationId ?? row.captureId.replace(/-C(\d+)$/, "-A$1"),
    authorizationReferenceId: row.authorizationReferenceId ?? row.referenceId,
    captureId: row.captureId,
    captureReferenceId: row.referenceId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    createdAt: row.createdAt,
    buyer: row.email && row.name ? { name: row.name, email: row.email } : undefined,
    refunds: (refundsBySale.get(row.id) ?? []).map(({ refundId, referenceId, amountMinor, createdAt }) => ({ refundId, referenceId, amountMinor, createdAt })),
  }));
}
