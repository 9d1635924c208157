/**
 * The client address as the Next server saw it. Behind a reverse proxy, configure the proxy to
 * overwrite X-Forwarded-For; the first entry is then the client.
 */
export function clientIpFromHeaders(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
