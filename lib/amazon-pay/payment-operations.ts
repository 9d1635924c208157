import {
  parseAuthorizationResult,
  parseCaptureResult,
  parseEmptyResult,
  parseMerchantAccountStatusResult,
  parseRefundResult,
  parseServiceStatusResult,
} from "./parse-responses";
import {
  putProviderCreditReversals,
  putProviderCredits,
  putRequired,
  putRequiredMoney,
  putText,
  type ParamMap,
  type ProviderCredit,
  type ProviderCreditReversal,
  putAuthorizationFields,
} from "./request-params";
import type { CallMws } from "./call-mws";
import type { AuthorizationResult, CaptureResult, EmptyResult, MerchantAccountStatusResult, Money, RefundResult, ServiceStatusResult } from "./types";

export type AuthorizeInput = {
  amazonOrderReferenceId: string;
  /** Our id for this authorization (≤32 chars, unique); reused unchanged on every retry. */
  authorizationReferenceId: string;
  authorizationAmount: Money;
  sellerAuthorizationNote?: string;
  /** Minutes; 0 = synchronous. Amazon's default is 1440. */
  transactionTimeout?: number;
  captureNow?: boolean;
  softDescriptor?: string;
  providerCredits?: ProviderCredit[];
};

export type CloseAuthorizationInput = { amazonAuthorizationId: string; closureReason?: string };

export type CaptureInput = {
  amazonAuthorizationId: string;
  captureReferenceId: string;
  captureAmount: Money;
  sellerCaptureNote?: string;
  softDescriptor?: string;
  providerCredits?: ProviderCredit[];
};

export type RefundInput = {
  amazonCaptureId: string;
  refundReferenceId: string;
  refundAmount: Money;
  sellerRefundNote?: string;
  softDescriptor?: string;
  providerCreditReversals?: ProviderCreditReversal[];
};

export function createPaymentOperations(call: CallMws) {
  return {
    async authorize(input: AuthorizeInput): Promise<AuthorizationResult> {
      const action = "Authorize";
      const params: ParamMap = {};
      putRequired(params, "AmazonOrderReferenceId", input.amazonOrderReferenceId, action);
      putAuthorizationFields(params, input, action);
      putProviderCredits(params, input.providerCredits, action);
      return call(action, params, (xml) => parseAuthorizationResult(xml, action), { safeToRepeat: true });
    },

    async getAuthorizationDetails(input: { amazonAuthorizationId: string }): Promise<AuthorizationResult> {
      const action = "GetAuthorizationDetails";
      const params: ParamMap = {};
      putRequired(params, "AmazonAuthorizationId", input.amazonAuthorizationId, action);
      return call(action, params, (xml) => parseAuthorizationResult(xml, action), { safeToRepeat: true });
    },

    async closeAuthorization(input: CloseAuthorizationInput): Promise<EmptyResult> {
      const action = "CloseAuthorization";
      const params: ParamMap = {};
      putRequired(params, "AmazonAuthorizationId", input.amazonAuthorizationId, action);
      putText(params, "ClosureReason", input.closureReason);
      return call(action, params, (xml) => parseEmptyResult(xml, action), { safeToRepeat: false });
    },

    async capture(input: CaptureInput): Promise<CaptureResult> {
      const action = "Capture";
      const params: ParamMap = {};
      putRequired(params, "AmazonAuthorizationId", input.amazonAuthorizationId, action);
      putRequired(params, "CaptureReferenceId", input.captureReferenceId, action);
      putRequiredMoney(params, "CaptureAmount", input.captureAmount, action);
      putText(params, "SellerCaptureNote", input.sellerCaptureNote);
      putText(params, "SoftDescriptor", input.softDescriptor);
      putProviderCredits(params, input.providerCredits, action);
      return call(action, params, (xml) => parseCaptureResult(xml, action), { safeToRepeat: true });
    },

    async getCaptureDetails(input: { amazonCaptureId: string }): Promise<CaptureResult> {
      const action = "GetCaptureDetails";
      const params: ParamMap = {};
      putRequired(params, "AmazonCaptureId", input.amazonCaptureId, action);
      return call(action, params, (xml) => parseCaptureResult(xml, action), { safeToRepeat: true });
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      const action = "Refund";
      const params: ParamMap = {};
      putRequired(params, "AmazonCaptureId", input.amazonCaptureId, action);
      putRequired(params, "RefundReferenceId", input.refundReferenceId, action);
      putRequiredMoney(params, "RefundAmount", input.refundAmount, action);
      putText(params, "SellerRefundNote", input.sellerRefundNote);
      putText(params, "SoftDescriptor", input.softDescriptor);
      putProviderCreditReversals(params, input.providerCreditReversals, action);
      return call(action, params, (xml) => parseRefundResult(xml, action), { safeToRepeat: true });
    },

    async getRefundDetails(input: { amazonRefundId: string }): Promise<RefundResult> {
      const action = "GetRefundDetails";
      const params: ParamMap = {};
      putRequired(params, "AmazonRefundId", input.amazonRefundId, action);
      return call(action, params, (xml) => parseRefundResult(xml, action), { safeToRepeat: true });
    },

    async getServiceStatus(): Promise<ServiceStatusResult> {
      return call("GetServiceStatus", {}, parseServiceStatusResult, { safeToRepeat: true });
    },

    async getMerchantAccountStatus(): Promise<MerchantAccountStatusResult> {
      return call("GetMerchantAccountStatus", {}, parseMerchantAccountStatusResult, { safeToRepeat: true });
    },
  };
}
