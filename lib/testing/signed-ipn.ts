import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSignedEnvelope } from "@/lib/amazon-pay/test-fixtures/ipn-envelopes";

/** The emulator's IPN signing key: envelopes signed with it verify wherever the emulator's certificate is pinned. */
export const EMULATOR_IPN_KEY_PEM = readFileSync(fileURLToPath(new URL("../../e2e/amazon-sandbox/keys/ipn-signing-key.pem", import.meta.url)), "utf8");

const IPN_NS = 'xmlns="https://mws.amazonservices.com/ipn/OffAmazonPayments/2013-01-01"';

export type PaymentIpnInput = {
  sellerId: string;
  releaseEnvironment?: string;
  amazonId: string;
  referenceId: string;
  amount: string;
  currency: string;
  state: string;
  reasonCode?: string;
  /** Captures of an authorization, refunds of a capture. */
  childIds?: string[];
};

const money = (name: string, amount: string, currency: string) => `<${name}><Amount>${amount}</Amount><CurrencyCode>${currency}</CurrencyCode></${name}>`;
const status = (name: string, input: PaymentIpnInput) =>
  `<${name}><State>${input.state}</State><LastUpdateTimestamp>${new Date().toISOString()}</LastUpdateTimestamp>${input.reasonCode ? `<ReasonCode>${input.reasonCode}</ReasonCode>` : ""}</${name}>`;
const ids = (input: PaymentIpnInput) => `<IdList>${(input.childIds ?? []).map((id) => `<Id>${id}</Id>`).join("")}</IdList>`;

const BUILDERS = {
  PaymentAuthorize: (i: PaymentIpnInput) =>
    `<AuthorizationNotification ${IPN_NS}><AuthorizationDetails><AmazonAuthorizationId>${i.amazonId}</AmazonAuthorizationId><AuthorizationReferenceId>${i.referenceId}</AuthorizationReferenceId>${money("AuthorizationAmount", i.amount, i.currency)}${money("CapturedAmount", i.childIds?.length ? i.amount : "0", i.currency)}${money("AuthorizationFee", "0", i.currency)}${ids(i)}<CreationTimestamp>${new Date().toISOString()}</CreationTimestamp>${status("AuthorizationStatus", i)}<OrderItemCategories/><CaptureNow>true</CaptureNow><SoftDescriptor/></AuthorizationDetails></AuthorizationNotification>`,
  PaymentCapture: (i: PaymentIpnInput) =>
    `<CaptureNotification ${IPN_NS}><CaptureDetails><AmazonCaptureId>${i.amazonId}</AmazonCaptureId><CaptureReferenceId>${i.referenceId}</CaptureReferenceId>${money("CaptureAmount", i.amount, i.currency)}${money("RefundedAmount", "0", i.currency)}${money("CaptureFee", "0", i.currency)}${ids(i)}<CreationTimestamp>${new Date().toISOString()}</CreationTimestamp>${status("CaptureStatus", i)}<SoftDescriptor>AMZ*TEST</SoftDescriptor></CaptureDetails></CaptureNotification>`,
  PaymentRefund: (i: PaymentIpnInput) =>
    `<RefundNotification ${IPN_NS}><RefundDetails><AmazonRefundId>${i.amazonId}</AmazonRefundId><RefundReferenceId>${i.referenceId}</RefundReferenceId><RefundType>SellerInitiated</RefundType>${money("RefundAmount", i.amount, i.currency)}${money("FeeRefunded", "0", i.currency)}<CreationTimestamp>${new Date().toISOString()}</CreationTimestamp>${status("RefundStatus", i)}<SoftDescriptor>AMZ*TEST</SoftDescriptor></RefundDetails></RefundNotification>`,
};

/** A freshly timestamped SNS envelope around any inner message, signed like the emulator signs. */
export function signIpnMessage(inner: Record<string, string>, keyPem = EMULATOR_IPN_KEY_PEM): string {
  const now = new Date().toISOString();
  const message = JSON.stringify({ NotificationReferenceId: randomUUID(), Version: "2013-01-01", Timestamp: now, ...inner });
  return JSON.stringify(buildSignedEnvelope({ message, timestamp: now, keyPem }));
}

/** A genuinely signed payment notification with the given facts (as Amazon would send it). */
export function signPaymentIpn(type: keyof typeof BUILDERS, input: PaymentIpnInput, keyPem = EMULATOR_IPN_KEY_PEM): string {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${BUILDERS[type](input)}`;
  return signIpnMessage(
    { NotificationType: type, SellerId: input.sellerId, ReleaseEnvironment: input.releaseEnvironment ?? "Sandbox", NotificationData: xml },
    keyPem,
  );
}
