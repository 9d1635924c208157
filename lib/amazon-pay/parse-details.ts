import { parseMoney } from "./amounts";
import { getBoolean, getNode, getNodes, getText, getTexts, type XmlNode } from "./xml";
import type {
  Address,
  AuthorizationDetails,
  BillingAgreementDetails,
  Buyer,
  CaptureDetails,
  Constraint,
  Money,
  OrderReferenceDetails,
  RefundDetails,
  SellerOrderAttributes,
  Status,
} from "./types";

/** Thrown by the detail parsers when a required element is missing or an amount is not exact. */
export class MalformedXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedXmlError";
  }
}

function requireText(node: XmlNode, name: string, context: string): string {
  const value = getText(node, name);
  if (value === undefined) throw new MalformedXmlError(`${context}: missing ${name}`);
  return value;
}

export function parseMoneyElement(node: XmlNode | undefined, name: string): Money | undefined {
  const element = getNode(node, name);
  if (!element) return undefined;
  const amount = getText(element, "Amount");
  const currency = getText(element, "CurrencyCode");
  if (amount === undefined || currency === undefined) return undefined;
  const money = parseMoney(amount, currency);
  if (!money) throw new MalformedXmlError(`${name}: amount "${amount}" is not an exact ${currency} amount`);
  return money;
}

export function parseStatusElement(node: XmlNode | undefined, name: string): Status {
  const element = getNode(node, name);
  if (!element) throw new MalformedXmlError(`missing ${name}`);
  return {
    state: requireText(element, "State", name),
    // Billing agreements say LastUpdatedTimestamp in API responses, LastUpdateTimestamp in IPNs.
    lastUpdateTimestamp: getText(element, "LastUpdateTimestamp") ?? getText(element, "LastUpdatedTimestamp"),
    reasonCode: getText(element, "ReasonCode"),
    reasonDescription: getText(element, "ReasonDescription"),
  };
}

/** `IdList` holds `<member>` in API responses and `<Id>` in IPNs. */
export function parseIdList(node: XmlNode | undefined): string[] {
  const list = getNode(node, "IdList");
  return [...getTexts(list, "member"), ...getTexts(list, "Id")];
}

const ADDRESS_FIELDS: readonly [keyof Address, string][] = [
  ["name", "Name"],
  ["addressLine1", "AddressLine1"],
  ["addressLine2", "AddressLine2"],
  ["addressLine3", "AddressLine3"],
  ["city", "City"],
  ["county", "County"],
  ["district", "District"],
  ["stateOrRegion", "StateOrRegion"],
  ["postalCode", "PostalCode"],
  ["countryCode", "CountryCode"],
  ["phone", "Phone"],
];

export function parseAddress(node: XmlNode | undefined): Address | undefined {
  if (!node) return undefined;
  const address: Address = {};
  for (const [key, element] of ADDRESS_FIELDS) {
    const value = getText(node, element);
    if (value !== undefined) address[key] = value;
  }
  return address;
}

function parseBuyer(node: XmlNode | undefined): Buyer | undefined {
  const buyer = getNode(node, "Buyer");
  if (!buyer) return undefined;
  return { name: getText(buyer, "Name"), email: getText(buyer, "Email"), phone: getText(buyer, "Phone") };
}

function parseConstraints(node: XmlNode | undefined): Constraint[] {
  const list = getNode(node, "Constraints");
  if (!list) return [];
  // Real responses wrap each entry in <Constraint>; one documented sample omits the wrapper.
  const entries = getNodes(list, "Constraint");
  const items = entries.length > 0 ? entries : [list];
  return items.flatMap((item) => {
    const constraintId = getText(item, "ConstraintID") ?? getText(item, "ConstraintId");
    return constraintId ? [{ constraintId, description: getText(item, "Description") }] : [];
  });
}

function parseOrderItemCategories(node: XmlNode | undefined): string[] {
  return getTexts(getNode(node, "OrderItemCategories"), "OrderItemCategory");
}

function parseSellerOrderAttributes(node: XmlNode | undefined): SellerOrderAttributes | undefined {
  const attrs = getNode(node, "SellerOrderAttributes");
  if (!attrs) return undefined;
  return {
    sellerId: getText(attrs, "SellerId"),
    sellerOrderId: getText(attrs, "SellerOrderId"),
    storeName: getText(attrs, "StoreName"),
    customInformation: getText(attrs, "CustomInformation"),
    supplementaryData: getText(attrs, "SupplementaryData"),
    orderItemCategories: parseOrderItemCategories(attrs),
  };
}

function parseDestination(node: XmlNode): { destinationType?: string; shippingAddress?: Address } {
  const destination = getNode(node, "Destination");
  return {
    destinationType: getText(destination, "DestinationType"),
    shippingAddress: parseAddress(getNode(destination, "PhysicalDestination")),
  };
}

function parseBillingAddress(node: XmlNode): Address | undefined {
  return parseAddress(getNode(getNode(node, "BillingAddress"), "PhysicalAddress"));
}

/** `OrderReferenceDetails` (API) or `OrderReference` (IPN). */
export function parseOrderReferenceDetails(node: XmlNode): OrderReferenceDetails {
  const descriptor = getNode(node, "PaymentDescriptor");
  const parent = getNode(node, "ParentDetails");
  const psp = getNode(node, "PaymentServiceProviderAttributes");
  return {
    amazonOrderReferenceId: requireText(node, "AmazonOrderReferenceId", "OrderReference"),
    status: parseStatusElement(node, "OrderReferenceStatus"),
    orderTotal: parseMoneyElement(node, "OrderTotal"),
    buyer: parseBuyer(node),
    sellerNote: getText(node, "SellerNote"),
    platformId: getText(node, "PlatformId"),
    ...parseDestination(node),
    billingAddress: parseBillingAddress(node),
    paymentDescriptor: descriptor && {
      name: getText(descriptor, "Name"),
      accountNumberTail: getText(descriptor, "AccountNumberTail"),
      fullDescriptor: getText(descriptor, "FullDescriptor"),
      useAmazonBalanceFirst: getBoolean(descriptor, "UseAmazonBalanceFirst"),
    },
    releaseEnvironment: getText(node, "ReleaseEnvironment"),
    sellerOrderAttributes: parseSellerOrderAttributes(node),
    constraints: parseConstraints(node),
    creationTimestamp: getText(node, "CreationTimestamp"),
    expirationTimestamp: getText(node, "ExpirationTimestamp"),
    parentDetails: parent && { id: getText(parent, "Id"), type: getText(parent, "Type") },
    authorizationIds: parseIdList(node),
    orderLanguage: getText(node, "OrderLanguage"),
    requestPaymentAuthorization: getBoolean(node, "RequestPaymentAuthorization"),
    paymentAuthenticationState: getText(getNode(node, "PaymentAuthenticationStatus"), "State"),
    paymentServiceProviderId: getText(psp, "PaymentServiceProviderId"),
    paymentServiceProviderOrderId: getText(psp, "PaymentServiceProviderOrderId"),
  };
}

export function parseAuthorizationDetails(node: XmlNode): AuthorizationDetails {
  return {
    amazonAuthorizationId: requireText(node, "AmazonAuthorizationId", "AuthorizationDetails"),
    authorizationReferenceId: requireText(node, "AuthorizationReferenceId", "AuthorizationDetails"),
    status: parseStatusElement(node, "AuthorizationStatus"),
    authorizationAmount: parseMoneyElement(node, "AuthorizationAmount"),
    capturedAmount: parseMoneyElement(node, "CapturedAmount"),
    authorizationFee: parseMoneyElement(node, "AuthorizationFee"),
    captureIds: parseIdList(node),
    sellerAuthorizationNote: getText(node, "SellerAuthorizationNote"),
    creationTimestamp: getText(node, "CreationTimestamp"),
    expirationTimestamp: getText(node, "ExpirationTimestamp"),
    captureNow: getBoolean(node, "CaptureNow"),
    softDecline: getBoolean(node, "SoftDecline"),
    softDescriptor: getText(node, "SoftDescriptor"),
    addressVerificationCode: getText(node, "AddressVerificationCode"),
    authorizationBillingAddress: parseAddress(getNode(node, "AuthorizationBillingAddress")),
    orderItemCategories: parseOrderItemCategories(node),
  };
}

export function parseCaptureDetails(node: XmlNode): CaptureDetails {
  return {
    amazonCaptureId: requireText(node, "AmazonCaptureId", "CaptureDetails"),
    captureReferenceId: requireText(node, "CaptureReferenceId", "CaptureDetails"),
    status: parseStatusElement(node, "CaptureStatus"),
    captureAmount: parseMoneyElement(node, "CaptureAmount"),
    refundedAmount: parseMoneyElement(node, "RefundedAmount"),
    captureFee: parseMoneyElement(node, "CaptureFee"),
    refundIds: parseIdList(node),
    sellerCaptureNote: getText(node, "SellerCaptureNote"),
    creationTimestamp: getText(node, "CreationTimestamp"),
    softDescriptor: getText(node, "SoftDescriptor"),
    convertedAmount: parseMoneyElement(node, "ConvertedAmount"),
    conversionRate: getText(node, "ConversionRate"),
  };
}

export function parseRefundDetails(node: XmlNode): RefundDetails {
  return {
    amazonRefundId: requireText(node, "AmazonRefundId", "RefundDetails"),
    refundReferenceId: requireText(node, "RefundReferenceId", "RefundDetails"),
    status: parseStatusElement(node, "RefundStatus"),
    refundType: getText(node, "RefundType"),
    refundAmount: parseMoneyElement(node, "RefundAmount"),
    feeRefunded: parseMoneyElement(node, "FeeRefunded"),
    sellerRefundNote: getText(node, "SellerRefundNote"),
    creationTimestamp: getText(node, "CreationTimestamp"),
    softDescriptor: getText(node, "SoftDescriptor"),
    convertedAmount: parseMoneyElement(node, "ConvertedAmount"),
    conversionRate: getText(node, "ConversionRate"),
  };
}

/** `BillingAgreementDetails` (API) or `BillingAgreement` (IPN). */
export function parseBillingAgreementDetails(node: XmlNode): BillingAgreementDetails {
  const limits = getNode(node, "BillingAgreementLimits");
  const sellerAttrs = getNode(node, "SellerBillingAgreementAttributes");
  return {
    amazonBillingAgreementId: requireText(node, "AmazonBillingAgreementId", "BillingAgreement"),
    status: parseStatusElement(node, "BillingAgreementStatus"),
    limits: limits && {
      amountLimitPerTimePeriod: parseMoneyElement(limits, "AmountLimitPerTimePeriod"),
      timePeriodStartDate: getText(limits, "TimePeriodStartDate"),
      timePeriodEndDate: getText(limits, "TimePeriodEndDate"),
      currentRemainingBalance: parseMoneyElement(limits, "CurrentRemainingBalance"),
    },
    buyer: parseBuyer(node),
    sellerNote: getText(node, "SellerNote"),
    platformId: getText(node, "PlatformId"),
    ...parseDestination(node),
    billingAddress: parseBillingAddress(node),
    releaseEnvironment: getText(node, "ReleaseEnvironment"),
    sellerBillingAgreementAttributes: sellerAttrs && {
      sellerId: getText(sellerAttrs, "SellerId"),
      sellerBillingAgreementId: getText(sellerAttrs, "SellerBillingAgreementId"),
      storeName: getText(sellerAttrs, "StoreName"),
      customInformation: getText(sellerAttrs, "CustomInformation"),
    },
    constraints: parseConstraints(node),
    creationTimestamp: getText(node, "CreationTimestamp"),
    expirationTimestamp: getText(node, "ExpirationTimestamp"),
    billingAgreementConsent: getBoolean(node, "BillingAgreementConsent"),
    orderLanguage: getText(node, "OrderLanguage"),
    subscriptionAmount: parseMoneyElement(node, "SubscriptionAmount"),
    billingAgreementType: getText(node, "BillingAgreementType"),
  };
}
