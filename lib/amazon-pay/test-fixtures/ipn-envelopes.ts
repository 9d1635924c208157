import { createSign } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSnsStringToSign } from "../ipn";

/** Test-only signing material (self-signed, CN=sns.amazonaws.com) and SNS envelope builders. */
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
export const TEST_CERT_PATH = here("./ipn-test-cert.pem");
export const TEST_CERT_PEM = readFileSync(TEST_CERT_PATH, "utf8");
export const TEST_KEY_PEM = readFileSync(here("./ipn-test-key.pem"), "utf8");
export const OTHER_KEY_PEM = readFileSync(here("./ipn-other-key.pem"), "utf8");

const IPN_NS = 'xmlns="https://mws.amazonservices.com/ipn/OffAmazonPayments/2013-01-01"';

export const notificationData = {
  PaymentCapture: `<?xml version="1.0" encoding="UTF-8"?><CaptureNotification ${IPN_NS}><CaptureDetails><AmazonCaptureId>S01-5695290-1354077-C041953</AmazonCaptureId><CaptureReferenceId>ord-1001-c1</CaptureReferenceId><CaptureAmount><Amount>19.99</Amount><CurrencyCode>USD</CurrencyCode></CaptureAmount><RefundedAmount><Amount>0.0</Amount><CurrencyCode>USD</CurrencyCode></RefundedAmount><CaptureFee><Amount>0.0</Amount><CurrencyCode>USD</CurrencyCode></CaptureFee><IdList/><CreationTimestamp>2015-11-14T00:40:12.118Z</CreationTimestamp><CaptureStatus><State>Completed</State><LastUpdateTimestamp>2015-11-14T00:40:12.118Z</LastUpdateTimestamp></CaptureStatus><SoftDescriptor>AMZ*Shop</SoftDescriptor></CaptureDetails></CaptureNotification>`,
  PaymentAuthorize: `<?xml version="1.0" encoding="UTF-8"?><AuthorizationNotification ${IPN_NS}><AuthorizationDetails><AmazonAuthorizationId>S01-5695290-1354077-A041953</AmazonAuthorizationId><AuthorizationReferenceId>ord-1001-a1</AuthorizationReferenceId><AuthorizationAmount><Amount>5.0</Amount><CurrencyCode>USD</CurrencyCode></AuthorizationAmount><CapturedAmount><Amount>0.0</Amount><CurrencyCode>USD</CurrencyCode></CapturedAmount><AuthorizationFee><Amount>0.0</Amount><CurrencyCode>USD</CurrencyCode></AuthorizationFee><IdList><Id>S01-5695290-1354077-C041953</Id></IdList><CreationTimestamp>2015-11-14T00:40:12.118Z</CreationTimestamp><AuthorizationStatus><State>Declined</State><LastUpdateTimestamp>2015-11-14T00:40:13.000Z</LastUpdateTimestamp><ReasonCode>InvalidPaymentMethod</ReasonCode><ReasonDescription>Try another card</ReasonDescription></AuthorizationStatus><OrderItemCategories/><CaptureNow>false</CaptureNow><SoftDescriptor/></AuthorizationDetails></AuthorizationNotification>`,
  PaymentRefund: `<?xml version="1.0" encoding="UTF-8"?><RefundNotification ${IPN_NS}><RefundDetails><AmazonRefundId>S01-1024662-1173740-R095796</AmazonRefundId><RefundReferenceId>ref12</RefundReferenceId><RefundType>SellerInitiated</RefundType><RefundAmount><Amount>1.0</Amount><CurrencyCode>USD</CurrencyCode></RefundAmount><FeeRefunded><Amount>0.0</Amount><CurrencyCode>USD</CurrencyCode></FeeRefunded><CreationTimestamp>2015-11-21T15:47:42.174Z</CreationTimestamp><RefundStatus><State>Completed</State><LastUpdateTimestamp>2015-11-21T15:48:13.411Z</LastUpdateTimestamp></RefundStatus><SoftDescriptor>AMZ*Shop</SoftDescriptor></RefundDetails></RefundNotification>`,
  OrderReferenceNotification: `<?xml version="1.0" encoding="UTF-8"?><OrderReferenceNotification ${IPN_NS}><OrderReference><AmazonOrderReferenceId>S01-7347515-9699585</AmazonOrderReferenceId><OrderTotal><Amount>9.99</Amount><CurrencyCode>USD</CurrencyCode></OrderTotal><SellerOrderAttributes><SellerId>A2K7NDRCTOTPW9</SellerId><SellerOrderId>1001</SellerOrderId></SellerOrderAttributes><OrderReferenceStatus><State>Closed</State><LastUpdateTimestamp>2015-11-14T00:40:13.000Z</LastUpdateTimestamp><ReasonCode>MaxAuthorizationsProcessed</ReasonCode></OrderReferenceStatus><CreationTimestamp>2015-11-14T00:40:12.000Z</CreationTimestamp><ExpirationTimestamp>2016-05-12T00:40:12.000Z</ExpirationTimestamp></OrderReference></OrderReferenceNotification>`,
  BillingAgreementNotification: `<?xml version="1.0" encoding="UTF-8"?><BillingAgreementNotification ${IPN_NS}><BillingAgreement><AmazonBillingAgreementId>C01-5533845-8537141</AmazonBillingAgreementId><SellerBillingAgreementAttributes><SellerId>A2K7NDRCTOTPW9</SellerId></SellerBillingAgreementAttributes><BillingAgreementStatus><State>Closed</State><LastUpdateTimestamp>2015-11-14T00:40:13.000Z</LastUpdateTimestamp><ReasonCode>SellerClosed</ReasonCode><ReasonDescription>customer asked</ReasonDescription></BillingAgreementStatus><CreationTimestamp>2015-11-01T00:00:00Z</CreationTimestamp><BillingAgreementLimits><AmountLimitPerTimePeriod><Amount>500.0</Amount><CurrencyCode>USD</CurrencyCode></AmountLimitPerTimePeriod><TimePeriodStartDate>2015-11-01T00:00:00Z</TimePeriodStartDate><TimePeriodEndDate>2015-12-01T00:00:00Z</TimePeriodEndDate><CurrentRemainingBalance><Amount>490.01</Amount><CurrencyCode>USD</CurrencyCode></CurrentRemainingBalance></BillingAgreementLimits><BillingAgreementConsent>true</BillingAgreementConsent></BillingAgreement></BillingAgreementNotification>`,
  "Chargeback Detailed Notification": `<?xml version="1.0" encoding="UTF-8"?><ChargebackNotification ${IPN_NS}><ChargebackDetails><AmazonChargebackId>C9KORZRXQ655G</AmazonChargebackId></ChargebackDetails></ChargebackNotification>`,
} as const;

export const SNS_TIMESTAMP = "2015-11-14T00:40:14.410Z";
export const SNS_CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bb750dd426d95ee9390147a5624348ee.pem";

export function buildInnerMessage(type: keyof typeof notificationData, extra: Record<string, string> = {}): string {
  return JSON.stringify({
    NotificationReferenceId: "32d195c3-a829-4222-b1e2-14ab28909513",
    NotificationType: type,
    SellerId: "A2K7NDRCTOTPW9",
    ReleaseEnvironment: "Sandbox",
    Version: "2013-01-01",
    NotificationData: notificationData[type],
    Timestamp: "2015-11-14T00:40:13Z",
    ...extra,
  });
}

export type EnvelopeOptions = {
  message: string;
  timestamp?: string;
  certUrl?: string;
  keyPem?: string;
  subject?: string;
  type?: string;
  signatureVersion?: string;
};

export function buildSignedEnvelope(options: EnvelopeOptions): Record<string, string> {
  const envelope: Record<string, string> = {
    Type: options.type ?? "Notification",
    MessageId: "2288e071-de8e-5b6b-9f03-aeb15ba02de2",
    TopicArn: "arn:aws:sns:us-east-1:291180941288:A3BXB0YN3XH17HA2K7NDRCTOTPW9",
    Message: options.message,
    Timestamp: options.timestamp ?? SNS_TIMESTAMP,
    SignatureVersion: options.signatureVersion ?? "1",
    SigningCertURL: options.certUrl ?? SNS_CERT_URL,
    UnsubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:291180941288:x",
  };
  if (options.subject !== undefined) envelope.Subject = options.subject;
  const algorithm = envelope.SignatureVersion === "2" ? "RSA-SHA256" : "RSA-SHA1";
  envelope.Signature = createSign(algorithm)
    .update(buildSnsStringToSign(envelope as Parameters<typeof buildSnsStringToSign>[0]))
    .sign(options.keyPem ?? TEST_KEY_PEM, "base64");
  return envelope;
}
