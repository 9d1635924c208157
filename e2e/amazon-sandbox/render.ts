import type { Address, Authorization, BillingAgreement, Capture, Money, OrderReference, Refund, Status } from "./types";
import { element, escapeXml, optionalText, text } from "./xml";
import { formatTimestamp } from "./clock";
import { formatMinor } from "./money";
import { computeBillingAgreementLimits, listOrderReferenceConstraints, listBillingAgreementConstraints } from "./rules";

/** API responses and IPN payloads differ in small ways (§8.6): IdList children, BA timestamp name, SellerId. */
export type Flavour = "api" | "ipn";

export function renderPrice(name: string, money: Money): string {
  return element(name, text("Amount", formatMinor(money.minor, money.currency)), text("CurrencyCode", money.currency));
}

function renderStatus(name: string, status: Status, timestampName = "LastUpdateTimestamp"): string {
  return element(
    name,
    text("State", status.state),
    status.lastUpdate === undefined ? "" : text(timestampName, formatTimestamp(status.lastUpdate)),
    optionalText("ReasonCode", status.reasonCode),
    optionalText("ReasonDescription", status.reasonDescription),
  );
}

function renderIdList(ids: string[], flavour: Flavour): string {
  const child = flavour === "api" ? "member" : "Id";
  return element("IdList", ...ids.map((id) => text(child, id)));
}

const ADDRESS_FIELDS = [
  "Name",
  "AddressLine1",
  "AddressLine2",
  "AddressLine3",
  "City",
  "County",
  "District",
  "StateOrRegion",
  "PostalCode",
  "CountryCode",
  "Phone",
] as const;
const PARTIAL_ADDRESS_FIELDS = new Set(["City", "StateOrRegion", "PostalCode", "CountryCode"]);

/** Before confirmation and without a token only City/State/PostalCode/Country are revealed (§4.1). */
function renderAddress(address: Address, full: boolean): string {
  return ADDRESS_FIELDS.filter((field) => full || PARTIAL_ADDRESS_FIELDS.has(field))
    .map((field) => optionalText(field, address[field]))
    .join("");
}

function renderDestination(address: Address, full: boolean): string {
  return element("Destination", text("DestinationType", "Physical"), element("PhysicalDestination", renderAddress(address, full)));
}

function renderConstraints(constraints: Array<{ id: string; description: string }>): string {
  if (constraints.length === 0) return "";
  return element("Constraints", ...constraints.map((c) => element("Constraint", text("ConstraintID", c.id), text("Description", c.description))));
}

const PAYMENT_DESCRIPTOR = element(
  "PaymentDescriptor",
  text("Name", "Visa"),
  text("AccountNumberTail", "11"),
  text("FullDescriptor", "Amazon Pay (Visa **11)"),
  text("UseAmazonBalanceFirst", false),
);

export function renderOrderReference(oro: OrderReference, options: { flavour: Flavour; reveal: boolean; expirationMs: number; live: boolean }): string {
  const seller = oro.sellerOrder;
  const sellerAttributes = element(
    "SellerOrderAttributes",
    options.flavour === "ipn" ? text("SellerId", oro.sellerId) : "",
    optionalText("SellerOrderId", seller.SellerOrderId),
    optionalText("StoreName", seller.StoreName),
    optionalText("CustomInformation", seller.CustomInformation),
    optionalText("SupplementaryData", seller.SupplementaryData),
  );
  const status = renderStatus("OrderReferenceStatus", oro.status);
  const created = text("CreationTimestamp", formatTimestamp(oro.createdAt));
  const expires = text("ExpirationTimestamp", formatTimestamp(oro.createdAt + options.expirationMs));
  if (options.flavour === "ipn") {
    return element(
      "OrderReference",
      text("AmazonOrderReferenceId", oro.id),
      oro.orderTotal ? renderPrice("OrderTotal", oro.orderTotal) : "",
      sellerAttributes,
      status,
      created,
      expires,
    );
  }
  const confirmed = oro.status.state !== "Draft";
  const full = confirmed || options.reveal;
  return element(
    "OrderReferenceDetails",
    text("AmazonOrderReferenceId", oro.id),
    confirmed || options.reveal ? element("Buyer", text("Name", oro.buyer.name), text("Email", oro.buyer.email), optionalText("Phone", oro.buyer.phone)) : "",
    oro.orderTotal ? renderPrice("OrderTotal", oro.orderTotal) : "",
    optionalText("SellerNote", oro.sellerNote),
    optionalText("PlatformId", oro.platformId),
    renderDestination(oro.address, full),
    options.reveal ? PAYMENT_DESCRIPTOR : "",
    full ? element("BillingAddress", text("AddressType", "Physical"), element("PhysicalAddress", renderAddress(oro.address, true))) : "",
    text("ReleaseEnvironment", options.live ? "Live" : "Sandbox"),
    sellerAttributes,
    status,
    renderConstraints(oro.status.state === "Draft" ? listOrderReferenceConstraints(oro) : []),
    created,
    expires,
    oro.parentBillingAgreementId ? element("ParentDetails", text("Id", oro.parentBillingAgreementId), text("Type", "BillingAgreement")) : "",
    renderIdList(oro.authorizationIds, "api"),
    text("RequestPaymentAuthorization", false),
  );
}

export function renderAuthorization(auth: Authorization, flavour: Flavour): string {
  return element(
    "AuthorizationDetails",
    text("AmazonAuthorizationId", auth.id),
    text("AuthorizationReferenceId", auth.referenceId),
    flavour === "api" ? element("SellerAuthorizationNote", auth.note ? escapeXml(auth.note) : "") : "",
    renderPrice("AuthorizationAmount", auth.amount),
    renderPrice("CapturedAmount", { minor: auth.capturedMinor, currency: auth.amount.currency }),
    renderPrice("AuthorizationFee", { minor: 0, currency: auth.amount.currency }),
    renderIdList(auth.captureIds, flavour),
    text("CreationTimestamp", formatTimestamp(auth.createdAt)),
    text("ExpirationTimestamp", formatTimestamp(auth.expiresAt)),
    renderStatus("AuthorizationStatus", auth.status),
    auth.softDecline === undefined ? "" : text("SoftDecline", auth.softDecline),
    element("OrderItemCategories"),
    text("CaptureNow", auth.captureNow),
    text("SoftDescriptor", `AMZ*${auth.softDescriptor ?? "MID Console"}`),
  );
}

export function renderCapture(capture: Capture, flavour: Flavour): string {
  return element(
    "CaptureDetails",
    text("AmazonCaptureId", capture.id),
    text("CaptureReferenceId", capture.referenceId),
    flavour === "api" ? element("SellerCaptureNote", capture.note ? escapeXml(capture.note) : "") : "",
    renderPrice("CaptureAmount", capture.amount),
    renderPrice("RefundedAmount", { minor: capture.refundedMinor, currency: capture.amount.currency }),
    renderPrice("CaptureFee", { minor: 0, currency: capture.amount.currency }),
    renderIdList(capture.refundIds, flavour),
    text("CreationTimestamp", formatTimestamp(capture.createdAt)),
    renderStatus("CaptureStatus", capture.status),
    text("SoftDescriptor", `AMZ*${capture.softDescriptor ?? "MID Console"}`),
  );
}

export function renderRefund(refund: Refund, flavour: Flavour): string {
  return element(
    "RefundDetails",
    text("AmazonRefundId", refund.id),
    text("RefundReferenceId", refund.referenceId),
    flavour === "api" ? element("SellerRefundNote", refund.note ? escapeXml(refund.note) : "") : "",
    text("RefundType", "SellerInitiated"),
    renderPrice("RefundAmount", refund.amount),
    renderPrice("FeeRefunded", { minor: 0, currency: refund.amount.currency }),
    text("CreationTimestamp", formatTimestamp(refund.createdAt)),
    renderStatus("RefundStatus", refund.status),
    text("SoftDescriptor", `AMZ*${refund.softDescriptor ?? "MID Console"}`),
  );
}

export function renderBillingAgreement(ba: BillingAgreement, options: { flavour: Flavour; reveal: boolean; now: number; live: boolean }): string {
  const limits = computeBillingAgreementLimits(ba, options.now);
  const limitsXml = element(
    "BillingAgreementLimits",
    renderPrice("AmountLimitPerTimePeriod", { minor: limits.limitMinor, currency: limits.currency }),
    text("TimePeriodStartDate", limits.start),
    text("TimePeriodEndDate", limits.end),
    renderPrice("CurrentRemainingBalance", { minor: limits.remainingMinor, currency: limits.currency }),
  );
  const attributes = ba.sellerAttributes;
  const sellerAttributes = element(
    "SellerBillingAgreementAttributes",
    options.flavour === "ipn" ? text("SellerId", ba.sellerId) : "",
    optionalText("SellerBillingAgreementId", attributes.SellerBillingAgreementId),
    optionalText("StoreName", attributes.StoreName),
    optionalText("CustomInformation", attributes.CustomInformation),
  );
  const statusName = options.flavour === "api" ? "LastUpdatedTimestamp" : "LastUpdateTimestamp";
  const status = renderStatus("BillingAgreementStatus", ba.status, statusName);
  const created = text("CreationTimestamp", formatTimestamp(ba.createdAt));
  if (options.flavour === "ipn") {
    return element(
      "BillingAgreement",
      text("AmazonBillingAgreementId", ba.id),
      sellerAttributes,
      status,
      created,
      limitsXml,
      text("BillingAgreementConsent", ba.consent),
    );
  }
  const full = ba.status.state !== "Draft" || options.reveal;
  return element(
    "BillingAgreementDetails",
    text("AmazonBillingAgreementId", ba.id),
    limitsXml,
    full ? element("Buyer", text("Name", ba.buyer.name), text("Email", ba.buyer.email), optionalText("Phone", ba.buyer.phone)) : "",
    optionalText("SellerNote", ba.sellerNote),
    optionalText("PlatformId", ba.platformId),
    renderDestination(ba.address, full),
    full ? element("BillingAddress", text("AddressType", "Physical"), element("PhysicalAddress", renderAddress(ba.address, true))) : "",
    text("ReleaseEnvironment", options.live ? "Live" : "Sandbox"),
    sellerAttributes,
    status,
    renderConstraints(ba.status.state === "Draft" ? listBillingAgreementConstraints(ba) : []),
    created,
    text("BillingAgreementConsent", ba.consent),
    optionalText("BillingAgreementType", ba.billingAgreementType),
  );
}
