import { parseEmptyResult, parseOrderReferenceResult } from "./parse-responses";
import { putAccessToken, putBoolean, putList, putMoney, putRequired, putRequiredMoney, putText, type ParamMap } from "./request-params";
import type { CallMws } from "./call-mws";
import type { EmptyResult, Money, OrderReferenceResult } from "./types";

export type GetOrderReferenceDetailsInput = {
  amazonOrderReferenceId: string;
  /** LWA access token (`Atza|…`); unlocks the full address before confirmation. */
  accessToken?: string;
  /** Older name for the same token; never together with `accessToken`. */
  addressConsentToken?: string;
};

/** Merchant-side order attributes shared by SetOrderReferenceDetails/SetOrderAttributes/CreateOrderReferenceForId. */
export type SellerOrderInput = {
  sellerNote?: string;
  platformId?: string;
  sellerOrderId?: string;
  storeName?: string;
  customInformation?: string;
  supplementaryData?: string;
};

export type SetOrderReferenceDetailsInput = SellerOrderInput & {
  amazonOrderReferenceId: string;
  orderTotal: Money;
  requestPaymentAuthorization?: boolean;
};

export type SetOrderAttributesInput = SellerOrderInput & {
  amazonOrderReferenceId: string;
  orderTotal?: Money;
  orderItemCategories?: string[];
  requestPaymentAuthorization?: boolean;
  paymentServiceProviderId?: string;
  paymentServiceProviderOrderId?: string;
};

export type ConfirmOrderReferenceInput = {
  amazonOrderReferenceId: string;
  successUrl?: string;
  failureUrl?: string;
  authorizationAmount?: Money;
  expectImmediateAuthorization?: boolean;
};

export type CancelOrderReferenceInput = { amazonOrderReferenceId: string; cancelationReason?: string };
export type CloseOrderReferenceInput = { amazonOrderReferenceId: string; closureReason?: string };

export type CreateOrderReferenceForIdInput = SellerOrderInput & {
  /** The billing agreement id. */
  id: string;
  idType?: "BillingAgreement";
  inheritShippingAddress?: boolean;
  confirmNow?: boolean;
  /** Required by Amazon when `confirmNow` is true. */
  orderTotal?: Money;
};

function putSellerOrder(params: ParamMap, prefix: string, input: SellerOrderInput): void {
  putText(params, `${prefix}.SellerNote`, input.sellerNote);
  putText(params, `${prefix}.PlatformId`, input.platformId);
  putText(params, `${prefix}.SellerOrderAttributes.SellerOrderId`, input.sellerOrderId);
  putText(params, `${prefix}.SellerOrderAttributes.StoreName`, input.storeName);
  putText(params, `${prefix}.SellerOrderAttributes.CustomInformation`, input.customInformation);
  // [U] PY puts SupplementaryData under SellerOrderAttributes, PHP's CreateOrderReferenceForId
  // directly under OrderReferenceAttributes; we follow the documented SellerOrderAttributes form.
  putText(params, `${prefix}.SellerOrderAttributes.SupplementaryData`, input.supplementaryData);
}

export function createOrderReferenceOperations(call: CallMws) {
  return {
    async getOrderReferenceDetails(input: GetOrderReferenceDetailsInput): Promise<OrderReferenceResult> {
      const action = "GetOrderReferenceDetails";
      const params: ParamMap = {};
      putRequired(params, "AmazonOrderReferenceId", input.amazonOrderReferenceId, action);
      putAccessToken(params, input, action);
      return call(action, params, (xml) => parseOrderReferenceResult(xml, action), { safeToRepeat: true });
    },

    async setOrderReferenceDetails(input: SetOrderReferenceDetailsInput): Promise<OrderReferenceResult> {
      const action = "SetOrderReferenceDetails";
      const params: ParamMap = {};
      putRequired(params, "AmazonOrderReferenceId", input.amazonOrderReferenceId, action);
      putRequiredMoney(params, "OrderReferenceAttributes.OrderTotal", input.orderTotal, action);
      putSellerOrder(params, "OrderReferenceAttributes", input);
      putBoolean(params, "OrderReferenceAttributes.RequestPaymentAuthorization", input.requestPaymentAuthorization);
      return call(action, params, (xml) => parseOrderReferenceResult(xml, action), { safeToRepeat: true });
    },

    async setOrderAttributes(input: SetOrderAttributesInput): Promise<OrderReferenceResult> {
      const action = "SetOrderAttributes";
      const params: ParamMap = {};
      putRequired(params, "AmazonOrderReferenceId", input.amazonOrderReferenceId, action);
      putMoney(params, "OrderAttributes.OrderTotal", input.orderTotal, action);
      putSellerOrder(params, "OrderAttributes", input);
      putList(params, "OrderAttributes.SellerOrderAttributes.OrderItemCategories.OrderItemCategory", input.orderItemCategories);
      putBoolean(params, "OrderAttributes.RequestPaymentAuthorization", input.requestPaymentAuthorization);
      putText(params, "OrderAttributes.PaymentServiceProviderAttributes.PaymentServiceProviderId", input.paymentServiceProviderId);
      putText(params, "OrderAttributes.PaymentServiceProviderAttributes.PaymentServiceProviderOrderId", input.paymentServiceProviderOrderId);
      return call(action, params, (xml) => parseOrderReferenceResult(xml, action), { safeToRepeat: false });
    },

    async confirmOrderReference(input: ConfirmOrderReferenceInput): Promise<EmptyResult> {
      const action = "ConfirmOrderReference";
      const params: ParamMap = {};
      putRequired(params, "AmazonOrderReferenceId", input.amazonOrderReferenceId, action);
      putText(params, "SuccessUrl", input.successUrl);
      putText(params, "FailureUrl", input.failureUrl);
      if (input.authorizationAmount && input.authorizationAmount.amountMinor > 0) {
        putMoney(params, "AuthorizationAmount", input.authorizationAmount, action);
      }
      putBoolean(params, "ExpectImmediateAuthorization", input.expectImmediateAuthorization);
      return call(action, params, (xml) => parseEmptyResult(xml, action), { safeToRepeat: false });
    },

    async cancelOrderReference(input: CancelOrderReferenceInput): Promise<EmptyResult> {
      const action = "CancelOrderReference";
      const params: ParamMap = {};
      putRequired(params, "AmazonOrderReferenceId", input.amazonOrderReferenceId, action);
      putText(params, "CancelationReason", input.cancelationReason);
      return call(action, params, (xml) => parseEmptyResult(xml, action), { safeToRepeat: false });
    },

    async closeOrderReference(input: CloseOrderReferenceInput): Promise<EmptyResult> {
      const action = "CloseOrderReference";
      const params: ParamMap = {};
      putRequired(params, "AmazonOrderReferenceId", input.amazonOrderReferenceId, action);
      putText(params, "ClosureReason", input.closureReason);
      return call(action, params, (xml) => parseEmptyResult(xml, action), { safeToRepeat: false });
    },

    async createOrderReferenceForId(input: CreateOrderReferenceForIdInput): Promise<OrderReferenceResult> {
      const action = "CreateOrderReferenceForId";
      const params: ParamMap = {};
      putRequired(params, "Id", input.id, action);
      params.IdType = input.idType ?? "BillingAgreement";
      putBoolean(params, "InheritShippingAddress", input.inheritShippingAddress);
      putBoolean(params, "ConfirmNow", input.confirmNow);
      putMoney(params, "OrderReferenceAttributes.OrderTotal", input.orderTotal, action);
      putSellerOrder(params, "OrderReferenceAttributes", input);
      return call(action, params, (xml) => parseOrderReferenceResult(xml, action), { safeToRepeat: false });
    },
  };
}
