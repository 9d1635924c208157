/** Public data types of the Amazon Pay client. Amounts are integers in minor units. */

export type Region = "US" | "UK" | "DE" | "JP";

export type Money = { amountMinor: number; currency: string };

export type Status = {
  state: string;
  lastUpdateTimestamp?: string;
  reasonCode?: string;
  reasonDescription?: string;
};

export type Address = {
  name?: string;
  addressLine1?: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  county?: string;
  district?: string;
  stateOrRegion?: string;
  postalCode?: string;
  countryCode?: string;
  phone?: string;
};

export type Buyer = { name?: string; email?: string; phone?: string };

export type Constraint = { constraintId: string; description?: string };

export type SellerOrderAttributes = {
  sellerId?: string;
  sellerOrderId?: string;
  storeName?: string;
  customInformation?: string;
  supplementaryData?: string;
  orderItemCategories: string[];
};

export type PaymentDescriptor = {
  name?: string;
  accountNumberTail?: string;
  fullDescriptor?: string;
  useAmazonBalanceFirst?: boolean;
};

export type OrderReferenceDetails = {
  amazonOrderReferenceId: string;
  status: Status;
  orderTotal?: Money;
  buyer?: Buyer;
  sellerNote?: string;
  platformId?: string;
  destinationType?: string;
  shippingAddress?: Address;
  billingAddress?: Address;
  paymentDescriptor?: PaymentDescriptor;
  releaseEnvironment?: string;
  sellerOrderAttributes?: SellerOrderAttributes;
  constraints: Constraint[];
  creationTimestamp?: string;
  expirationTimestamp?: string;
  parentDetails?: { id?: string; type?: string };
  /** Authorization ids (`IdList`). */
  authorizationIds: string[];
  orderLanguage?: string;
  requestPaymentAuthorization?: boolean;
  paymentAuthenticationState?: string;
  paymentServiceProviderId?: string;
  paymentServiceProviderOrderId?: string;
};

export type AuthorizationDetails = {
  amazonAuthorizationId: string;
  authorizationReferenceId: string;
  status: Status;
  authorizationAmount?: Money;
  capturedAmount?: Money;
  authorizationFee?: Money;
  /** Capture ids (`IdList`). */
  captureIds: string[];
  sellerAuthorizationNote?: string;
  creationTimestamp?: string;
  expirationTimestamp?: string;
  captureNow?: boolean;
  softDecline?: boolean;
  softDescriptor?: string;
  addressVerificationCode?: string;
  authorizationBillingAddress?: Address;
  orderItemCategories: string[];
};

export type CaptureDetails = {
  amazonCaptureId: string;
  captureReferenceId: string;
  status: Status;
  captureAmount?: Money;
  refundedAmount?: Money;
  captureFee?: Money;
  /** Refund ids (`IdList`). */
  refundIds: string[];
  sellerCaptureNote?: string;
  creationTimestamp?: string;
  softDescriptor?: string;
  convertedAmount?: Money;
  conversionRate?: string;
};

export type RefundDetails = {
  amazonRefundId: string;
  refundReferenceId: string;
  status: Status;
  refundType?: string;
  refundAmount?: Money;
  feeRefunded?: Money;
  sellerRefundNote?: string;
  creationTimestamp?: string;
  softDescriptor?: string;
  convertedAmount?: Money;
  conversionRate?: string;
};

export type BillingAgreementLimits = {
  amountLimitPerTimePeriod?: Money;
  timePeriodStartDate?: string;
  timePeriodEndDate?: string;
  currentRemainingBalance?: Money;
};

export type BillingAgreementDetails = {
  amazonBillingAgreementId: string;
  status: Status;
  limits?: BillingAgreementLimits;
  buyer?: Buyer;
  sellerNote?: string;
  platformId?: string;
  destinationType?: string;
  shippingAddress?: Address;
  billingAddress?: Address;
  releaseEnvironment?: string;
  sellerBillingAgreementAttributes?: {
    sellerId?: string;
    sellerBillingAgreementId?: string;
    storeName?: string;
    customInformation?: string;
  };
  constraints: Constraint[];
  creationTimestamp?: string;
  expirationTimestamp?: string;
  billingAgreementConsent?: boolean;
  orderLanguage?: string;
  subscriptionAmount?: Money;
  billingAgreementType?: string;
};

/** Every operation result carries Amazon's request id. */
export type WithRequestId = { requestId: string };

export type OrderReferenceResult = WithRequestId & { orderReference: OrderReferenceDetails };
export type AuthorizationResult = WithRequestId & { authorization: AuthorizationDetails };
export type CaptureResult = WithRequestId & { capture: CaptureDetails };
export type RefundResult = WithRequestId & { refund: RefundDetails };
export type BillingAgreementResult = WithRequestId & { billingAgreement: BillingAgreementDetails };
export type EmptyResult = WithRequestId;

export type ServiceStatusResult = WithRequestId & {
  status: string;
  timestamp?: string;
  messageId?: string;
  messages: { locale?: string; text?: string }[];
};

export type MerchantAccountStatusResult = WithRequestId & { accountStatus: string };

export type ValidateBillingAgreementResult = WithRequestId & {
  validationResult: string;
  failureReasonCode?: string;
  billingAgreementStatus?: Status;
};

export type AuthorizeOnBillingAgreementResult = WithRequestId & {
  amazonOrderReferenceId: string;
  authorization: AuthorizationDetails;
};

/** One row per HTTP attempt, safe to persist (`gateway_calls`): params are redacted. */
export type GatewayCallRecord = {
  action: string;
  params: Record<string, string>;
  /** 0 when no HTTP response arrived (connection failure, timeout). */
  httpStatus: number;
  requestId?: string;
  errorCode?: string;
  durationMs: number;
  /** 1-based attempt number within one client method call. */
  attempt: number;
  /** True when the client is going to retry after this attempt. */
  willRetry: boolean;
  startedAt: string;
};
