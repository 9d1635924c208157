import { createHmac, timingSafeEqual } from "node:crypto";
import { buildStringToSign } from "../../lib/amazon-pay/signature";
import type { Params, Seller } from "./types";
import type { Store } from "./store";
import { SandboxError } from "./errors";

export const SANDBOX_PATH = "/OffAmazonPayments_Sandbox/2013-01-01";
export const LIVE_PATH = "/OffAmazonPayments/2013-01-01";
const MAX_SKEW_MS = 15 * 60 * 1000;
const COMMON_PARAMS = ["AWSAccessKeyId", "Action", "SellerId", "SignatureMethod", "SignatureVersion", "Timestamp", "Version", "Signature"];

/** Which environment a path belongs to; trailing slash tolerated because Amazon's docs show it. */
export function classifyMwsPath(path: string): "sandbox" | "live" | undefined {
  const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
  if (trimmed === SANDBOX_PATH) return "sandbox";
  if (trimmed === LIVE_PATH) return "live";
  return undefined;
}

/** Form body and query string merged (§2.1: MWS accepts both); the body wins on a clash. */
export function mergeParams(query: URLSearchParams, body: string): Params {
  const params: Params = {};
  for (const [name, value] of query) params[name] = value;
  for (const [name, value] of new URLSearchParams(body)) params[name] = value;
  return params;
}

function hmac(algorithm: "sha256" | "sha1", secret: string, data: string): Buffer {
  return createHmac(algorithm, Buffer.from(secret, "utf8")).update(data, "utf8").digest();
}

function matchesSignature(seller: Seller, hosts: string[], path: string, params: Params): boolean {
  let provided: Buffer;
  try {
    provided = Buffer.from(params.Signature, "base64");
  } catch {
    return false;
  }
  const algorithm = params.SignatureMethod === "HmacSHA1" ? "sha1" : "sha256";
  return hosts.some((host) => {
    const expected = hmac(algorithm, seller.secretKey, buildStringToSign(host, path, params));
    return expected.length === provided.length && timingSafeEqual(expected, provided);
  });
}

/**
 * Verifies one MWS request the way the MWS front end does, in its order: common parameters,
 * access key, signature (Host header as received, then without port), timestamp window,
 * then the seller the key belongs to.
 */
export function verifyRequest(store: Store, input: { hostHeader: string; path: string; params: Params }): Seller {
  const { params } = input;
  for (const name of COMMON_PARAMS) {
    if (!params[name]) throw new SandboxError(400, "MissingParameter", `The request must contain the parameter ${name}.`);
  }
  const seller = store.sellersByAccessKey.get(params.AWSAccessKeyId);
  if (!seller) throw new SandboxError(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
  if (params.SignatureVersion !== "2") throw SandboxError.invalidValue(params.SignatureVersion, "SignatureVersion");
  if (params.SignatureMethod !== "HmacSHA256" && params.SignatureMethod !== "HmacSHA1") {
    throw SandboxError.invalidValue(params.SignatureMethod, "SignatureMethod");
  }
  const host = input.hostHeader.toLowerCase();
  const hosts = host.includes(":") ? [host, host.slice(0, host.lastIndexOf(":"))] : [host];
  if (!matchesSignature(seller, hosts, input.path, params)) {
    throw new SandboxError(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
  }
  const timestamp = Date.parse(params.Timestamp.replace(/z$/, "Z"));
  if (Number.isNaN(timestamp)) throw SandboxError.invalidValue(params.Timestamp, "Timestamp");
  if (Math.abs(timestamp - store.clock.now()) > MAX_SKEW_MS) {
    throw new SandboxError(400, "RequestExpired", `Request signature is too far in the past and has expired. Timestamp date: ${params.Timestamp}`);
  }
  if (params.Version !== "2013-01-01") throw SandboxError.invalidValue(params.Version, "Version");
  if (params.SellerId !== seller.sellerId) {
    throw new SandboxError(401, "AccessDenied", `Access denied: the access key is not authorized for seller ${params.SellerId}.`);
  }
  return seller;
}
