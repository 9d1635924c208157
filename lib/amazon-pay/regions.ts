import type { Region } from "./types";

/** MWS hosts per region (reference §1.1). UK and DE share the EU host. */
export const MWS_HOSTS: Readonly<Record<Region, string>> = {
  US: "mws.amazonservices.com",
  UK: "mws-eu.amazonservices.com",
  DE: "mws-eu.amazonservices.com",
  JP: "mws.amazonservices.jp",
};

export const API_VERSION = "2013-01-01";
export const LIVE_PATH = `/OffAmazonPayments/${API_VERSION}`;
export const SANDBOX_PATH = `/OffAmazonPayments_Sandbox/${API_VERSION}`;

/** Login with Amazon API hosts (reference §1.2). */
export const LWA_HOSTS: Readonly<Record<Region, { live: string; sandbox: string }>> = {
  US: { live: "api.amazon.com", sandbox: "api.sandbox.amazon.com" },
  UK: { live: "api.amazon.co.uk", sandbox: "api.sandbox.amazon.co.uk" },
  DE: { live: "api.amazon.de", sandbox: "api.sandbox.amazon.de" },
  JP: { live: "api.amazon.co.jp", sandbox: "api.sandbox.amazon.co.jp" },
};

export const REGIONS: readonly Region[] = ["US", "UK", "DE", "JP"];

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

/** Parses an override such as `http://127.0.0.1:8484` (a bare `host:port` means http). */
export function parseBaseUrlOverride(override: string): URL {
  const trimmed = override.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = new URL(withScheme);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`endpoint override must be http(s), got ${url.protocol}`);
  }
  return url;
}

function joinPath(prefix: string, path: string): string {
  return prefix.replace(/\/+$/, "") + path;
}

/**
 * The MWS URL a client posts to. With an override, the override's scheme/host/port (and any
 * path prefix) replace Amazon's host; the sandbox/live path is kept, so the emulator can tell
 * environments apart and the signed host line becomes e.g. `127.0.0.1:8484`.
 */
export function resolveServiceUrl(options: { region: Region; sandbox: boolean; endpointOverride?: string }): URL {
  const path = options.sandbox ? SANDBOX_PATH : LIVE_PATH;
  if (options.endpointOverride) {
    const base = parseBaseUrlOverride(options.endpointOverride);
    return new URL(`${base.protocol}//${base.host}${joinPath(base.pathname, path)}`);
  }
  return new URL(`https://${MWS_HOSTS[options.region]}${path}`);
}

/** Base URL for Login with Amazon calls (`/auth/o2/tokeninfo`, `/user/profile` are appended). */
export function resolveLwaBaseUrl(options: { region: Region; sandbox: boolean; endpointOverride?: string }): string {
  if (options.endpointOverride) {
    const base = parseBaseUrlOverride(options.endpointOverride);
    return `${base.protocol}//${base.host}${base.pathname.replace(/\/+$/, "")}`;
  }
  const hosts = LWA_HOSTS[options.region];
  return `https://${options.sandbox ? hosts.sandbox : hosts.live}`;
}
