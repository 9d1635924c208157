// Plain JavaScript so that `npm start` (scripts/serve.mjs) can log through the same rules with no
// TypeScript loader.

/**
 * Field names whose values are never written to a log, compared lower-cased with everything but
 * letters and digits removed (`secret_key_enc`, `secretKeyEnc` and `SECRET-KEY` are one name).
 * A name containing any of these is censored, at any depth: a request's headers, a form's fields
 * and an error's extra properties all pass through here.
 */
export const SECRET_FIELD_PARTS = [
  "password",
  "passwd",
  "secret",
  "token",
  "cookie",
  "authorization",
  "privatekey",
  "apikey",
  "accesskey",
  "encryptionkey",
  "signature",
  "credential",
  // The lander API's amazonAddressConsent is a Login with Amazon access token.
  "consent",
  // scripts/serve.mjs hands the client address to the app with a per-start token in this header.
  "xmidconsoleclientaddress",
];

export const CENSORED = "[redacted]";

const MAX_DEPTH = 8;

export function isSecretField(name) {
  const plain = String(name)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
  return SECRET_FIELD_PARTS.some((part) => plain.includes(part));
}

/**
 * A copy of `value` with the value of every secret field replaced by "[redacted]". Errors are
 * left to serialize-error.mjs, which keeps none of their extra properties; cycles and nesting
 * deeper than a log needs end in "[…]".
 */
export function censorSecrets(value, depth = 0, seen = new WeakSet()) {
  if (value === null || typeof value !== "object" || value instanceof Error) return value;
  if (seen.has(value) || depth >= MAX_DEPTH) return "[…]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => censorSecrets(item, depth + 1, seen));
  if (value instanceof Headers || value instanceof Map) return censorSecrets(Object.fromEntries(value.entries()), depth, seen);
  const copy = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretField(key) ? CENSORED : censorSecrets(item, depth + 1, seen);
  return copy;
}
