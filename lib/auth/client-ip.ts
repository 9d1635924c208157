import { timingSafeEqual } from "node:crypto";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_TOKEN_ENV } from "./trust-proxy.mjs";
import { log } from "@/lib/log/logger.mjs";

let warnedUnknown = false;

/**
 * The client address that the app server (scripts/serve.mjs) decided from the socket and
 * TRUST_PROXY. X-Forwarded-For is never read here: inside Next a header the client wrote cannot be
 * told from one a proxy wrote. Without that server (`next dev`, a bare `next start`) the address
 * is "unknown", which IP allow-lists refuse.
 */
export function clientIpFromHeaders(headers: Headers): string {
  const token = process.env[CLIENT_ADDRESS_TOKEN_ENV];
  const value = headers.get(CLIENT_ADDRESS_HEADER) ?? "";
  const space = value.indexOf(" ");
  if (token && space > 0 && isSameToken(value.slice(0, space), token)) return value.slice(space + 1);
  if (!warnedUnknown) {
    warnedUnknown = true;
    log.warn("client addresses are unknown: start the app with `npm start` (scripts/serve.mjs), which decides them from the socket and TRUST_PROXY.");
  }
  return "unknown";
}

function isSameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
