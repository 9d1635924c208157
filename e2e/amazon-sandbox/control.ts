import { z } from "zod";
import type { BillingAgreement, OrderReference, PaymentObject } from "./types";
import type { Store } from "./store";
import { listSellerObjects } from "./store";
import type { FaultState } from "./faults";
import { FAULT_MODES } from "./faults";
import type { Throttle } from "./throttle";
import type { JsonReply } from "./lwa";
import { userIdFor } from "./lwa";
import { generateBillingAgreementId, generateOrderReferenceId } from "./ids";
import { issueAccessToken } from "./tokens";
import { scheduleOrderReferenceTimers } from "./lifecycle";
import { formatMinor, REGION_CURRENCY } from "./money";
import { formatTimestamp } from "./clock";

const addressSchema = z.object({
  Name: z.string().optional(),
  AddressLine1: z.string().optional(),
  AddressLine2: z.string().optional(),
  AddressLine3: z.string().optional(),
  City: z.string().optional(),
  County: z.string().optional(),
  District: z.string().optional(),
  StateOrRegion: z.string().optional(),
  PostalCode: z.string().optional(),
  CountryCode: z.string().optional(),
  Phone: z.string().optional(),
});

const checkoutSchema = z.object({
  sellerId: z.string().min(1),
  type: z.enum(["OrderReference", "BillingAgreement"]),
  buyer: z.object({ name: z.string().min(1), email: z.string().min(3), phone: z.string().optional() }).optional(),
  address: addressSchema.optional(),
  /** Only for BAs: whether the buyer ticked the consent box (false → BuyerConsentNotSet). */
  consent: z.boolean().optional(),
});

const faultSchema = z.object({
  action: z.string().min(1).optional(),
  mode: z.enum(FAULT_MODES as [string, ...string[]]),
  count: z.number().int().min(1).default(1),
});
const latencySchema = z.object({ ms: z.number().min(0), jitterMs: z.number().min(0).optional() });
const clockSchema = z.object({ advanceMinutes: z.number().min(0) });
const throttleSchema = z.object({ enabled: z.boolean() });

const DEFAULT_ADDRESS: Record<string, z.infer<typeof addressSchema>> = {
  us: {
    Name: "Jane Buyer",
    AddressLine1: "410 Terry Ave N",
    City: "Seattle",
    StateOrRegion: "WA",
    PostalCode: "98109",
    CountryCode: "US",
    Phone: "206-555-0100",
  },
  uk: { Name: "Jane Buyer", AddressLine1: "1 Principal Place", City: "London", PostalCode: "EC2A 2FA", CountryCode: "GB", Phone: "020 7946 0000" },
  de: { Name: "Jana Käufer", AddressLine1: "Marcel-Breuer-Str. 12", City: "München", PostalCode: "80807", CountryCode: "DE", Phone: "089 123456" },
  jp: {
    Name: "山田 花子",
    AddressLine1: "1-8-1 Shimomeguro",
    City: "Meguro-ku",
    StateOrRegion: "Tokyo",
    PostalCode: "153-0064",
    CountryCode: "JP",
    Phone: "03-0000-0000",
  },
};

function badRequest(error: z.ZodError | string): JsonReply {
  return { status: 400, body: { error: typeof error === "string" ? error : z.prettifyError(error) } };
}

export function createCheckout(store: Store, input: unknown): JsonReply {
  const parsed = checkoutSchema.safeParse(input);
  if (!parsed.success) return badRequest(parsed.error);
  const seller = store.sellers.get(parsed.data.sellerId);
  if (!seller) return badRequest(`unknown sellerId ${parsed.data.sellerId}`);
  const name = parsed.data.buyer?.name ?? "Jane Buyer";
  const email = parsed.data.buyer?.email ?? "jane.buyer@example.com";
  const buyer = { name, email, phone: parsed.data.buyer?.phone, userId: userIdFor(email) };
  const address = { ...DEFAULT_ADDRESS[seller.region], Name: name, ...parsed.data.address };
  const now = store.clock.now();
  if (parsed.data.type === "OrderReference") {
    const oro: OrderReference = {
      kind: "OrderReference",
      id: generateOrderReferenceId(seller.region, false),
      sellerId: seller.sellerId,
      status: { state: "Draft" },
      sellerOrder: {},
      buyer,
      address,
      createdAt: now,
      authorizationIds: [],
      expectImmediateAuthorization: false,
    };
    store.objects.set(oro.id, oro);
    scheduleOrderReferenceTimers(store, oro);
    const accessToken = issueAccessToken(store, seller.sellerId, oro.id);
    oro.accessToken = accessToken;
    return { status: 201, body: { amazonOrderReferenceId: oro.id, accessToken } };
  }
  const ba: BillingAgreement = {
    kind: "BillingAgreement",
    id: generateBillingAgreementId(seller.region, false),
    sellerId: seller.sellerId,
    status: { state: "Draft" },
    sellerAttributes: {},
    buyer,
    address,
    consent: parsed.data.consent ?? true,
    currency: REGION_CURRENCY[seller.region] ?? "USD",
    createdAt: now,
    orderReferenceIds: [],
    authorizedByMonth: {},
  };
  store.objects.set(ba.id, ba);
  const accessToken = issueAccessToken(store, seller.sellerId, ba.id);
  ba.accessToken = accessToken;
  return { status: 201, body: { amazonBillingAgreementId: ba.id, accessToken } };
}

function describe(object: PaymentObject): Record<string, unknown> {
  const base = { type: object.kind, id: object.id, state: object.status.state, reasonCode: object.status.reasonCode ?? null };
  switch (object.kind) {
    case "OrderReference":
      return {
        ...base,
        amount: object.orderTotal ? formatMinor(object.orderTotal.minor, object.orderTotal.currency) : null,
        currency: object.orderTotal?.currency ?? null,
        authorizationIds: object.authorizationIds,
        parentId: object.parentBillingAgreementId ?? null,
        sellerOrderId: object.sellerOrder.SellerOrderId ?? null,
        createdAt: formatTimestamp(object.createdAt),
      };
    case "Authorization":
      return {
        ...base,
        referenceId: object.referenceId,
        parentId: object.orderReferenceId,
        amount: formatMinor(object.amount.minor, object.amount.currency),
        capturedAmount: formatMinor(object.capturedMinor, object.amount.currency),
        currency: object.amount.currency,
        captureIds: object.captureIds,
        createdAt: formatTimestamp(object.createdAt),
      };
    case "Capture":
      return {
        ...base,
        referenceId: object.referenceId,
        parentId: object.authorizationId,
        amount: formatMinor(object.amount.minor, object.amount.currency),
        refundedAmount: formatMinor(object.refundedMinor, object.amount.currency),
        currency: object.amount.currency,
        refundIds: object.refundIds,
        createdAt: formatTimestamp(object.createdAt),
      };
    case "Refund":
      return {
        ...base,
        referenceId: object.referenceId,
        parentId: object.captureId,
        amount: formatMinor(object.amount.minor, object.amount.currency),
        currency: object.amount.currency,
        createdAt: formatTimestamp(object.createdAt),
      };
    case "BillingAgreement":
      return { ...base, currency: object.currency, orderReferenceIds: object.orderReferenceIds, createdAt: formatTimestamp(object.createdAt) };
  }
}

export function readLedger(store: Store, sellerId: string | null): JsonReply {
  if (!sellerId || !store.sellers.has(sellerId)) return badRequest("sellerId query parameter must name a known seller");
  return { status: 200, body: { sellerId, now: formatTimestamp(store.clock.now()), objects: listSellerObjects(store, sellerId).map(describe) } };
}

export function addFault(state: FaultState, input: unknown): JsonReply {
  const parsed = faultSchema.safeParse(input);
  if (!parsed.success) return badRequest(parsed.error);
  const fault = { action: parsed.data.action, mode: parsed.data.mode as FaultState["faults"][number]["mode"], remaining: parsed.data.count };
  state.faults.push(fault);
  return { status: 200, body: { faults: state.faults } };
}

export function setLatency(state: FaultState, input: unknown): JsonReply {
  const parsed = latencySchema.safeParse(input);
  if (!parsed.success) return badRequest(parsed.error);
  state.latency = { ms: parsed.data.ms, jitterMs: parsed.data.jitterMs ?? 0 };
  return { status: 200, body: { latency: state.latency } };
}

export async function advanceClock(store: Store, input: unknown): Promise<JsonReply> {
  const parsed = clockSchema.safeParse(input);
  if (!parsed.success) return badRequest(parsed.error);
  await store.clock.advance(parsed.data.advanceMinutes * 60_000);
  return { status: 200, body: { now: formatTimestamp(store.clock.now()) } };
}

export function setThrottle(throttle: Throttle, input: unknown): JsonReply {
  const parsed = throttleSchema.safeParse(input);
  if (!parsed.success) return badRequest(parsed.error);
  throttle.enabled = parsed.data.enabled;
  return { status: 200, body: { enabled: throttle.enabled } };
}
