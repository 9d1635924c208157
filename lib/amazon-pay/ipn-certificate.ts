import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * Where IPN signing certificates may come from. Amazon's SDKs accept only
 * `https://sns.<region>.amazonaws.com(.cn)/….pem` (reference §8.3).
 */
const SNS_HOST = /^sns\.[a-z0-9-]{3,}\.amazonaws\.com(\.cn)?$/;

export function isTrustedCertificateUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === "https:" && url.port === "" && url.username === "" && url.password === "" && SNS_HOST.test(url.hostname) && url.pathname.endsWith(".pem")
  );
}

/**
 * `AMAZON_IPN_CERT_PEM` may hold the PEM text itself (with real or `\n`-escaped newlines)
 * or the path of a .pem file.
 */
export function loadPinnedCertificate(pemOrPath: string): X509Certificate {
  const value = pemOrPath.trim();
  const pem = value.includes("-----BEGIN") ? value.replace(/\\n/g, "\n") : readFileSync(value, "utf8");
  return new X509Certificate(pem);
}

export type CertificateFetcher = (url: string) => Promise<string>;

const CERT_FETCH_TIMEOUT_MS = 5_000;
const CERT_CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_CERT_BYTES = 64 * 1024;
/** SNS uses a handful of certificates; the bound only stops a flood of distinct URLs from growing the map. */
const MAX_CACHED_CERTIFICATES = 50;

export const fetchCertificateOverHttps: CertificateFetcher = async (url) => {
  const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(CERT_FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`certificate download failed: HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_CERT_BYTES) throw new Error("certificate download too large");
  return text;
};

type CacheEntry = { certificate: Promise<X509Certificate>; expiresAt: number };

/** In-memory cache keyed by URL; concurrent requests for one URL share a single download. */
export function createCertificateCache(fetcher: CertificateFetcher = fetchCertificateOverHttps) {
  const entries = new Map<string, CacheEntry>();
  return {
    get(url: string, now: number): Promise<X509Certificate> {
      const cached = entries.get(url);
      if (cached && cached.expiresAt > now) return cached.certificate;
      const certificate = fetcher(url).then((pem) => new X509Certificate(pem));
      if (entries.size >= MAX_CACHED_CERTIFICATES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(url, { certificate, expiresAt: now + CERT_CACHE_TTL_MS });
      certificate.catch(() => entries.delete(url));
      return certificate;
    },
    clear(): void {
      entries.clear();
    },
  };
}

export type CertificateCache = ReturnType<typeof createCertificateCache>;

/** A downloaded SNS certificate must be for `sns.amazonaws.com` (PHP/Ruby SDK check) and currently valid. */
export function checkDownloadedCertificate(certificate: X509Certificate, now: Date): string | null {
  const commonNames = certificate.subject
    .split("\n")
    .filter((line) => line.startsWith("CN="))
    .map((line) => line.slice(3));
  if (!commonNames.includes("sns.amazonaws.com")) return "certificate is not issued to sns.amazonaws.com";
  if (new Date(certificate.validFrom) > now || new Date(certificate.validTo) < now) return "certificate is not currently valid";
  return null;
}
