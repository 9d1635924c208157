import { createVerify, type X509Certificate } from "node:crypto";
import {
  checkDownloadedCertificate,
  createCertificateCache,
  isTrustedCertificateUrl,
  loadPinnedCertificate,
  type CertificateCache,
  type CertificateFetcher,
} from "./ipn-certificate";
import { parseIpnMessage, type IpnNotification } from "./ipn-notification";

export type IpnRejectionReason =
  "malformed" | "not-notification" | "unsupported-signature-version" | "untrusted-cert-url" | "cert-unavailable" | "bad-signature" | "stale";

export type IpnVerificationResult = { ok: true; notification: IpnNotification } | { ok: false; reason: IpnRejectionReason; detail: string };

export type IpnVerifierOptions = {
  /**
   * Pinned signing certificate: PEM text or a path to a .pem file (`AMAZON_IPN_CERT_PEM`).
   * When set, only this certificate is trusted and `SigningCertURL` is neither checked nor fetched
   * (the emulator serves its certificate from a non-Amazon URL).
   */
  pinnedCertificate?: string;
  /** How old an envelope `Timestamp` may be; default 1 hour. */
  maxAgeMs?: number;
  /** How far in the future a `Timestamp` may be (clock skew); default 5 minutes. */
  maxFutureSkewMs?: number;
  now?: () => Date;
  /** Downloads a certificate URL that passed the host check (tests inject one). */
  fetchCertificate?: CertificateFetcher;
};

export type IpnInput = {
  /** Raw request body (the SNS JSON envelope). */
  body: string;
  /** Request headers, when available; `x-amz-sns-message-type` and `x-amz-sns-topic-arn` are checked if present. */
  headers?: Headers | Record<string, string | string[] | undefined>;
};

const DEFAULT_MAX_AGE_MS = 60 * 60 * 1000;
const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

type Envelope = {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: string;
  Signature: string;
  SigningCertURL: string;
};

const REQUIRED_FIELDS = ["Type", "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL"] as const;

function parseEnvelope(body: string): Envelope | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "body is not JSON";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "body is not a JSON object";
  const json = parsed as Record<string, unknown>;
  for (const field of REQUIRED_FIELDS) {
    if (typeof json[field] !== "string" || json[field] === "") return `envelope field ${field} missing`;
  }
  if (json.Subject !== undefined && typeof json.Subject !== "string") return "envelope field Subject is not a string";
  return json as Envelope;
}

/** SignatureVersion 1/2 string to sign for `Notification` messages (reference §8.3). */
export function buildSnsStringToSign(envelope: Pick<Envelope, "Message" | "MessageId" | "Subject" | "Timestamp" | "TopicArn" | "Type">): string {
  const fields: [string, string | undefined][] = [
    ["Message", envelope.Message],
    ["MessageId", envelope.MessageId],
    ["Subject", envelope.Subject],
    ["Timestamp", envelope.Timestamp],
    ["TopicArn", envelope.TopicArn],
    ["Type", envelope.Type],
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `${name}\n${value}\n`)
    .join("");
}

function readHeader(headers: IpnInput["headers"], name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function reject(reason: IpnRejectionReason, detail: string): IpnVerificationResult {
  return { ok: false, reason, detail };
}

/**
 * Verifies Amazon Pay IPNs delivered by SNS. Never throws for bad input: every problem comes
 * back as `{ ok: false, reason }`. Duplicates are not detected here (the caller de-duplicates
 * on `notificationReferenceId`).
 */
export function createIpnVerifier(options: IpnVerifierOptions = {}) {
  const pinned = options.pinnedCertificate?.trim() ? loadPinnedCertificate(options.pinnedCertificate) : undefined;
  const cache: CertificateCache = createCertificateCache(options.fetchCertificate);
  const now = options.now ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const maxFutureSkewMs = options.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS;

  async function resolveCertificate(url: string, at: Date): Promise<X509Certificate | IpnVerificationResult> {
    if (pinned) return pinned;
    if (!isTrustedCertificateUrl(url)) return reject("untrusted-cert-url", "SigningCertURL is not https://sns.<region>.amazonaws.com/….pem");
    try {
      const certificate = await cache.get(url, at.getTime());
      const problem = checkDownloadedCertificate(certificate, at);
      return problem ? reject("cert-unavailable", problem) : certificate;
    } catch (error) {
      return reject("cert-unavailable", error instanceof Error ? error.message : "certificate download failed");
    }
  }

  async function verify(input: IpnInput): Promise<IpnVerificationResult> {
    const envelope = parseEnvelope(input.body);
    if (typeof envelope === "string") return reject("malformed", envelope);

    const headerType = readHeader(input.headers, "x-amz-sns-message-type");
    if (envelope.Type !== "Notification" || (headerType !== undefined && headerType !== "Notification")) {
      return reject("not-notification", `message type ${headerType ?? envelope.Type} is not Notification`);
    }
    const headerTopic = readHeader(input.headers, "x-amz-sns-topic-arn");
    if (headerTopic !== undefined && headerTopic !== envelope.TopicArn) {
      return reject("malformed", "x-amz-sns-topic-arn header does not match TopicArn");
    }
    const algorithm = envelope.SignatureVersion === "1" ? "RSA-SHA1" : envelope.SignatureVersion === "2" ? "RSA-SHA256" : null;
    if (!algorithm) return reject("unsupported-signature-version", `SignatureVersion ${envelope.SignatureVersion}`);

    const at = now();
    const sentAt = Date.parse(envelope.Timestamp);
    if (Number.isNaN(sentAt)) return reject("malformed", "Timestamp is not a date");
    if (at.getTime() - sentAt > maxAgeMs) return reject("stale", `Timestamp ${envelope.Timestamp} is older than ${maxAgeMs} ms`);
    if (sentAt - at.getTime() > maxFutureSkewMs) return reject("stale", `Timestamp ${envelope.Timestamp} is in the future`);

    const certificate = await resolveCertificate(envelope.SigningCertURL, at);
    if ("ok" in certificate) return certificate;

    let valid = false;
    try {
      valid = createVerify(algorithm).update(buildSnsStringToSign(envelope), "utf8").verify(certificate.publicKey, envelope.Signature, "base64");
    } catch {
      valid = false;
    }
    if (!valid) return reject("bad-signature", "signature does not verify with the signing certificate");

    try {
      return { ok: true, notification: parseIpnMessage(envelope.Message, { messageId: envelope.MessageId, topicArn: envelope.TopicArn }) };
    } catch (error) {
      return reject("malformed", error instanceof Error ? error.message : "Message could not be parsed");
    }
  }

  return { verify, clearCertificateCache: cache.clear };
}

export type IpnVerifier = ReturnType<typeof createIpnVerifier>;

let defaultVerifier: IpnVerifier | undefined;

/** One-off verification with default options and a process-wide certificate cache. */
export function verifyIpn(input: IpnInput, options?: IpnVerifierOptions): Promise<IpnVerificationResult> {
  if (options) return createIpnVerifier(options).verify(input);
  defaultVerifier ??= createIpnVerifier();
  return defaultVerifier.verify(input);
}
