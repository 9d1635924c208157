import type { Authorization, BillingAgreement, OrderReference, PaymentObject } from "./types";
import type { OperationContext } from "./context";
import { fingerprintParams, readBoolean, readParam, requireParam, requireReferenceId } from "./context";
import { SandboxError } from "./errors";
import { generateChildId } from "./ids";
import { MAX_TRANSACTION_MINOR, overchargeAllowance, parseMoney } from "./money";
import { parseSimulation } from "./simulation";
import { settleAuthorization } from "./lifecycle";
import { MAX_AUTHORIZATIONS_PER_ORDER } from "./rules";

/**
 * Reference ids are unique per seller across Authorize, Capture and Refund (§5.4): the same id
 * with the same parameters replays the original object, anything else is DuplicateReferenceId.
 */
export function findReplay<K extends PaymentObject["kind"]>(
  ctx: OperationContext,
  referenceId: string,
  kind: K,
  fingerprint: string,
): Extract<PaymentObject, { kind: K }> | undefined {
  const existingId = ctx.store.referenceIds.get(`${ctx.seller.sellerId}|${referenceId}`);
  if (existingId === undefined) return undefined;
  const existing = ctx.store.objects.get(existingId);
  if (existing && existing.kind === kind && "fingerprint" in existing && existing.fingerprint === fingerprint) {
    return existing as Extract<PaymentObject, { kind: K }>;
  }
  throw new SandboxError(400, "DuplicateReferenceId", `The reference id ${referenceId} was already used in a different Authorize, Capture, or Refund request.`);
}

export type AuthorizationRequest = {
  referenceId: string;
  amountMinor: number;
  currency: string;
  note: string | undefined;
  transactionTimeout: number;
  captureNow: boolean;
  softDescriptor: string | undefined;
};

/** Reads the Authorize / AuthorizeOnBillingAgreement parameters shared by both (§4.7, §4.20). */
export function readAuthorizationRequest(ctx: OperationContext): AuthorizationRequest {
  const referenceId = requireReferenceId(ctx, "AuthorizationReferenceId");
  const amount = requireParam(ctx, "AuthorizationAmount.Amount");
  const currency = requireParam(ctx, "AuthorizationAmount.CurrencyCode");
  const money = parseMoney(amount, currency, "AuthorizationAmount.Amount", "AuthorizationAmount.CurrencyCode", ctx.seller.region);
  const timeoutText = readParam(ctx, "TransactionTimeout") ?? "1440";
  const transactionTimeout = Number(timeoutText);
  if (!/^\d+$/.test(timeoutText) || transactionTimeout > 1440 || transactionTimeout % 5 !== 0) {
    throw SandboxError.invalidValue(timeoutText, "TransactionTimeout");
  }
  return {
    referenceId,
    amountMinor: money.minor,
    currency: money.currency,
    note: readParam(ctx, "SellerAuthorizationNote", 255),
    transactionTimeout,
    captureNow: readBoolean(ctx, "CaptureNow", false),
    softDescriptor: readParam(ctx, "SoftDescriptor", 16),
  };
}

function activeAuthorizedMinor(ctx: OperationContext, oro: OrderReference): { amountMinor: number; count: number } {
  let amountMinor = 0;
  let count = 0;
  for (const id of oro.authorizationIds) {
    const auth = ctx.store.objects.get(id);
    if (auth?.kind !== "Authorization" || auth.status.state === "Declined") continue;
    if (auth.status.state === "Closed" && auth.capturedMinor === 0) continue;
    amountMinor += auth.status.state === "Closed" ? auth.capturedMinor : auth.amount.minor;
    count += 1;
  }
  return { amountMinor, count };
}

/** Creates the authorization on an Open ORO; synchronous ones settle at once, others after a delay. */
export function createAuthorization(ctx: OperationContext, oro: OrderReference, request: AuthorizationRequest, ba?: BillingAgreement): Authorization {
  if (oro.status.state !== "Open") {
    throw new SandboxError(400, "InvalidOrderReferenceStatus", `OrderReference ${oro.id} is in state ${oro.status.state} and cannot be authorized.`);
  }
  if (oro.orderTotal && oro.orderTotal.currency !== request.currency) {
    throw new SandboxError(400, "CurrencyMismatch", "The currency of the authorization does not match the currency of the Order Reference.");
  }
  const total = oro.orderTotal?.minor ?? 0;
  const active = activeAuthorizedMinor(ctx, oro);
  const max = MAX_TRANSACTION_MINOR[request.currency] ?? 0;
  if (request.amountMinor > max || active.amountMinor + request.amountMinor > total + overchargeAllowance(total, request.currency)) {
    throw new SandboxError(400, "TransactionAmountExceeded", `The authorization amount exceeds the amount allowed for OrderReference ${oro.id}.`);
  }
  if (active.count >= MAX_AUTHORIZATIONS_PER_ORDER) {
    throw new SandboxError(400, "TransactionCountExceeded", `The maximum number of authorizations for OrderReference ${oro.id} has been reached.`);
  }
  const simulation = parseSimulation(request.note, "Authorization", !ctx.live);
  const now = ctx.store.clock.now();
  const auth: Authorization = {
    kind: "Authorization",
    id: generateChildId(oro.id, "A"),
    sellerId: ctx.seller.sellerId,
    orderReferenceId: oro.id,
    referenceId: request.referenceId,
    amount: { minor: request.amountMinor, currency: request.currency },
    capturedMinor: 0,
    note: request.note,
    softDescriptor: request.softDescriptor,
    captureNow: request.captureNow,
    transactionTimeout: request.transactionTimeout,
    status: { state: "Pending", lastUpdate: now },
    createdAt: now,
    expiresAt: now + ctx.store.timing.authorizationLifetimeMs,
    captureIds: [],
    fingerprint: fingerprintParams(ctx.params),
    billingAgreementId: ba?.id,
  };
  ctx.store.objects.set(auth.id, auth);
  ctx.store.referenceIds.set(`${ctx.seller.sellerId}|${auth.referenceId}`, auth.id);
  oro.authorizationIds.push(auth.id);
  if (ba) {
    const key = new Date(now).toISOString().slice(0, 7);
    ba.authorizedByMonth[key] = (ba.authorizedByMonth[key] ?? 0) + auth.amount.minor;
  }
  if (auth.transactionTimeout === 0) settleAuthorization(ctx.store, auth, oro, simulation, ba);
  else {
    ctx.store.clock.schedule(ctx.store.timing.asyncAuthorizationMs, () => {
      if (auth.status.state === "Pending") settleAuthorization(ctx.store, auth, oro, simulation, ba);
    });
  }
  return auth;
}
