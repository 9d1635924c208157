import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP request sent from a chosen local address: every 127.x.y.z address is this machine's
 * loopback, so a test can be "another client" without a second machine, and the server sees
 * that address on the socket.
 */
export function rawRequest(
  url: string,
  options: { from?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function cookieHeader(setCookie: string[] | undefined): string {
  return (setCookie ?? []).map((c) => c.split(";")[0]).join("; ");
}

/**
 * A console sign-in the way the login form's Auth.js call makes it, from `from`: the answer is
 * where Auth.js redirects (`/login?error=…&code=…` when refused) and the session cookie, if any.
 */
export async function signInOverHttp(
  baseUrl: string,
  input: { email: string; password: string; from?: string; headers?: Record<string, string> },
): Promise<{ location: string; code: string | null; sessionCookie: string | null }> {
  const csrf = await rawRequest(`${baseUrl}/api/auth/csrf`, { from: input.from, headers: input.headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await rawRequest(`${baseUrl}/api/auth/callback/credentials`, {
    from: input.from,
    method: "POST",
    headers: { ...input.headers, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.headers["set-cookie"]) },
    body: new URLSearchParams({ csrfToken, email: input.email, password: input.password, callbackUrl: `${baseUrl}/` }).toString(),
  });
  const location = String(answer.headers.location ?? "");
  const session = (answer.headers["set-cookie"] ?? []).find((c) => c.startsWith("authjs.session-token="));
  return {
    location,
    code: location.includes("error=") ? new URL(location, baseUrl).searchParams.get("code") : null,
    sessionCookie: session ? session.split(";")[0] : null,
  };
}

/** A public API call (form-encoded), from `from`. */
export async function apiCall(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  options: { from?: string; headers?: Record<string, string> } = {},
) {
  const answer = await rawRequest(`${baseUrl}${path}`, {
    from: options.from,
    method: "POST",
    headers: { ...options.headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: answer.status,
    headers: answer.headers,
    json: JSON.parse(answer.body) as { result: string; code?: string; message: unknown; retryAfterSeconds?: number },
  };
}
