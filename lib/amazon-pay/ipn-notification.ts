import {
  MalformedXmlError,
  parseAuthorizationDetails,
  parseBillingAgreementDetails,
  parseCaptureDetails,
  parseOrderReferenceDetails,
  parseRefundDetails,
} from "./parse-details";
import { getNode, getRoot, parseXmlDocument, type XmlNode } from "./xml";
import type { AuthorizationDetails, BillingAgreementDetails, CaptureDetails, OrderReferenceDetails, RefundDetails } from "./types";

/** Fields of the inner `Message` JSON (reference §8.4) plus the SNS ids. */
export type IpnCommonFields = {
  /** As sent, e.g. `PaymentCapture` or `Chargeback Detailed Notification`. */
  notificationType: string;
  notificationReferenceId: string;
  sellerId: string;
  releaseEnvironment?: string;
  version?: string;
  timestamp?: string;
  marketplaceId?: string;
  isSample: boolean;
  snsMessageId: string;
  topicArn: string;
};

export type IpnNotification =
  | (IpnCommonFields & { type: "PaymentAuthorize"; authorization: AuthorizationDetails })
  | (IpnCommonFields & { type: "PaymentCapture"; capture: CaptureDetails })
  | (IpnCommonFields & { type: "PaymentRefund"; refund: RefundDetails })
  | (IpnCommonFields & { type: "OrderReferenceNotification"; orderReference: OrderReferenceDetails })
  | (IpnCommonFields & { type: "BillingAgreementNotification"; billingAgreement: BillingAgreementDetails; eventType?: string })
  /** Chargebacks, provider credits, solution-provider events: verified, payload left as XML text. */
  | (IpnCommonFields & { type: "Other"; notificationData: string });

type JsonObject = Record<string, unknown>;

function readString(json: JsonObject, key: string): string | undefined {
  const value = json[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function requireDetail(doc: XmlNode, rootName: string, childName: string): XmlNode {
  const root = getRoot(doc);
  if (!root || root.name !== rootName) throw new MalformedXmlError(`NotificationData: expected root ${rootName}`);
  const child = getNode(root.node, childName);
  if (!child) throw new MalformedXmlError(`NotificationData: missing ${childName}`);
  return child;
}

/**
 * Parses the inner Message JSON and its NotificationData XML. Throws MalformedXmlError
 * (or SyntaxError) on anything unexpected; the verifier turns that into a "malformed" rejection.
 */
export function parseIpnMessage(message: string, sns: { messageId: string; topicArn: string }): IpnNotification {
  const parsed: unknown = JSON.parse(message);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new MalformedXmlError("Message is not a JSON object");
  }
  const json = parsed as JsonObject;
  const notificationType = readString(json, "NotificationType");
  const notificationReferenceId = readString(json, "NotificationReferenceId");
  const sellerId = readString(json, "SellerId");
  const notificationData = readString(json, "NotificationData");
  if (!notificationType || !notificationReferenceId || !sellerId || !notificationData) {
    throw new MalformedXmlError("Message lacks NotificationType, NotificationReferenceId, SellerId or NotificationData");
  }
  const common: IpnCommonFields = {
    notificationType,
    notificationReferenceId,
    sellerId,
    releaseEnvironment: readString(json, "ReleaseEnvironment"),
    version: readString(json, "Version"),
    timestamp: readString(json, "Timestamp"),
    marketplaceId: readString(json, "MarketplaceID"),
    isSample: readString(json, "IsSample") === "true",
    snsMessageId: sns.messageId,
    topicArn: sns.topicArn,
  };
  const doc = parseXmlDocument(notificationData);
  if (!doc) throw new MalformedXmlError("NotificationData is not XML");

  switch (notificationType) {
    case "PaymentAuthorize":
      return {
        ...common,
        type: "PaymentAuthorize",
        authorization: parseAuthorizationDetails(requireDetail(doc, "AuthorizationNotification", "AuthorizationDetails")),
      };
    case "PaymentCapture":
      return { ...common, type: "PaymentCapture", capture: parseCaptureDetails(requireDetail(doc, "CaptureNotification", "CaptureDetails")) };
    case "PaymentRefund":
      return { ...common, type: "PaymentRefund", refund: parseRefundDetails(requireDetail(doc, "RefundNotification", "RefundDetails")) };
    case "OrderReferenceNotification":
      return {
        ...common,
        type: "OrderReferenceNotification",
        orderReference: parseOrderReferenceDetails(requireDetail(doc, "OrderReferenceNotification", "OrderReference")),
      };
    case "BillingAgreementNotification":
      return {
        ...common,
        type: "BillingAgreementNotification",
        eventType: readString(json, "EventType"),
        billingAgreement: parseBillingAgreementDetails(requireDetail(doc, "BillingAgreementNotification", "BillingAgreement")),
      };
    default:
      return { ...common, type: "Other", notificationData };
  }
}
