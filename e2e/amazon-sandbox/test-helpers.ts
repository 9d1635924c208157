import { XMLParser } from "fast-xml-parser";
import { encodeFormBody, signParameters } from "../../lib/amazon-pay/signature";
import type { Sandbox, SandboxOptions } from "./server";
import { startSandbox } from "./server";
import type { Seller } from "./types";

export const SELLER: Seller = {
  sellerId: "A1TESTSELLER01",
  accessKey: "AKIATESTACCESS0001",
  secretKey: "test/secret+key=0001",
  clientId: "amzn1.application-oa2-client.test0001",
  clientSecret: "client-secret-0001",
  region: "us",
};

export const OTHER_SELLER: Seller = { ...SELLER, sellerId: "A2OTHERSELLER2", accessKey: "AKIAOTHER0002", secretKey: "other-secret" };

export const SANDBOX_PATH = "/OffAmazonPayments_Sandbox/2013-01-01";

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === "member" || name === "Constraint" || name === "Id" });

export type XmlNode = { [key: string]: XmlNode | XmlNode[] | string | undefined };

export type MwsResponse = { status: number; xml: string; doc: XmlNode };

export async function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, sellers: [SELLER, OTHER_SELLER], timing: { asyncAuthorizationMs: 1000, refundMs: 1000, pendingCaptureMs: 1000 }, ...options });
}

/** Builds the common parameters and signs them for `host` exactly as our client does. */
export function signRequest(
  sandbox: Sandbox,
  action: string,
  params: Record<string, string>,
  overrides: { seller?: Seller; timestamp?: string; path?: string; host?: string } = {},
): Record<string, string> {
  const seller = overrides.seller ?? SELLER;
  const all: Record<string, string> = {
    AWSAccessKeyId: seller.accessKey,
    Action: action,
    SellerId: seller.sellerId,
    SignatureMethod: "HmacSHA256",
    SignatureVersion: "2",
    Timestamp: overrides.timestamp ?? new Date(sandbox.clock.now()).toISOString(),
    Version: "2013-01-01",
    ...params,
  };
  const host = overrides.host ?? `127.0.0.1:${sandbox.port}`;
  all.Signature = signParameters(seller.secretKey, host, overrides.path ?? SANDBOX_PATH, all);
  return all;
}

export async function postSigned(sandbox: Sandbox, signed: Record<string, string>, path = SANDBOX_PATH): Promise<MwsResponse> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: encodeFormBody(signed),
  });
  const xml = await response.text();
  return { status: response.status, xml, doc: parser.parse(xml) as XmlNode };
}

export async function callMws(
  sandbox: Sandbox,
  action: string,
  params: Record<string, string> = {},
  overrides: { seller?: Seller; timestamp?: string; path?: string } = {},
): Promise<MwsResponse> {
  return postSigned(sandbox, signRequest(sandbox, action, params, overrides), overrides.path);
}

/** Walks a path of element names; throws a readable error when one is missing. */
export function dig(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const name of path) {
    if (typeof current !== "object" || current === null || !(name in current)) throw new Error(`missing ${path.join("/")} at ${name}`);
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

/** Like dig, as text (objects and lists as JSON, for `toContain` checks). */
export function pick(node: unknown, ...path: string[]): string {
  const value = dig(node, ...path);
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function errorCode(response: MwsResponse): string {
  return pick(response.doc, "ErrorResponse", "Error", "Code");
}

export async function control<T>(sandbox: Sandbox, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sandbox.url}${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function createCheckout(
  sandbox: Sandbox,
  type: "OrderReference" | "BillingAgreement" = "OrderReference",
  extra: Record<string, unknown> = {},
): Promise<{ id: string; accessToken: string }> {
  const { body } = await control<{ amazonOrderReferenceId?: string; amazonBillingAgreementId?: string; accessToken: string }>(
    sandbox,
    "POST",
    "/_sandbox/checkouts",
    { sellerId: SELLER.sellerId, type, buyer: { name: "Jane Buyer", email: "jane@example.com" }, ...extra },
  );
  return { id: body.amazonOrderReferenceId ?? body.amazonBillingAgreementId ?? "", accessToken: body.accessToken };
}

/** Draft → amount set → confirmed: an Open ORO ready for Authorize. */
export async function createOpenOrder(sandbox: Sandbox, amount = "100.00"): Promise<string> {
  const { id } = await createCheckout(sandbox);
  await callMws(sandbox, "SetOrderReferenceDetails", {
    AmazonOrderReferenceId: id,
    "OrderReferenceAttributes.OrderTotal.Amount": amount,
    "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
  });
  const confirmed = await callMws(sandbox, "ConfirmOrderReference", { AmazonOrderReferenceId: id });
  if (confirmed.status !== 200) throw new Error(confirmed.xml);
  return id;
}

export async function authorizeSync(
  sandbox: Sandbox,
  oroId: string,
  referenceId: string,
  amount = "100.00",
  extra: Record<string, string> = {},
): Promise<MwsResponse> {
  return callMws(sandbox, "Authorize", {
    AmazonOrderReferenceId: oroId,
    AuthorizationReferenceId: referenceId,
    "AuthorizationAmount.Amount": amount,
    "AuthorizationAmount.CurrencyCode": "USD",
    TransactionTimeout: "0",
    ...extra,
  });
}

export async function advanceMinutes(sandbox: Sandbox, minutes: number): Promise<void> {
  await control(sandbox, "POST", "/_sandbox/clock", { advanceMinutes: minutes });
}
