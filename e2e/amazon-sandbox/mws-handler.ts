import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Operation } from "./context";
import type { Store } from "./store";
import type { FaultState } from "./faults";
import { computeLatencyMs, takeFault } from "./faults";
import type { Throttle } from "./throttle";
import { buildErrorXml, SandboxError } from "./errors";
import { API_NAMESPACE } from "./xml";
import { classifyMwsPath, mergeParams, verifyRequest } from "./verify";
import { ORDER_REFERENCE_OPERATIONS } from "./order-reference-ops";
import { PAYMENT_OPERATIONS } from "./payment-ops";
import { BILLING_AGREEMENT_OPERATIONS } from "./billing-agreement-ops";
import { SERVICE_OPERATIONS } from "./service-ops";
import { formatTimestamp } from "./clock";

const OPERATIONS: Record<string, Operation> = { ...ORDER_REFERENCE_OPERATIONS, ...PAYMENT_OPERATIONS, ...BILLING_AGREEMENT_OPERATIONS, ...SERVICE_OPERATIONS };

export type MwsDeps = { store: Store; faults: FaultState; throttle: Throttle };

function send(res: ServerResponse, status: number, xml: string, requestId: string, now: number): void {
  res.writeHead(status, {
    "content-type": "text/xml",
    "content-length": Buffer.byteLength(xml),
    "x-mws-request-id": requestId,
    "x-mws-timestamp": formatTimestamp(now),
  });
  res.end(xml);
}

function buildSuccessXml(action: string, result: string | undefined, requestId: string): string {
  const resultXml = result === undefined ? "" : result === "" ? `<${action}Result/>` : `<${action}Result>${result}</${action}Result>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${API_NAMESPACE}">${resultXml}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

/** Runs one operation and returns [status, xml]; Amazon errors become ErrorResponse documents. */
function execute(action: string, run: () => string | undefined): [number, string] {
  const requestId = randomUUID();
  try {
    return [200, buildSuccessXml(action, run(), requestId)];
  } catch (error) {
    if (error instanceof SandboxError) return [error.httpStatus, buildErrorXml(error, requestId)];
    const internal = new SandboxError(500, "InternalError", "We encountered an internal error. Please try again.", "Receiver");
    return [500, buildErrorXml(internal, requestId)];
  }
}

export async function handleMws(deps: MwsDeps, req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
  const { store } = deps;
  const environment = classifyMwsPath(url.pathname);
  const requestId = randomUUID();
  if (req.method !== "POST" || environment === undefined) {
    send(
      res,
      404,
      buildErrorXml(new SandboxError(404, "InvalidAddress", `The requested address ${url.pathname} is not valid.`), requestId),
      requestId,
      store.clock.now(),
    );
    return;
  }
  const latency = computeLatencyMs(deps.faults);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  const params = mergeParams(url.searchParams, body);
  const live = environment === "live";
  let seller;
  try {
    seller = verifyRequest(store, { hostHeader: req.headers.host ?? "", path: url.pathname, params });
  } catch (error) {
    const failure = error instanceof SandboxError ? error : new SandboxError(400, "InvalidParameterValue", "The request could not be read.");
    send(res, failure.httpStatus, buildErrorXml(failure, requestId), requestId, store.clock.now());
    return;
  }
  const action = params.Action;
  const operation = OPERATIONS[action];
  if (!operation) {
    send(res, 400, buildErrorXml(SandboxError.invalidValue(action, "Action"), requestId), requestId, store.clock.now());
    return;
  }
  const fault = takeFault(deps.faults, action);
  if (fault === "reset") {
    req.socket.destroy();
    return;
  }
  if (fault === "timeout") return; // Never answered: the client's own timeout must fire.
  if (fault === "500" || fault === "503" || fault === "throttle") {
    const injected =
      fault === "500"
        ? new SandboxError(500, "InternalServerError", "We encountered an internal error. Please try again.", "Receiver")
        : fault === "503"
          ? new SandboxError(503, "ServiceUnavailable", "Service is temporarily unavailable. Please try again.", "Receiver")
          : new SandboxError(503, "RequestThrottled", "Request is throttled", "");
    send(res, injected.httpStatus, buildErrorXml(injected, requestId), requestId, store.clock.now());
    return;
  }
  if (!deps.throttle.allow(seller.sellerId, action, store.clock.now())) {
    send(res, 503, buildErrorXml(new SandboxError(503, "RequestThrottled", "Request is throttled", ""), requestId), requestId, store.clock.now());
    return;
  }
  store.currentLive = live;
  const [status, xml] = execute(action, () => operation({ store, seller, params, live }).result);
  store.currentLive = false;
  if (fault === "apply-then-500") {
    const injected = new SandboxError(500, "InternalServerError", "We encountered an internal error. Please try again.", "Receiver");
    send(res, 500, buildErrorXml(injected, requestId), requestId, store.clock.now());
    return;
  }
  send(res, status, xml, requestId, store.clock.now());
}
