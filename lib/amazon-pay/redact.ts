/** Redaction of request parameters before they leave the client (`onCall` records). */

const REDACTED = "[redacted]";

/** Credentials and tokens: value replaced entirely. */
const SECRET_NAMES = new Set(["Signature", "MWSAuthToken", "AddressConsentToken", "AccessToken"]);

/**
 * Free text written by the merchant (may hold customer data or simulation strings): replaced
 * with its length only. Matched on the last path segment, so `OrderReferenceAttributes.SellerNote`
 * and `BillingAgreementAttributes.SellerNote` are both covered.
 */
const FREE_TEXT_NAMES = new Set([
  "SellerNote",
  "SellerAuthorizationNote",
  "SellerCaptureNote",
  "SellerRefundNote",
  "SoftDescriptor",
  "CustomInformation",
  "SupplementaryData",
  "CancelationReason",
  "ClosureReason",
  "CreditReversalNote",
]);

/** `AKIAIOSFODNN7EXAMPLE` → `****MPLE`; short keys are fully masked. */
export function maskAccessKey(accessKey: string): string {
  return accessKey.length > 8 ? `****${accessKey.slice(-4)}` : "****";
}

function lastSegment(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot === -1 ? name : name.slice(dot + 1);
}

export type RedactOptions = {
  /** Values never to be shown, whatever parameter carries them (the secret key). */
  secretValues?: readonly string[];
};

export function redactParams(params: Readonly<Record<string, string>>, options: RedactOptions = {}): Record<string, string> {
  const secrets = (options.secretValues ?? []).filter((value) => value.length > 0);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const leaf = lastSegment(name);
    if (name === "AWSAccessKeyId") out[name] = maskAccessKey(value);
    else if (SECRET_NAMES.has(leaf) || /secret/i.test(leaf)) out[name] = REDACTED;
    else if (FREE_TEXT_NAMES.has(leaf)) out[name] = `[redacted ${value.length} chars]`;
    else if (secrets.some((secret) => value.includes(secret))) out[name] = REDACTED;
    else out[name] = value;
  }
  return out;
}

/** Removes any secret value from free text (error messages built from responses). */
export function scrubSecrets(text: string, secretValues: readonly string[]): string {
  let out = text;
  for (const secret of secretValues) {
    if (secret.length > 0) out = out.split(secret).join(REDACTED);
  }
  return out;
}
