import {
  MalformedXmlError,
  parseAuthorizationDetails,
  parseBillingAgreementDetails,
  parseCaptureDetails,
  parseOrderReferenceDetails,
  parseRefundDetails,
  parseStatusElement,
} from "./parse-details";
import { getNode, getNodes, getRoot, getText, parseXmlDocument, type XmlNode } from "./xml";
import type {
  AuthorizationResult,
  AuthorizeOnBillingAgreementResult,
  BillingAgreementResult,
  CaptureResult,
  EmptyResult,
  MerchantAccountStatusResult,
  OrderReferenceResult,
  RefundResult,
  ServiceStatusResult,
  ValidateBillingAgreementResult,
} from "./types";

export type ResponseEnvelope = { requestId: string; result: XmlNode | undefined };

/** Reads both spellings: `RequestId` (normal) and `RequestID` (throttling, some EU errors). */
function readRequestId(node: XmlNode | undefined): string | undefined {
  return getText(node, "RequestId") ?? getText(node, "RequestID");
}

/** `<{Action}Response><{Action}Result/>?<ResponseMetadata><RequestId/></ResponseMetadata></…>` */
export function parseResponseEnvelope(xml: string, action: string): ResponseEnvelope {
  const doc = parseXmlDocument(xml);
  const root = doc && getRoot(doc);
  if (!root) throw new MalformedXmlError(`${action}: response is not XML`);
  if (root.name !== `${action}Response`) {
    throw new MalformedXmlError(`${action}: unexpected root element ${root.name}`);
  }
  const requestId = readRequestId(getNode(root.node, "ResponseMetadata")) ?? readRequestId(root.node) ?? "";
  return { requestId, result: getNode(root.node, `${action}Result`) };
}

export type ErrorDocument = { type: string; code: string; message: string; requestId?: string };

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`; null if not one. */
export function parseErrorDocument(xml: string): ErrorDocument | null {
  const doc = parseXmlDocument(xml);
  const root = doc && getRoot(doc);
  if (!root || root.name !== "ErrorResponse") return null;
  const error = getNode(root.node, "Error");
  const code = getText(error, "Code");
  if (!code) return null;
  return {
    type: getText(error, "Type") ?? "",
    code,
    message: getText(error, "Message") ?? "",
    requestId: readRequestId(root.node) ?? readRequestId(getNode(root.node, "ResponseMetadata")),
  };
}

function requireResult(envelope: ResponseEnvelope, action: string): XmlNode {
  if (!envelope.result) throw new MalformedXmlError(`${action}: missing ${action}Result`);
  return envelope.result;
}

function requireChild(node: XmlNode, name: string, action: string): XmlNode {
  const child = getNode(node, name);
  if (!child) throw new MalformedXmlError(`${action}: missing ${name}`);
  return child;
}

export function parseOrderReferenceResult(xml: string, action: string): OrderReferenceResult {
  const envelope = parseResponseEnvelope(xml, action);
  const details = requireChild(requireResult(envelope, action), "OrderReferenceDetails", action);
  return { requestId: envelope.requestId, orderReference: parseOrderReferenceDetails(details) };
}

export function parseAuthorizationResult(xml: string, action: string): AuthorizationResult {
  const envelope = parseResponseEnvelope(xml, action);
  const details = requireChild(requireResult(envelope, action), "AuthorizationDetails", action);
  return { requestId: envelope.requestId, authorization: parseAuthorizationDetails(details) };
}

export function parseCaptureResult(xml: string, action: string): CaptureResult {
  const envelope = parseResponseEnvelope(xml, action);
  const details = requireChild(requireResult(envelope, action), "CaptureDetails", action);
  return { requestId: envelope.requestId, capture: parseCaptureDetails(details) };
}

export function parseRefundResult(xml: string, action: string): RefundResult {
  const envelope = parseResponseEnvelope(xml, action);
  const details = requireChild(requireResult(envelope, action), "RefundDetails", action);
  return { requestId: envelope.requestId, refund: parseRefundDetails(details) };
}

export function parseBillingAgreementResult(xml: string, action: string): BillingAgreementResult {
  const envelope = parseResponseEnvelope(xml, action);
  const details = requireChild(requireResult(envelope, action), "BillingAgreementDetails", action);
  return { requestId: envelope.requestId, billingAgreement: parseBillingAgreementDetails(details) };
}

/** Void operations: `<XResult/>`, or only `ResponseMetadata`. */
export function parseEmptyResult(xml: string, action: string): EmptyResult {
  return { requestId: parseResponseEnvelope(xml, action).requestId };
}

export function parseServiceStatusResult(xml: string): ServiceStatusResult {
  const action = "GetServiceStatus";
  const envelope = parseResponseEnvelope(xml, action);
  const result = requireResult(envelope, action);
  const status = getText(result, "Status");
  if (!status) throw new MalformedXmlError(`${action}: missing Status`);
  return {
    requestId: envelope.requestId,
    status,
    timestamp: getText(result, "Timestamp"),
    messageId: getText(result, "MessageId"),
    messages: getNodes(getNode(result, "Messages"), "Message").map((message) => ({
      locale: getText(message, "Locale"),
      text: getText(message, "Text"),
    })),
  };
}

export function parseMerchantAccountStatusResult(xml: string): MerchantAccountStatusResult {
  const action = "GetMerchantAccountStatus";
  const envelope = parseResponseEnvelope(xml, action);
  const accountStatus = getText(requireResult(envelope, action), "AccountStatus");
  if (!accountStatus) throw new MalformedXmlError(`${action}: missing AccountStatus`);
  return { requestId: envelope.requestId, accountStatus };
}

export function parseValidateBillingAgreementResult(xml: string): ValidateBillingAgreementResult {
  const action = "ValidateBillingAgreement";
  const envelope = parseResponseEnvelope(xml, action);
  const result = requireResult(envelope, action);
  const validationResult = getText(result, "ValidationResult");
  if (!validationResult) throw new MalformedXmlError(`${action}: missing ValidationResult`);
  return {
    requestId: envelope.requestId,
    validationResult,
    failureReasonCode: getText(result, "FailureReasonCode"),
    billingAgreementStatus: getNode(result, "BillingAgreementStatus") ? parseStatusElement(result, "BillingAgreementStatus") : undefined,
  };
}

export function parseAuthorizeOnBillingAgreementResult(xml: string): AuthorizeOnBillingAgreementResult {
  const action = "AuthorizeOnBillingAgreement";
  const envelope = parseResponseEnvelope(xml, action);
  const result = requireResult(envelope, action);
  const amazonOrderReferenceId = getText(result, "AmazonOrderReferenceId");
  if (!amazonOrderReferenceId) throw new MalformedXmlError(`${action}: missing AmazonOrderReferenceId`);
  return {
    requestId: envelope.requestId,
    amazonOrderReferenceId,
    authorization: parseAuthorizationDetails(requireChild(result, "AuthorizationDetails", action)),
  };
}
