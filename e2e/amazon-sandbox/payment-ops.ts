import type { Capture, Refund } from "./types";
import type { Operation } from "./context";
import { fingerprintParams, readParam, requireParam, requireReferenceId } from "./context";
import { changeStatus, getAuthorization, getCapture, getOrderReference, getRefund } from "./store";
import { SandboxError } from "./errors";
import { generateChildId } from "./ids";
import { MAX_TRANSACTION_MINOR, overchargeAllowance, parseMoney } from "./money";
import { parseSimulation } from "./simulation";
import { completeCapture, createCapture, settleRefund } from "./lifecycle";
import { createAuthorization, findReplay, readAuthorizationRequest } from "./authorize-core";
import { renderAuthorization, renderCapture, renderRefund } from "./render";

const authorize: Operation = (ctx) => {
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonOrderReferenceId"));
  const request = readAuthorizationRequest(ctx);
  const replay = findReplay(ctx, request.referenceId, "Authorization", fingerprintParams(ctx.params));
  const auth = replay ?? createAuthorization(ctx, oro, request);
  return { result: renderAuthorization(auth, "api") };
};

const getAuthorizationDetails: Operation = (ctx) => {
  const auth = getAuthorization(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonAuthorizationId"));
  return { result: renderAuthorization(auth, "api") };
};

const closeAuthorization: Operation = (ctx) => {
  const auth = getAuthorization(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonAuthorizationId"));
  const reason = readParam(ctx, "ClosureReason", 255);
  const state = auth.status.state;
  if (state === "Closed") return { result: "" };
  if (state !== "Open" && state !== "Pending") {
    throw new SandboxError(400, "InvalidAuthorizationStatus", `Authorization ${auth.id} is in state ${state} and cannot be closed.`);
  }
  changeStatus(ctx.store, auth, "Closed", "SellerClosed", reason);
  return { result: "" };
};

const capture: Operation = (ctx) => {
  const auth = getAuthorization(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonAuthorizationId"));
  const referenceId = requireReferenceId(ctx, "CaptureReferenceId");
  const money = parseMoney(
    requireParam(ctx, "CaptureAmount.Amount"),
    requireParam(ctx, "CaptureAmount.CurrencyCode"),
    "CaptureAmount.Amount",
    "CaptureAmount.CurrencyCode",
    ctx.seller.region,
  );
  const note = readParam(ctx, "SellerCaptureNote", 255);
  const softDescriptor = readParam(ctx, "SoftDescriptor", 16);
  const fingerprint = fingerprintParams(ctx.params);
  const replay = findReplay(ctx, referenceId, "Capture", fingerprint);
  if (replay) return { result: renderCapture(replay, "api") };
  if (auth.status.state !== "Open" || auth.expiresAt <= ctx.store.clock.now()) {
    throw new SandboxError(400, "InvalidAuthorizationStatus", `Authorization ${auth.id} is in state ${auth.status.state} and cannot be captured.`);
  }
  if (money.currency !== auth.amount.currency)
    throw new SandboxError(400, "CurrencyMismatch", "The currency of the capture does not match the currency of the authorization.");
  if (money.minor > auth.amount.minor - auth.capturedMinor || money.minor > (MAX_TRANSACTION_MINOR[money.currency] ?? 0)) {
    throw new SandboxError(400, "TransactionAmountExceeded", `The capture amount exceeds the amount available on Authorization ${auth.id}.`);
  }
  const simulation = parseSimulation(note, "Capture", !ctx.live);
  const oro = getOrderReference(ctx.store, ctx.seller.sellerId, auth.orderReferenceId);
  const created = createCapture(ctx.store, auth, oro, { referenceId, amountMinor: money.minor, note, softDescriptor, fingerprint });
  if (simulation?.state === "Pending") {
    ctx.store.clock.schedule(ctx.store.timing.pendingCaptureMs, () => completeCapture(ctx.store, created, auth, oro, undefined));
  } else {
    completeCapture(ctx.store, created, auth, oro, simulation);
  }
  return { result: renderCapture(created, "api") };
};

const getCaptureDetails: Operation = (ctx) => {
  const found = getCapture(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonCaptureId"));
  return { result: renderCapture(found, "api") };
};

function sumPendingOrCompleted(ctx: Parameters<Operation>[0], captured: Capture): number {
  return captured.refundIds.reduce((sum, id) => {
    const refund = ctx.store.objects.get(id);
    return refund?.kind === "Refund" && refund.status.state !== "Declined" ? sum + refund.amount.minor : sum;
  }, 0);
}

const refund: Operation = (ctx) => {
  const captured = getCapture(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonCaptureId"));
  const referenceId = requireReferenceId(ctx, "RefundReferenceId");
  const money = parseMoney(
    requireParam(ctx, "RefundAmount.Amount"),
    requireParam(ctx, "RefundAmount.CurrencyCode"),
    "RefundAmount.Amount",
    "RefundAmount.CurrencyCode",
    ctx.seller.region,
  );
  const note = readParam(ctx, "SellerRefundNote", 255);
  const softDescriptor = readParam(ctx, "SoftDescriptor", 16);
  const fingerprint = fingerprintParams(ctx.params);
  const replay = findReplay(ctx, referenceId, "Refund", fingerprint);
  if (replay) return { result: renderRefund(replay, "api") };
  if (captured.status.state !== "Completed") {
    throw new SandboxError(405, "CaptureNotRefundable", `Capture ${captured.id} is in state ${captured.status.state} and cannot be refunded.`);
  }
  if (money.currency !== captured.amount.currency)
    throw new SandboxError(400, "CurrencyMismatch", "The currency of the refund does not match the currency of the capture.");
  const limit = captured.amount.minor + overchargeAllowance(captured.amount.minor, money.currency);
  if (money.minor > (MAX_TRANSACTION_MINOR[money.currency] ?? 0) || sumPendingOrCompleted(ctx, captured) + money.minor > limit) {
    throw new SandboxError(400, "TransactionAmountExceeded", `The refund amount exceeds the amount refundable on Capture ${captured.id}.`);
  }
  const simulation = parseSimulation(note, "Refund", !ctx.live);
  const now = ctx.store.clock.now();
  const created: Refund = {
    kind: "Refund",
    id: generateChildId(captured.orderReferenceId, "R"),
    sellerId: ctx.seller.sellerId,
    captureId: captured.id,
    referenceId,
    amount: money,
    note,
    softDescriptor,
    status: { state: "Pending", lastUpdate: now },
    createdAt: now,
    fingerprint,
  };
  ctx.store.objects.set(created.id, created);
  ctx.store.referenceIds.set(`${ctx.seller.sellerId}|${referenceId}`, created.id);
  captured.refundIds.push(created.id);
  ctx.store.clock.schedule(ctx.store.timing.refundMs, () => settleRefund(ctx.store, created, captured, simulation));
  return { result: renderRefund(created, "api") };
};

const getRefundDetails: Operation = (ctx) => {
  const found = getRefund(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonRefundId"));
  return { result: renderRefund(found, "api") };
};

export const PAYMENT_OPERATIONS: Record<string, Operation> = {
  Authorize: authorize,
  GetAuthorizationDetails: getAuthorizationDetails,
  CloseAuthorization: closeAuthorization,
  Capture: capture,
  GetCaptureDetails: getCaptureDetails,
  Refund: refund,
  GetRefundDetails: getRefundDetails,
};
