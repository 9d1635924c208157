import { afterEach, describe, expect, it } from "vitest";
import { createAmazonPayClient, type AmazonPayClient } from "./client";
import * as fx from "./test-fixtures/mws-responses";
import { startLocalServer, type LocalServer } from "./test-fixtures/local-server";

/** Every operation: the wire parameters it sends and the result it returns. */

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const rename = (xml: string, from: string, to: string) => xml.split(from).join(to);

function responseFor(action: string): string {
  switch (action) {
    case "GetOrderReferenceDetails":
    case "SetOrderReferenceDetails":
    case "SetOrderAttributes":
    case "CreateOrderReferenceForId":
      return rename(fx.getOrderReferenceDetailsOpen, "GetOrderReferenceDetails", action);
    case "Authorize":
    case "GetAuthorizationDetails":
      return rename(fx.authorizeCaptureNow, "Authorize", action);
    case "Capture":
    case "GetCaptureDetails":
      return rename(fx.getCaptureDetailsJpy, "GetCaptureDetails", action);
    case "Refund":
    case "GetRefundDetails":
      return fx.refundPending.replace(/\bRefund(Response|Result)\b/g, `${action}$1`);
    case "GetBillingAgreementDetails":
    case "SetBillingAgreementDetails":
      return rename(fx.getBillingAgreementDetails, "GetBillingAgreementDetails", action);
    case "ValidateBillingAgreement":
      return fx.validateBillingAgreementFailure;
    case "AuthorizeOnBillingAgreement":
      return fx.authorizeOnBillingAgreement;
    case "GetServiceStatus":
      return fx.getServiceStatus;
    case "GetMerchantAccountStatus":
      return fx.getMerchantAccountStatus;
    default:
      return `<${action}Response><${action}Result/><ResponseMetadata><RequestId>req-${action}</RequestId></ResponseMetadata></${action}Response>`;
  }
}

async function setup() {
  server = await startLocalServer((request) => {
    const action = new URLSearchParams(request.body).get("Action") ?? "";
    return { status: 200, body: responseFor(action) };
  });
  const client = createAmazonPayClient({
    sellerId: "A2K7NDRCTOTPW9",
    accessKey: "AKIAIOSFODNN7EXAMPLE",
    secretKey: "secret",
    region: "DE",
    sandbox: true,
    endpointOverride: server.baseUrl,
  });
  return { client, server };
}

const usd = (amountMinor: number) => ({ amountMinor, currency: "USD" });
const COMMON = ["AWSAccessKeyId", "Action", "SellerId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "Version"];

type Case = [string, (client: AmazonPayClient) => Promise<unknown>, Record<string, string>];

const cases: Case[] = [
  [
    "GetOrderReferenceDetails",
    (c) => c.getOrderReferenceDetails({ amazonOrderReferenceId: "S02-1", addressConsentToken: "Atza|t" }),
    { AmazonOrderReferenceId: "S02-1", AddressConsentToken: "Atza|t" },
  ],
  [
    "SetOrderReferenceDetails",
    (c) =>
      c.setOrderReferenceDetails({
        amazonOrderReferenceId: "S02-1",
        orderTotal: usd(1999),
        sellerNote: "n",
        sellerOrderId: "1001",
        storeName: "Shop",
        customInformation: "ci",
        supplementaryData: "{}",
        platformId: "P",
        requestPaymentAuthorization: true,
      }),
    {
      AmazonOrderReferenceId: "S02-1",
      "OrderReferenceAttributes.OrderTotal.Amount": "19.99",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
      "OrderReferenceAttributes.SellerNote": "n",
      "OrderReferenceAttributes.PlatformId": "P",
      "OrderReferenceAttributes.SellerOrderAttributes.SellerOrderId": "1001",
      "OrderReferenceAttributes.SellerOrderAttributes.StoreName": "Shop",
      "OrderReferenceAttributes.SellerOrderAttributes.CustomInformation": "ci",
      "OrderReferenceAttributes.SellerOrderAttributes.SupplementaryData": "{}",
      "OrderReferenceAttributes.RequestPaymentAuthorization": "true",
    },
  ],
  [
    "SetOrderAttributes",
    (c) =>
      c.setOrderAttributes({
        amazonOrderReferenceId: "S02-1",
        sellerOrderId: "1001",
        orderItemCategories: ["Books", "Toys"],
        paymentServiceProviderId: "PSP",
        paymentServiceProviderOrderId: "PO",
      }),
    {
      AmazonOrderReferenceId: "S02-1",
      "OrderAttributes.SellerOrderAttributes.SellerOrderId": "1001",
      "OrderAttributes.SellerOrderAttributes.OrderItemCategories.OrderItemCategory.1": "Books",
      "OrderAttributes.SellerOrderAttributes.OrderItemCategories.OrderItemCategory.2": "Toys",
      "OrderAttributes.PaymentServiceProviderAttributes.PaymentServiceProviderId": "PSP",
      "OrderAttributes.PaymentServiceProviderAttributes.PaymentServiceProviderOrderId": "PO",
    },
  ],
  [
    "ConfirmOrderReference",
    (c) =>
      c.confirmOrderReference({
        amazonOrderReferenceId: "S02-1",
        successUrl: "https://s",
        failureUrl: "https://f",
        authorizationAmount: { amountMinor: 1, currency: "EUR" },
        expectImmediateAuthorization: true,
      }),
    {
      AmazonOrderReferenceId: "S02-1",
      SuccessUrl: "https://s",
      FailureUrl: "https://f",
      "AuthorizationAmount.Amount": "0.01",
      "AuthorizationAmount.CurrencyCode": "EUR",
      ExpectImmediateAuthorization: "true",
    },
  ],
  [
    "CancelOrderReference",
    (c) => c.cancelOrderReference({ amazonOrderReferenceId: "S02-1", cancelationReason: "dup" }),
    { AmazonOrderReferenceId: "S02-1", CancelationReason: "dup" },
  ],
  [
    "CloseOrderReference",
    (c) => c.closeOrderReference({ amazonOrderReferenceId: "S02-1", closureReason: "done" }),
    { AmazonOrderReferenceId: "S02-1", ClosureReason: "done" },
  ],
  [
    "Authorize",
    (c) =>
      c.authorize({
        amazonOrderReferenceId: "S02-1",
        authorizationReferenceId: "a1",
        authorizationAmount: usd(500),
        transactionTimeout: 0,
        captureNow: false,
        softDescriptor: "Shop",
        sellerAuthorizationNote: "x",
        providerCredits: [{ providerId: "PROV", creditAmount: usd(10) }],
      }),
    {
      AmazonOrderReferenceId: "S02-1",
      AuthorizationReferenceId: "a1",
      "AuthorizationAmount.Amount": "5.00",
      "AuthorizationAmount.CurrencyCode": "USD",
      TransactionTimeout: "0",
      CaptureNow: "false",
      SoftDescriptor: "Shop",
      SellerAuthorizationNote: "x",
      "ProviderCreditList.member.1.ProviderId": "PROV",
      "ProviderCreditList.member.1.CreditAmount.Amount": "0.10",
      "ProviderCreditList.member.1.CreditAmount.CurrencyCode": "USD",
    },
  ],
  ["GetAuthorizationDetails", (c) => c.getAuthorizationDetails({ amazonAuthorizationId: "S02-1-A1" }), { AmazonAuthorizationId: "S02-1-A1" }],
  [
    "CloseAuthorization",
    (c) => c.closeAuthorization({ amazonAuthorizationId: "S02-1-A1", closureReason: "void" }),
    { AmazonAuthorizationId: "S02-1-A1", ClosureReason: "void" },
  ],
  [
    "Capture",
    (c) => c.capture({ amazonAuthorizationId: "S02-1-A1", captureReferenceId: "c1", captureAmount: usd(500), sellerCaptureNote: "n", softDescriptor: "S" }),
    {
      AmazonAuthorizationId: "S02-1-A1",
      CaptureReferenceId: "c1",
      "CaptureAmount.Amount": "5.00",
      "CaptureAmount.CurrencyCode": "USD",
      SellerCaptureNote: "n",
      SoftDescriptor: "S",
    },
  ],
  ["GetCaptureDetails", (c) => c.getCaptureDetails({ amazonCaptureId: "S02-1-C1" }), { AmazonCaptureId: "S02-1-C1" }],
  [
    "Refund",
    (c) =>
      c.refund({
        amazonCaptureId: "S02-1-C1",
        refundReferenceId: "r1",
        refundAmount: usd(250),
        sellerRefundNote: "n",
        providerCreditReversals: [{ providerId: "PROV", creditReversalAmount: usd(5) }],
      }),
    {
      AmazonCaptureId: "S02-1-C1",
      RefundReferenceId: "r1",
      "RefundAmount.Amount": "2.50",
      "RefundAmount.CurrencyCode": "USD",
      SellerRefundNote: "n",
      "ProviderCreditReversalList.member.1.ProviderId": "PROV",
      "ProviderCreditReversalList.member.1.CreditReversalAmount.Amount": "0.05",
      "ProviderCreditReversalList.member.1.CreditReversalAmount.CurrencyCode": "USD",
    },
  ],
  ["GetRefundDetails", (c) => c.getRefundDetails({ amazonRefundId: "S02-1-R1" }), { AmazonRefundId: "S02-1-R1" }],
  ["GetServiceStatus", (c) => c.getServiceStatus(), {}],
  ["GetMerchantAccountStatus", (c) => c.getMerchantAccountStatus(), {}],
  [
    "GetBillingAgreementDetails",
    (c) => c.getBillingAgreementDetails({ amazonBillingAgreementId: "C02-1", accessToken: "Atza|t" }),
    { AmazonBillingAgreementId: "C02-1", AccessToken: "Atza|t" },
  ],
  [
    "SetBillingAgreementDetails",
    (c) =>
      c.setBillingAgreementDetails({
        amazonBillingAgreementId: "C02-1",
        sellerNote: "n",
        sellerBillingAgreementId: "sub-1",
        storeName: "Shop",
        customInformation: "ci",
        platformId: "P",
        billingAgreementType: "MerchantInitiatedTransaction",
        subscriptionAmount: usd(999),
      }),
    {
      AmazonBillingAgreementId: "C02-1",
      "BillingAgreementAttributes.SellerNote": "n",
      "BillingAgreementAttributes.PlatformId": "P",
      "BillingAgreementAttributes.SellerBillingAgreementAttributes.SellerBillingAgreementId": "sub-1",
      "BillingAgreementAttributes.SellerBillingAgreementAttributes.StoreName": "Shop",
      "BillingAgreementAttributes.SellerBillingAgreementAttributes.CustomInformation": "ci",
      "BillingAgreementAttributes.BillingAgreementType": "MerchantInitiatedTransaction",
      "BillingAgreementAttributes.SubscriptionAmount.Amount": "9.99",
      "BillingAgreementAttributes.SubscriptionAmount.CurrencyCode": "USD",
    },
  ],
  ["ConfirmBillingAgreement", (c) => c.confirmBillingAgreement({ amazonBillingAgreementId: "C02-1" }), { AmazonBillingAgreementId: "C02-1" }],
  ["ValidateBillingAgreement", (c) => c.validateBillingAgreement({ amazonBillingAgreementId: "C02-1" }), { AmazonBillingAgreementId: "C02-1" }],
  [
    "AuthorizeOnBillingAgreement",
    (c) =>
      c.authorizeOnBillingAgreement({
        amazonBillingAgreementId: "C02-1",
        authorizationReferenceId: "rb-1",
        authorizationAmount: usd(999),
        transactionTimeout: 0,
        captureNow: true,
        sellerNote: "n",
        sellerOrderId: "1002",
        storeName: "Shop",
        inheritShippingAddress: false,
      }),
    {
      AmazonBillingAgreementId: "C02-1",
      AuthorizationReferenceId: "rb-1",
      "AuthorizationAmount.Amount": "9.99",
      "AuthorizationAmount.CurrencyCode": "USD",
      TransactionTimeout: "0",
      CaptureNow: "true",
      SellerNote: "n",
      "SellerOrderAttributes.SellerOrderId": "1002",
      "SellerOrderAttributes.StoreName": "Shop",
      InheritShippingAddress: "false",
    },
  ],
  [
    "CloseBillingAgreement",
    (c) => c.closeBillingAgreement({ amazonBillingAgreementId: "C02-1", closureReason: "cancelled" }),
    { AmazonBillingAgreementId: "C02-1", ClosureReason: "cancelled" },
  ],
  [
    "CreateOrderReferenceForId",
    (c) => c.createOrderReferenceForId({ id: "C02-1", confirmNow: true, orderTotal: usd(999), inheritShippingAddress: true, sellerOrderId: "1003" }),
    {
      Id: "C02-1",
      IdType: "BillingAgreement",
      ConfirmNow: "true",
      InheritShippingAddress: "true",
      "OrderReferenceAttributes.OrderTotal.Amount": "9.99",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
      "OrderReferenceAttributes.SellerOrderAttributes.SellerOrderId": "1003",
    },
  ],
];

describe("operations", () => {
  it.each(cases)("%s sends exactly its parameters and parses the result", async (action, invoke, expected) => {
    const { client, server } = await setup();
    const result = (await invoke(client)) as { requestId: string };
    expect(result.requestId).toBeTruthy();
    const sent = Object.fromEntries(new URLSearchParams(server.requests[0].body));
    expect(sent.Action).toBe(action);
    const operationParams = Object.fromEntries(Object.entries(sent).filter(([name]) => !COMMON.includes(name)));
    expect(operationParams).toEqual(expected);
  });

  it("covers all 22 operations", () => {
    expect(new Set(cases.map(([action]) => action)).size).toBe(22);
  });
});
