import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends visitors without a session cookie to /login. This is only a convenience: every page,
 * action and route handler authorizes on its own against the database.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = request.nextUrl.pathname === "/" ? "" : `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Public: sign-in, Auth.js, the public API (its own credentials), Next internals and static files.
  matcher: ["/((?!login|api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
