/**
 * The Content-Security-Policy of every response. Scripts run only with this request's nonce
 * (Next.js reads it back from the request's own CSP header and puts it on the scripts it
 * renders); what those scripts load is trusted through 'strict-dynamic'. No page may be framed.
 */
export function buildContentSecurityPolicy({ nonce, isDevelopment }: { nonce: string; isDevelopment: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its call stacks; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: a fresh nonce for each request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** HSTS for responses that reached the browser over TLS (browsers ignore it on plain HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
