import { parseAuthorizeOnBillingAgreementResult, parseBillingAgreementResult, parseEmptyResult, parseValidateBillingAgreementResult } from "./parse-responses";
import {
  putAccessToken,
  putBoolean,
  putMoney,
  putProviderCredits,
  putRequired,
  putText,
  type ParamMap,
  type ProviderCredit,
  putAuthorizationFields,
} from "./request-params";
import type { CallMws } from "./call-mws";
import type { AuthorizeOnBillingAgreementResult, BillingAgreementResult, EmptyResult, Money, ValidateBillingAgreementResult } from "./types";

export type GetBillingAgreementDetailsInput = {
  amazonBillingAgreementId: string;
  accessToken?: string;
  addressConsentToken?: string;
};

export type SetBillingAgreementDetailsInput = {
  amazonBillingAgreementId: string;
  platformId?: string;
  sellerNote?: string;
  sellerBillingAgreementId?: string;
  storeName?: string;
  customInformation?: string;
  billingAgreementType?: "CustomerInitiatedTransaction" | "MerchantInitiatedTransaction";
  subscriptionAmount?: Money;
};

export type ConfirmBillingAgreementInput = { amazonBillingAgreementId: string; successUrl?: string; failureUrl?: string };

export type AuthorizeOnBillingAgreementInput = {
  amazonBillingAgreementId: string;
  authorizationReferenceId: string;
  authorizationAmount: Money;
  sellerAuthorizationNote?: string;
  transactionTimeout?: number;
  captureNow?: boolean;
  softDescriptor?: string;
  sellerNote?: string;
  platformId?: string;
  sellerOrderId?: string;
  storeName?: string;
  customInformation?: string;
  supplementaryData?: string;
  inheritShippingAddress?: boolean;
  providerCredits?: ProviderCredit[];
};

export type CloseBillingAgreementInput = { amazonBillingAgreementId: string; closureReason?: string };

export function createBillingAgreementOperations(call: CallMws) {
  return {
    async getBillingAgreementDetails(input: GetBillingAgreementDetailsInput): Promise<BillingAgreementResult> {
      const action = "GetBillingAgreementDetails";
      const params: ParamMap = {};
      putRequired(params, "AmazonBillingAgreementId", input.amazonBillingAgreementId, action);
      putAccessToken(params, input, action);
      return call(action, params, (xml) => parseBillingAgreementResult(xml, action), { safeToRepeat: true });
    },

    async setBillingAgreementDetails(input: SetBillingAgreementDetailsInput): Promise<BillingAgreementResult> {
      const action = "SetBillingAgreementDetails";
      const prefix = "BillingAgreementAttributes";
      const params: ParamMap = {};
      putRequired(params, "AmazonBillingAgreementId", input.amazonBillingAgreementId, action);
      putText(params, `${prefix}.PlatformId`, input.platformId);
      putText(params, `${prefix}.SellerNote`, input.sellerNote);
      putText(params, `${prefix}.SellerBillingAgreementAttributes.SellerBillingAgreementId`, input.sellerBillingAgreementId);
      putText(params, `${prefix}.SellerBillingAgreementAttributes.StoreName`, input.storeName);
      putText(params, `${prefix}.SellerBillingAgreementAttributes.CustomInformation`, input.customInformation);
      putText(params, `${prefix}.BillingAgreementType`, input.billingAgreementType);
      putMoney(params, `${prefix}.SubscriptionAmount`, input.subscriptionAmount, action);
      return call(action, params, (xml) => parseBillingAgreementResult(xml, action), { safeToRepeat: true });
    },

    async confirmBillingAgreement(input: ConfirmBillingAgreementInput): Promise<EmptyResult> {
      const action = "ConfirmBillingAgreement";
      const params: ParamMap = {};
      putRequired(params, "AmazonBillingAgreementId", input.amazonBillingAgreementId, action);
      putText(params, "SuccessUrl", input.successUrl);
      putText(params, "FailureUrl", input.failureUrl);
      return call(action, params, (xml) => parseEmptyResult(xml, action), { safeToRepeat: false });
    },

    async validateBillingAgreement(input: { amazonBillingAgreementId: string }): Promise<ValidateBillingAgreementResult> {
      const action = "ValidateBillingAgreement";
      const params: ParamMap = {};
      putRequired(params, "AmazonBillingAgreementId", input.amazonBillingAgreementId, action);
      return call(action, params, parseValidateBillingAgreementResult, { safeToRepeat: true });
    },

    async authorizeOnBillingAgreement(input: AuthorizeOnBillingAgreementInput): Promise<AuthorizeOnBillingAgreementResult> {
      const action = "AuthorizeOnBillingAgreement";
      const params: ParamMap = {};
      putRequired(params, "AmazonBillingAgreementId", input.amazonBillingAgreementId, action);
      putAuthorizationFields(params, input, action);
      putText(params, "SellerNote", input.sellerNote);
      putText(params, "PlatformId", input.platformId);
      putText(params, "SellerOrderAttributes.SellerOrderId", input.sellerOrderId);
      putText(params, "SellerOrderAttributes.StoreName", input.storeName);
      putText(params, "SellerOrderAttributes.CustomInformation", input.customInformation);
      putText(params, "SellerOrderAttributes.SupplementaryData", input.supplementaryData);
      putBoolean(params, "InheritShippingAddress", input.inheritShippingAddress);
      putProviderCredits(params, input.providerCredits, action);
      return call(action, params, parseAuthorizeOnBillingAgreementResult, { safeToRepeat: true });
    },

    async closeBillingAgreement(input: CloseBillingAgreementInput): Promise<EmptyResult> {
      const action = "CloseBillingAgreement";
      const params: ParamMap = {};
      putRequired(params, "AmazonBillingAgreementId", input.amazonBillingAgreementId, action);
      putText(params, "ClosureReason", input.closureReason);
      return call(action, params, (xml) => parseEmptyResult(xml, action), { safeToRepeat: false });
    },
  };
}
