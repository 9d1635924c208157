import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers/content-security-policy";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Public without a session: sign-in, Auth.js, the public API (its own credentials), Next internals and static files.
const PUBLIC_PATH = /^\/(?:login(?:\/|$)|api\/|_next\/|favicon\.ico$)|\.(?:png|svg|ico|css|js|txt|map)$/;

/**
 * Runs on every request. It sets the Content-Security-Policy with a fresh nonce, on the
 * response and on the request (Next.js reads the nonce back from the request header and puts
 * it on the scripts it renders), adds HSTS when the browser reached us over TLS, refuses an
 * address that cannot be decoded, and sends visitors without a session cookie to /login. The
 * redirect is only a convenience: every page, action and route handler authorizes on its own
 * against the database. The headers that never change per request are in next.config.mjs.
 */
export function proxy(request: NextRequest) {
  const policy = buildContentSecurityPolicy({ nonce: createNonce(), isDevelopment: process.env.NODE_ENV === "development" });
  const response = !isDecodable(request.nextUrl.pathname)
    ? badAddress()
    : needsSignIn(request)
      ? redirectToLogin(request)
      : continueWithPolicy(request, policy);
  response.headers.set("Content-Security-Policy", policy);
  // Next.js derives the protocol from the socket or from X-Forwarded-Proto (set by a TLS proxy).
  // A forged header over plain HTTP does no harm: browsers ignore HSTS that did not come over TLS.
  if (request.nextUrl.protocol === "https:") response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Next.js answers a path it cannot percent-decode (e.g. /orders/%E2%82) with a bare 500; it is the client's mistake.
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function badAddress(): NextResponse {
  return new NextResponse("Bad request: the address is not valid percent-encoded UTF-8.\n", {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

function needsSignIn(request: NextRequest): boolean {
  if (PUBLIC_PATH.test(request.nextUrl.pathname)) return false;
  return !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

function redirectToLogin(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = request.nextUrl.pathname === "/" ? "" : `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

function continueWithPolicy(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}
