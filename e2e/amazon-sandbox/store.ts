import type { Authorization, BillingAgreement, Capture, OrderReference, PaymentObject, Refund, Region, Seller } from "./types";
import type { Clock } from "./clock";
import { SandboxError } from "./errors";

/** Called for every state change that Amazon would announce by IPN. */
export type ChangeListener = (object: PaymentObject) => void;

export type Timing = {
  /** Delay before an asynchronous authorization (TransactionTimeout > 0) leaves Pending. */
  asyncAuthorizationMs: number;
  /** Delay before a refund (always Pending first) completes or is declined. */
  refundMs: number;
  /** Delay before a simulated Pending capture completes. */
  pendingCaptureMs: number;
  /** Authorization lifetime (sandbox: 2 days per §7.3). */
  authorizationLifetimeMs: number;
};

export type Store = {
  clock: Clock;
  timing: Timing;
  sellers: Map<string, Seller>;
  sellersByAccessKey: Map<string, Seller>;
  objects: Map<string, PaymentObject>;
  /** `${sellerId}|${referenceId}` → object id (uniqueness across Authorize, Capture, Refund; §5.4). */
  referenceIds: Map<string, string>;
  accessTokens: Map<string, { sellerId: string; objectId: string; issuedAt: number }>;
  onChange: ChangeListener;
  /** Environment of the request being handled (requests are handled one at a time). */
  currentLive?: boolean;
};

export function isLiveId(id: string): boolean {
  return id.startsWith("P") || id.startsWith("B");
}

export function createStore(clock: Clock, timing: Timing, sellers: Seller[], onChange: ChangeListener): Store {
  const store: Store = {
    clock,
    timing,
    sellers: new Map(),
    sellersByAccessKey: new Map(),
    objects: new Map(),
    referenceIds: new Map(),
    accessTokens: new Map(),
    onChange,
  };
  for (const seller of sellers) addSeller(store, seller);
  return store;
}

export function addSeller(store: Store, input: Seller): void {
  const seller: Seller = { ...input, region: input.region.toLowerCase() as Region };
  store.sellers.set(seller.sellerId, seller);
  store.sellersByAccessKey.set(seller.accessKey, seller);
}

/** Objects of another seller are reported as unknown, exactly like a foreign id at Amazon. */
function findOwned<K extends PaymentObject["kind"]>(store: Store, sellerId: string, id: string, kind: K): Extract<PaymentObject, { kind: K }> | undefined {
  const object = store.objects.get(id);
  if (!object || object.sellerId !== sellerId || object.kind !== kind) return undefined;
  // A sandbox id sent to the production path (or the reverse) is unknown there (§10.11).
  if (isLiveId(object.id) !== (store.currentLive ?? false)) return undefined;
  return object as Extract<PaymentObject, { kind: K }>;
}

export function getOrderReference(store: Store, sellerId: string, id: string): OrderReference {
  const found = findOwned(store, sellerId, id, "OrderReference");
  if (!found) throw SandboxError.invalidOrderReferenceId(id);
  return found;
}

export function getAuthorization(store: Store, sellerId: string, id: string): Authorization {
  const found = findOwned(store, sellerId, id, "Authorization");
  if (!found) throw SandboxError.invalidTransactionId(id);
  return found;
}

export function getCapture(store: Store, sellerId: string, id: string): Capture {
  const found = findOwned(store, sellerId, id, "Capture");
  if (!found) throw SandboxError.invalidTransactionId(id);
  return found;
}

export function getRefund(store: Store, sellerId: string, id: string): Refund {
  const found = findOwned(store, sellerId, id, "Refund");
  if (!found) throw SandboxError.invalidTransactionId(id);
  return found;
}

export function getBillingAgreement(store: Store, sellerId: string, id: string): BillingAgreement {
  const found = findOwned(store, sellerId, id, "BillingAgreement");
  if (!found) throw SandboxError.invalidBillingAgreementId(id);
  return found;
}

export function saveObject(store: Store, object: PaymentObject): void {
  store.objects.set(object.id, object);
}

/** Sets a new status and announces it (IPN). */
export function changeStatus(store: Store, object: PaymentObject, state: string, reasonCode?: string, reasonDescription?: string): void {
  object.status = { state, reasonCode, reasonDescription, lastUpdate: store.clock.now() };
  store.onChange(object);
}

export function listSellerObjects(store: Store, sellerId: string): PaymentObject[] {
  return [...store.objects.values()].filter((object) => object.sellerId === sellerId);
}
