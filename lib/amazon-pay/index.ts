export { createAmazonPayClient } from "./client";
export type { AmazonPayClient, AmazonPayClientConfig } from "./client";
export { AmazonPayError, CLIENT_ERROR_CODES, isAmazonPayError, isAmazonUnavailable } from "./errors";
export type { AmazonPayErrorType } from "./errors";
export { formatAmount, parseAmountToMinor, parseMoney, getCurrencyDecimals } from "./amounts";
export { redactParams, maskAccessKey } from "./redact";
export { API_VERSION, LIVE_PATH, SANDBOX_PATH, MWS_HOSTS, LWA_HOSTS, REGIONS, isRegion, resolveServiceUrl, resolveLwaBaseUrl } from "./regions";
export { encodeRfc3986, buildCanonicalQuery, buildStringToSign, computeSignature, signParameters, hostForSigning, encodeFormBody } from "./signature";
export { parseErrorDocument } from "./parse-responses";
export { normaliseAccessToken } from "./request-params";
export type { ProviderCredit, ProviderCreditReversal } from "./request-params";
export type {
  GetOrderReferenceDetailsInput,
  SetOrderReferenceDetailsInput,
  SetOrderAttributesInput,
  ConfirmOrderReferenceInput,
  CancelOrderReferenceInput,
  CloseOrderReferenceInput,
  CreateOrderReferenceForIdInput,
  SellerOrderInput,
} from "./order-reference-operations";
export type { AuthorizeInput, CaptureInput, RefundInput, CloseAuthorizationInput } from "./payment-operations";
export type {
  GetBillingAgreementDetailsInput,
  SetBillingAgreementDetailsInput,
  ConfirmBillingAgreementInput,
  AuthorizeOnBillingAgreementInput,
  CloseBillingAgreementInput,
} from "./billing-agreement-operations";
export type * from "./types";
export { createLoginWithAmazonClient } from "./login-with-amazon";
export type { LoginWithAmazonClient, LoginWithAmazonConfig, TokenInfo, UserProfile } from "./login-with-amazon";
export { createIpnVerifier, verifyIpn, buildSnsStringToSign } from "./ipn";
export type { IpnVerifier, IpnVerifierOptions, IpnInput, IpnVerificationResult, IpnRejectionReason } from "./ipn";
export type { IpnNotification, IpnCommonFields } from "./ipn-notification";
export { isTrustedCertificateUrl, loadPinnedCertificate } from "./ipn-certificate";
