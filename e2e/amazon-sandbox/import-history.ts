import { z } from "zod";
import type { Authorization, BillingAgreement, Capture, OrderReference, Refund } from "./types";
import type { Store } from "./store";
import type { JsonReply } from "./lwa";
import { userIdFor } from "./lwa";
import { REGION_CURRENCY } from "./money";
import { monthKey } from "./rules";

/**
 * Charges that happened before this emulator knew about them (the demo's seeded order history,
 * or orders whose emulator state was lost): each becomes an Open order reference with a Closed
 * CaptureNow-style authorization, a Completed capture and its Completed refunds, under the ids
 * the app's rows carry, so Refund, GetCaptureDetails and friends work on them as on any order.
 */
const refundSchema = z.object({
  refundId: z.string().min(1),
  referenceId: z.string().min(1).max(32),
  amountMinor: z.number().int().positive(),
  createdAt: z.number(),
});

const chargeSchema = z.object({
  sellerId: z.string().min(1),
  orderReferenceId: z.string().regex(/^[SP]\d{2}-\d{7}-\d{7}$/),
  billingAgreementId: z
    .string()
    .regex(/^[CB]\d{2}-\d{7}-\d{7}$/)
    .optional(),
  authorizationId: z.string().min(1),
  authorizationReferenceId: z.string().min(1).max(32),
  captureId: z.string().min(1),
  captureReferenceId: z.string().min(1).max(32),
  amountMinor: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  createdAt: z.number(),
  buyer: z.object({ name: z.string().min(1), email: z.string().min(3) }).optional(),
  refunds: z.array(refundSchema).default([]),
});

export const historySchema = z.object({ charges: z.array(chargeSchema).max(100_000) });

export function importHistory(store: Store, input: unknown): JsonReply {
  const parsed = historySchema.safeParse(input);
  if (!parsed.success) return { status: 400, body: { error: z.prettifyError(parsed.error) } };
  const unknownSeller = parsed.data.charges.find((charge) => !store.sellers.has(charge.sellerId));
  if (unknownSeller) return { status: 400, body: { error: `unknown sellerId ${unknownSeller.sellerId}` } };
  let created = 0;
  let skipped = 0;
  for (const charge of parsed.data.charges) {
    // Idempotent: a charge the emulator already knows (it created it, or an earlier import did) is left alone.
    if (store.objects.has(charge.captureId) || store.objects.has(charge.authorizationId)) {
      skipped += 1;
      continue;
    }
    addCharge(store, charge as z.output<typeof chargeSchema>);
    created += 1;
  }
  return { status: 200, body: { created, skipped } };
}

function addCharge(store: Store, charge: z.output<typeof chargeSchema>): void {
  const seller = store.sellers.get(charge.sellerId);
  const region = (seller?.region ?? "us").toLowerCase();
  const email = charge.buyer?.email ?? "jane.buyer@example.com";
  const buyer = { name: charge.buyer?.name ?? "Jane Buyer", email, userId: userIdFor(email) };
  const status = (state: string, reasonCode?: string) => ({ state, reasonCode, lastUpdate: charge.createdAt });
  const amount = { minor: charge.amountMinor, currency: charge.currency };
  const captureNow = charge.authorizationReferenceId === charge.captureReferenceId;

  if (charge.billingAgreementId && !store.objects.has(charge.billingAgreementId)) {
    const ba: BillingAgreement = {
      kind: "BillingAgreement",
      id: charge.billingAgreementId,
      sellerId: charge.sellerId,
      status: status("Open"),
      sellerAttributes: {},
      buyer,
      address: {},
      consent: true,
      currency: REGION_CURRENCY[region] ?? charge.currency,
      createdAt: charge.createdAt,
      orderReferenceIds: [],
      authorizedByMonth: {},
    };
    store.objects.set(ba.id, ba);
  }
  const ba = charge.billingAgreementId ? store.objects.get(charge.billingAgreementId) : undefined;
  if (ba?.kind === "BillingAgreement") {
    if (!ba.orderReferenceIds.includes(charge.orderReferenceId)) ba.orderReferenceIds.push(charge.orderReferenceId);
    const month = monthKey(charge.createdAt);
    ba.authorizedByMonth[month] = (ba.authorizedByMonth[month] ?? 0) + charge.amountMinor;
  }
  // A second charge on one order reference (an upsell, a retry after a decline) joins the first.
  const known = store.objects.get(charge.orderReferenceId);
  const oro: OrderReference =
    known?.kind === "OrderReference"
      ? known
      : {
          kind: "OrderReference",
          id: charge.orderReferenceId,
          sellerId: charge.sellerId,
          status: status("Open"),
          orderTotal: amount,
          sellerOrder: {},
          buyer,
          address: {},
          createdAt: charge.createdAt,
          authorizationIds: [],
          parentBillingAgreementId: ba?.id,
          expectImmediateAuthorization: false,
        };
  oro.authorizationIds.push(charge.authorizationId);
  const auth: Authorization = {
    kind: "Authorization",
    id: charge.authorizationId,
    sellerId: charge.sellerId,
    orderReferenceId: oro.id,
    referenceId: charge.authorizationReferenceId,
    amount,
    capturedMinor: charge.amountMinor,
    captureNow,
    transactionTimeout: 0,
    status: status("Closed", "MaxCapturesProcessed"),
    createdAt: charge.createdAt,
    expiresAt: charge.createdAt + store.timing.authorizationLifetimeMs,
    captureIds: [charge.captureId],
    fingerprint: "",
    billingAgreementId: ba?.id,
  };
  const refunds: Refund[] = charge.refunds.map((refund) => ({
    kind: "Refund",
    id: refund.refundId,
    sellerId: charge.sellerId,
    captureId: charge.captureId,
    referenceId: refund.referenceId,
    amount: { minor: refund.amountMinor, currency: charge.currency },
    status: { state: "Completed", lastUpdate: refund.createdAt },
    createdAt: refund.createdAt,
    fingerprint: "",
  }));
  const capture: Capture = {
    kind: "Capture",
    id: charge.captureId,
    sellerId: charge.sellerId,
    authorizationId: auth.id,
    orderReferenceId: oro.id,
    referenceId: charge.captureReferenceId,
    amount,
    refundedMinor: refunds.reduce((sum, refund) => sum + refund.amount.minor, 0),
    status: status("Completed"),
    createdAt: charge.createdAt,
    refundIds: refunds.map((refund) => refund.id),
    fingerprint: "",
  };
  for (const object of [oro, auth, capture, ...refunds]) store.objects.set(object.id, object);
  // Reference ids stay taken, as at Amazon: reusing one is DuplicateReferenceId.
  store.referenceIds.set(`${charge.sellerId}|${auth.referenceId}`, auth.id);
  if (!captureNow) store.referenceIds.set(`${charge.sellerId}|${capture.referenceId}`, capture.id);
  for (const refund of refunds) store.referenceIds.set(`${charge.sellerId}|${refund.referenceId}`, refund.id);
}
