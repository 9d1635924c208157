import http from "node:http";
import https from "node:https";

export type HttpResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * `phase: "connect"` — no connection was made, so the request was certainly not sent.
 * `phase: "response"` — connected; the request may have been received and acted upon.
 */
export class HttpTransportError extends Error {
  readonly phase: "connect" | "response";
  readonly kind: "timeout" | "error";
  constructor(phase: "connect" | "response", kind: "timeout" | "error", message: string) {
    super(message);
    this.name = "HttpTransportError";
    this.phase = phase;
    this.kind = kind;
  }
}

export type HttpRequestOptions = {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  connectTimeoutMs: number;
  /** From connection until the whole response body has arrived. */
  responseTimeoutMs: number;
  maxBodyBytes?: number;
};

const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * One HTTP exchange with separate connect and response timeouts. A fresh connection per
 * request (no keep-alive) so a stale pooled socket can never turn into an "outcome unknown"
 * failure for a request that was in fact never processed.
 */
export function sendHttpRequest(url: URL, options: HttpRequestOptions): Promise<HttpResponse> {
  const transport = url.protocol === "https:" ? https : http;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return new Promise((resolve, reject) => {
    let connected = false;
    let settled = false;
    let responseTimer: NodeJS.Timeout | undefined;
    const headers = { ...options.headers };
    if (options.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(options.body, "utf8"));

    const request = transport.request(url, { method: options.method, headers, agent: false });

    const fail = (phase: "connect" | "response", kind: "timeout" | "error", message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(responseTimer);
      request.destroy();
      reject(new HttpTransportError(phase, kind, message));
    };

    const connectTimer = setTimeout(
      () => fail("connect", "timeout", `no connection to ${url.host} within ${options.connectTimeoutMs} ms`),
      options.connectTimeoutMs,
    );

    const onConnected = () => {
      if (connected || settled) return;
      connected = true;
      clearTimeout(connectTimer);
      responseTimer = setTimeout(
        () => fail("response", "timeout", `no complete response from ${url.host} within ${options.responseTimeoutMs} ms`),
        options.responseTimeoutMs,
      );
    };

    request.on("socket", (socket) => {
      if (socket.connecting) socket.once("connect", onConnected);
      else onConnected();
    });

    request.on("error", (error: NodeJS.ErrnoException) => {
      fail(connected ? "response" : "connect", "error", `${error.code ?? "error"}: ${error.message}`);
    });

    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) fail("response", "error", `response body larger than ${maxBodyBytes} bytes`);
        else chunks.push(chunk);
      });
      response.on("error", (error) => fail("response", "error", error.message));
      response.on("close", () => {
        if (!response.complete) fail("response", "error", "connection closed before the response was complete");
      });
      response.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(responseTimer);
        resolve({
          status: response.statusCode ?? 0,
          headers: flattenHeaders(response.headers),
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });

    request.end(options.body);
  });
}
