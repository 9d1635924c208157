import type { BillingAgreement, OrderReference } from "./types";
import type { Operation, OperationContext } from "./context";
import { fingerprintParams, readBoolean, readParam, requireParam } from "./context";
import { changeStatus, getBillingAgreement } from "./store";
import { SandboxError } from "./errors";
import { generateOrderReferenceId } from "./ids";
import { formatMinor, parseMoney } from "./money";
import { parseSimulation } from "./simulation";
import { computeBillingAgreementLimits, listBillingAgreementConstraints } from "./rules";
import { renderBillingAgreement, renderAuthorization } from "./render";
import { checkAccessToken } from "./tokens";
import { createAuthorization, findReplay, readAuthorizationRequest } from "./authorize-core";
import { scheduleOrderReferenceTimers } from "./lifecycle";
import { renderOrderReferenceResult } from "./order-reference-ops";
import { text } from "./xml";

function renderResult(ctx: OperationContext, ba: BillingAgreement, reveal = false): string {
  return renderBillingAgreement(ba, { flavour: "api", reveal, now: ctx.store.clock.now(), live: ctx.live });
}

function invalidStatus(ba: BillingAgreement, action: string): SandboxError {
  return new SandboxError(400, "InvalidBillingAgreementStatus", `BillingAgreement ${ba.id} is in state ${ba.status.state} and cannot accept ${action}.`);
}

function load(ctx: OperationContext): BillingAgreement {
  return getBillingAgreement(ctx.store, ctx.seller.sellerId, requireParam(ctx, "AmazonBillingAgreementId"));
}

const getBillingAgreementDetails: Operation = (ctx) => {
  const ba = load(ctx);
  return { result: renderResult(ctx, ba, checkAccessToken(ctx, ba.id)) };
};

const setBillingAgreementDetails: Operation = (ctx) => {
  const ba = load(ctx);
  if (ba.status.state !== "Draft") {
    throw new SandboxError(
      405,
      "BillingAgreementNotModifiable",
      `BillingAgreement ${ba.id} is not in draft state and cannot be modified with the request submitted by you.`,
    );
  }
  const prefix = "BillingAgreementAttributes.";
  const note = readParam(ctx, `${prefix}SellerNote`, 1024);
  if (note !== undefined) {
    ba.simulatedConstraint = parseSimulation(note, "BillingAgreementNote", !ctx.live)?.constraint;
    ba.sellerNote = note;
  }
  ba.platformId = readParam(ctx, `${prefix}PlatformId`) ?? ba.platformId;
  const attributes = ba.sellerAttributes;
  const base = `${prefix}SellerBillingAgreementAttributes.`;
  attributes.SellerBillingAgreementId = readParam(ctx, `${base}SellerBillingAgreementId`) ?? attributes.SellerBillingAgreementId;
  attributes.StoreName = readParam(ctx, `${base}StoreName`) ?? attributes.StoreName;
  attributes.CustomInformation = readParam(ctx, `${base}CustomInformation`) ?? attributes.CustomInformation;
  const type = readParam(ctx, `${prefix}BillingAgreementType`);
  if (type !== undefined && type !== "CustomerInitiatedTransaction" && type !== "MerchantInitiatedTransaction") {
    throw SandboxError.invalidValue(type, `${prefix}BillingAgreementType`);
  }
  ba.billingAgreementType = type ?? ba.billingAgreementType;
  return { result: renderResult(ctx, ba) };
};

const confirmBillingAgreement: Operation = (ctx) => {
  const ba = load(ctx);
  // Re-confirming an Open BA is how a merchant accepts buyer edits (§4.18).
  if (ba.status.state !== "Draft" && ba.status.state !== "Open") throw invalidStatus(ba, "ConfirmBillingAgreement");
  const constraints = listBillingAgreementConstraints(ba);
  if (constraints.length > 0) {
    throw new SandboxError(
      400,
      "BillingAgreementConstraintsExist",
      `The BillingAgreement ${ba.id} has the following constraints: ${constraints.map((c) => c.id).join(", ")}.`,
    );
  }
  if (ba.status.state === "Draft") changeStatus(ctx.store, ba, "Open");
  return { result: "" };
};

const validateBillingAgreement: Operation = (ctx) => {
  const ba = load(ctx);
  if (ba.status.state !== "Open" && ba.status.state !== "Suspended") throw invalidStatus(ba, "ValidateBillingAgreement");
  const success = ba.status.state === "Open";
  return {
    result:
      text("ValidationResult", success ? "Success" : "Failure") +
      (success ? "" : text("FailureReasonCode", "InvalidPaymentMethod")) +
      `<BillingAgreementStatus>${text("State", ba.status.state)}${text("LastUpdatedTimestamp", new Date(ba.status.lastUpdate ?? ba.createdAt).toISOString())}${ba.status.reasonCode ? text("ReasonCode", ba.status.reasonCode) : ""}</BillingAgreementStatus>`,
  };
};

function createChildOrderReference(ctx: OperationContext, ba: BillingAgreement, inheritAddress: boolean): OrderReference {
  const now = ctx.store.clock.now();
  const oro: OrderReference = {
    kind: "OrderReference",
    id: generateOrderReferenceId(ctx.seller.region, ctx.live),
    sellerId: ba.sellerId,
    status: { state: "Draft" },
    sellerOrder: {},
    buyer: ba.buyer,
    address: inheritAddress ? ba.address : {},
    createdAt: now,
    authorizationIds: [],
    parentBillingAgreementId: ba.id,
    expectImmediateAuthorization: false,
  };
  ctx.store.objects.set(oro.id, oro);
  ba.orderReferenceIds.push(oro.id);
  scheduleOrderReferenceTimers(ctx.store, oro);
  return oro;
}

const authorizeOnBillingAgreement: Operation = (ctx) => {
  const ba = load(ctx);
  const request = readAuthorizationRequest(ctx);
  const replay = findReplay(ctx, request.referenceId, "Authorization", fingerprintParams(ctx.params));
  if (replay) return { result: renderAuthorization(replay, "api") + text("AmazonOrderReferenceId", replay.orderReferenceId) };
  if (ba.status.state !== "Open") throw invalidStatus(ba, "AuthorizeOnBillingAgreement");
  const limits = computeBillingAgreementLimits(ba, ctx.store.clock.now());
  if (request.amountMinor > limits.remainingMinor) {
    const used = formatMinor(limits.limitMinor - limits.remainingMinor, limits.currency);
    throw new SandboxError(
      400,
      "PeriodicAmountExceeded",
      `BillingAgreement ${ba.id} has already been authorized for amount ${used} in time period ${limits.start} - ${limits.end}. A new authorization with amount ${formatMinor(request.amountMinor, request.currency)} cannot be accepted as the total authorization amount cannot exceed ${formatMinor(limits.limitMinor, limits.currency)}.`,
    );
  }
  const oro = createChildOrderReference(ctx, ba, readBoolean(ctx, "InheritShippingAddress", true));
  oro.orderTotal = { minor: request.amountMinor, currency: request.currency };
  oro.sellerNote = readParam(ctx, "SellerNote", 1024);
  oro.platformId = readParam(ctx, "PlatformId");
  oro.sellerOrder = {
    SellerOrderId: readParam(ctx, "SellerOrderAttributes.SellerOrderId"),
    StoreName: readParam(ctx, "SellerOrderAttributes.StoreName"),
    CustomInformation: readParam(ctx, "SellerOrderAttributes.CustomInformation"),
    SupplementaryData: readParam(ctx, "SellerOrderAttributes.SupplementaryData"),
  };
  // The ORO is born Open and closed right after the authorization (observed reason MaxAuthorizationsProcessed).
  oro.status = { state: "Open", lastUpdate: ctx.store.clock.now() };
  const auth = createAuthorization(ctx, oro, request, ba);
  changeStatus(ctx.store, oro, "Closed", "MaxAuthorizationsProcessed");
  return { result: renderAuthorization(auth, "api") + text("AmazonOrderReferenceId", oro.id) };
};

const closeBillingAgreement: Operation = (ctx) => {
  const ba = load(ctx);
  const reason = readParam(ctx, "ClosureReason", 1024);
  const simulation = parseSimulation(reason, "BillingAgreementClose", !ctx.live);
  if (ba.status.state === "Closed") return { result: "" };
  if (ba.status.state === "Canceled") throw invalidStatus(ba, "CloseBillingAgreement");
  if (simulation) changeStatus(ctx.store, ba, "Closed", "AmazonClosed");
  else changeStatus(ctx.store, ba, "Closed", "SellerClosed", reason);
  return { result: "" };
};

const createOrderReferenceForId: Operation = (ctx) => {
  const id = requireParam(ctx, "Id");
  const idType = requireParam(ctx, "IdType");
  if (idType !== "BillingAgreement") throw SandboxError.invalidValue(idType, "IdType");
  const ba = getBillingAgreement(ctx.store, ctx.seller.sellerId, id);
  const confirmNow = readBoolean(ctx, "ConfirmNow", false);
  const inherit = readBoolean(ctx, "InheritShippingAddress", true);
  if (ba.status.state === "Draft" && ba.orderReferenceIds.length > 0) {
    throw new SandboxError(
      400,
      "OrderReferenceCountExceeded",
      `Only one OrderReference can be created for BillingAgreement ${ba.id} while it is in Draft state.`,
    );
  }
  if (ba.status.state !== "Draft" && ba.status.state !== "Open") throw invalidStatus(ba, "CreateOrderReferenceForId");
  const prefix = "OrderReferenceAttributes.";
  const amount = readParam(ctx, `${prefix}OrderTotal.Amount`);
  const currency = readParam(ctx, `${prefix}OrderTotal.CurrencyCode`);
  if (confirmNow && amount === undefined) throw SandboxError.missing(`${prefix}OrderTotal.Amount`);
  if (confirmNow && currency === undefined) throw SandboxError.missing(`${prefix}OrderTotal.CurrencyCode`);
  const total =
    amount !== undefined ? parseMoney(amount, currency ?? "", `${prefix}OrderTotal.Amount`, `${prefix}OrderTotal.CurrencyCode`, ctx.seller.region) : undefined;
  const oro = createChildOrderReference(ctx, ba, inherit);
  oro.orderTotal = total;
  oro.sellerNote = readParam(ctx, `${prefix}SellerNote`, 1024);
  oro.platformId = readParam(ctx, `${prefix}PlatformId`);
  oro.sellerOrder = {
    SellerOrderId: readParam(ctx, `${prefix}SellerOrderAttributes.SellerOrderId`),
    StoreName: readParam(ctx, `${prefix}SellerOrderAttributes.StoreName`),
    CustomInformation: readParam(ctx, `${prefix}SellerOrderAttributes.CustomInformation`),
    SupplementaryData: readParam(ctx, `${prefix}SellerOrderAttributes.SupplementaryData`) ?? readParam(ctx, `${prefix}SupplementaryData`),
  };
  if (confirmNow) changeStatus(ctx.store, oro, "Open");
  return { result: renderOrderReferenceResult(ctx, oro) };
};

export const BILLING_AGREEMENT_OPERATIONS: Record<string, Operation> = {
  GetBillingAgreementDetails: getBillingAgreementDetails,
  SetBillingAgreementDetails: setBillingAgreementDetails,
  ConfirmBillingAgreement: confirmBillingAgreement,
  ValidateBillingAgreement: validateBillingAgreement,
  AuthorizeOnBillingAgreement: authorizeOnBillingAgreement,
  CloseBillingAgreement: closeBillingAgreement,
  CreateOrderReferenceForId: createOrderReferenceForId,
};
