// Plain JavaScript: scripts/serve.mjs starts each request's context before Next sees the request.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { REQUEST_CONTEXT_KEY } from "./logger.mjs";

export const REQUEST_ID_HEADER = "x-request-id";

// A proxy's or a caller's id is kept so one request can be followed across systems; anything else
// (too long, odd characters, several values) is replaced, so a client cannot write into the log.
const ACCEPTED_ID = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

/** The id of a request: the caller's X-Request-Id when it is a plain token, otherwise a new UUID. */
export function chooseRequestId(incoming) {
  return typeof incoming === "string" && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
}

function requestContext() {
  globalThis[REQUEST_CONTEXT_KEY] ??= new AsyncLocalStorage();
  return globalThis[REQUEST_CONTEXT_KEY];
}

/** Runs `serve` with `requestId` on every log line written while it (and what it awaits) runs. */
export function runWithRequestId(requestId, serve) {
  return requestContext().run({ requestId }, serve);
}
