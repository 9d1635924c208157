import { createHmac } from "node:crypto";

/**
 * MWS Signature Version 2 (reference §2.3). Shared by the client (to sign) and the
 * sandbox emulator (to verify), so both agree byte for byte.
 */

export type SignableParams = Readonly<Record<string, string>>;

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 percent-encoding with uppercase hex; `~` literal, space as %20, `*` as %2A. */
export function encodeRfc3986(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** Byte-wise (ordinal) sort of names — not locale, not case-insensitive. */
function compareOrdinal(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

export function buildCanonicalQuery(params: SignableParams): string {
  return Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort(compareOrdinal)
    .map((name) => `${encodeRfc3986(name)}=${encodeRfc3986(params[name] ?? "")}`)
    .join("&");
}

/** Host must already be as it appears on the wire (`host` or `host:port` for non-standard ports). */
export function buildStringToSign(host: string, path: string, params: SignableParams): string {
  return ["POST", host.toLowerCase(), path || "/", buildCanonicalQuery(params)].join("\n");
}

export function computeSignature(secretKey: string, stringToSign: string): string {
  return createHmac("sha256", Buffer.from(secretKey, "utf8")).update(stringToSign, "utf8").digest("base64");
}

export function signParameters(secretKey: string, host: string, path: string, params: SignableParams): string {
  return computeSignature(secretKey, buildStringToSign(host, path, params));
}

/** The host line for a URL: lowercase, with the port only when it is not the scheme's default. */
export function hostForSigning(url: URL): string {
  return url.host.toLowerCase();
}

/** Form-encodes a parameter map for the request body (the Signature included). */
export function encodeFormBody(params: SignableParams): string {
  return Object.entries(params)
    .map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`)
    .join("&");
}
