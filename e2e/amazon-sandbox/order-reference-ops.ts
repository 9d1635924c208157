import type { OrderReference } from "./types";
import type { Operation, OperationContext } from "./context";
import { readBoolean, readParam, requireParam } from "./context";
import { changeStatus, getOrderReference } from "./store";
import { SandboxError } from "./errors";
import { MAX_TRANSACTION_MINOR, parseMoney } from "./money";
import { parseSimulation } from "./simulation";
import { listOrderReferenceConstraints, ORDER_REFERENCE_LIFETIME_MS } from "./rules";
import { renderOrderReference } from "./render";
import { checkAccessToken } from "./tokens";
import { closeOpenAuthorizations, hasUncancelableCapture } from "./lifecycle";

const IMMEDIATE_AUTHORIZATION_WINDOW_MS = 60 * 60 * 1000;

export function renderOrderReferenceResult(ctx: OperationContext, oro: OrderReference, reveal = false): string {
  return renderOrderReference(oro, { flavour: "api", reveal, expirationMs: ORDER_REFERENCE_LIFETIME_MS, live: ctx.live });
}

function notModifiable(oro: OrderReference): SandboxError {
  return new SandboxError(
    405,
    "OrderReferenceNotModifiable",
    `OrderReference ${oro.id} is not in draft state and cannot be modified with the request submitted by you.`,
  );
}

function invalidStatus(oro: OrderReference, action: string): SandboxError {
  return new SandboxError(400, "InvalidOrderReferenceStatus", `OrderReference ${oro.id} is in state ${oro.status.state} and cannot accept ${action}.`);
}

const getOrderReferenceDetails: Operation = (ctx) => {
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonOrderReferenceId"));
  const reveal = checkAccessToken(ctx, oro.id);
  return { result: renderOrderReferenceResult(ctx, oro, reveal) };
};

/** Reads `{prefix}OrderTotal.*`, seller note and seller order attributes into the ORO. */
function applyAttributes(ctx: OperationContext, oro: OrderReference, prefix: string, additiveOnly: boolean): void {
  const amount = readParam(ctx, `${prefix}OrderTotal.Amount`);
  const currency = readParam(ctx, `${prefix}OrderTotal.CurrencyCode`);
  if (amount !== undefined || currency !== undefined) {
    if (additiveOnly) throw notModifiable(oro);
    if (amount === undefined) throw SandboxError.missing(`${prefix}OrderTotal.Amount`);
    if (currency === undefined) throw SandboxError.missing(`${prefix}OrderTotal.CurrencyCode`);
    const total = parseMoney(amount, currency, `${prefix}OrderTotal.Amount`, `${prefix}OrderTotal.CurrencyCode`, ctx.seller.region);
    if (total.minor > (MAX_TRANSACTION_MINOR[total.currency] ?? 0))
      throw new SandboxError(400, "TransactionAmountExceeded", "The OrderTotal exceeds the maximum allowed amount.");
    oro.orderTotal = total;
  }
  // After confirmation a value may be filled in once, never changed (§4.3).
  const assign = (current: string | undefined, next: string | undefined): string | undefined => {
    if (next === undefined) return current;
    if (additiveOnly && current !== undefined && current !== next) throw notModifiable(oro);
    return next;
  };
  const note = readParam(ctx, `${prefix}SellerNote`, 1024);
  if (note !== undefined && !additiveOnly) {
    const simulation = parseSimulation(note, "OrderReferenceNote", !ctx.live);
    oro.simulatedConstraint = simulation?.constraint;
  }
  oro.sellerNote = assign(oro.sellerNote, note);
  oro.platformId = assign(oro.platformId, readParam(ctx, `${prefix}PlatformId`));
  const seller = oro.sellerOrder;
  const base = `${prefix}SellerOrderAttributes.`;
  seller.SellerOrderId = assign(seller.SellerOrderId, readParam(ctx, `${base}SellerOrderId`));
  seller.StoreName = assign(seller.StoreName, readParam(ctx, `${base}StoreName`));
  seller.CustomInformation = assign(seller.CustomInformation, readParam(ctx, `${base}CustomInformation`));
  seller.SupplementaryData = assign(seller.SupplementaryData, readParam(ctx, `${base}SupplementaryData`) ?? readParam(ctx, `${prefix}SupplementaryData`));
  readBoolean(ctx, `${prefix}RequestPaymentAuthorization`, false);
}

const setOrderReferenceDetails: Operation = (ctx) => {
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonOrderReferenceId"));
  requireParam(ctx, "OrderReferenceAttributes.OrderTotal.Amount");
  requireParam(ctx, "OrderReferenceAttributes.OrderTotal.CurrencyCode");
  if (oro.status.state !== "Draft") throw notModifiable(oro);
  applyAttributes(ctx, oro, "OrderReferenceAttributes.", false);
  return { result: renderOrderReferenceResult(ctx, oro) };
};

const setOrderAttributes: Operation = (ctx) => {
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonOrderReferenceId"));
  const state = oro.status.state;
  if (state === "Canceled" || state === "Closed") throw notModifiable(oro);
  applyAttributes(ctx, oro, "OrderAttributes.", state !== "Draft");
  return { result: renderOrderReferenceResult(ctx, oro) };
};

const confirmOrderReference: Operation = (ctx) => {
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonOrderReferenceId"));
  if (oro.status.state !== "Draft") throw invalidStatus(oro, "ConfirmOrderReference");
  const authAmount = readParam(ctx, "AuthorizationAmount.Amount");
  const authCurrency = readParam(ctx, "AuthorizationAmount.CurrencyCode");
  if (authAmount !== undefined && authAmount !== "0") {
    parseMoney(authAmount, authCurrency ?? "", "AuthorizationAmount.Amount", "AuthorizationAmount.CurrencyCode", ctx.seller.region);
  }
  const expectImmediate = readBoolean(ctx, "ExpectImmediateAuthorization", false);
  const constraints = listOrderReferenceConstraints(oro);
  if (constraints.length > 0) {
    throw new SandboxError(400, "ConstraintsExist", `The OrderReference ${oro.id} has the following constraints: ${constraints.map((c) => c.id).join(", ")}.`);
  }
  oro.expectImmediateAuthorization = expectImmediate;
  changeStatus(ctx.store, oro, "Open");
  if (expectImmediate) {
    ctx.store.clock.schedule(IMMEDIATE_AUTHORIZATION_WINDOW_MS, () => {
      if (oro.status.state === "Open" && oro.authorizationIds.length === 0) {
        changeStatus(ctx.store, oro, "Closed", "AmazonClosed", "No authorization was requested within 60 minutes of confirmation.");
      }
    });
  }
  return { result: undefined };
};

const cancelOrderReference: Operation = (ctx) => {
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonOrderReferenceId"));
  const reason = readParam(ctx, "CancelationReason", 1024);
  if (oro.status.state === "Canceled" || oro.status.state === "Closed") throw invalidStatus(oro, "CancelOrderReference");
  if (hasUncancelableCapture(ctx.store, oro)) {
    throw new SandboxError(400, "InvalidCancelAttempt", `OrderReference ${oro.id} has captures and cannot be canceled.`);
  }
  changeStatus(ctx.store, oro, "Canceled", "SellerCanceled", reason);
  closeOpenAuthorizations(ctx.store, oro, "OrderReferenceCanceled");
  return { result: "" };
};

const closeOrderReference: Operation = (ctx) => {
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonOrderReferenceId"));
  const reason = readParam(ctx, "ClosureReason", 1024);
  const simulation = parseSimulation(reason, "OrderReferenceClose", !ctx.live);
  const state = oro.status.state;
  if (state === "Closed") return { result: undefined };
  if (state !== "Open" && state !== "Suspended") throw invalidStatus(oro, "CloseOrderReference");
  if (simulation) changeStatus(ctx.store, oro, "Closed", "AmazonClosed");
  else changeStatus(ctx.store, oro, "Closed", "SellerClosed", reason);
  return { result: undefined };
};

export const ORDER_REFERENCE_OPERATIONS: Record<string, Operation> = {
  GetOrderReferenceDetails: getOrderReferenceDetails,
  SetOrderReferenceDetails: setOrderReferenceDetails,
  SetOrderAttributes: setOrderAttributes,
  ConfirmOrderReference: confirmOrderReference,
  CancelOrderReference: cancelOrderReference,
  CloseOrderReference: closeOrderReference,
};
