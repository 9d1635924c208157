import { AmazonPayError, CLIENT_ERROR_CODES, isRetriableHttpStatus } from "./errors";
import { HttpTransportError, sendHttpRequest, type HttpResponse } from "./http-post";
import { MalformedXmlError } from "./parse-details";
import { parseErrorDocument } from "./parse-responses";
import { redactParams, scrubSecrets } from "./redact";
import { API_VERSION } from "./regions";
import { encodeFormBody, hostForSigning, signParameters } from "./signature";
import type { ParamMap } from "./request-params";
import type { GatewayCallRecord } from "./types";

export type MwsTransportConfig = {
  sellerId: string;
  accessKey: string;
  secretKey: string;
  mwsAuthToken?: string;
  serviceUrl: URL;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  maxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  userAgent: string;
  onCall?: (record: GatewayCallRecord) => unknown;
  now: () => Date;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
};

export type MwsCallOptions = {
  /**
   * True when repeating the request after it may already have been applied is harmless:
   * reads, Authorize/Capture/Refund/AuthorizeOnBillingAgreement (idempotent per reference id),
   * and SetOrderReferenceDetails/SetBillingAgreementDetails (same values on a Draft object).
   */
  safeToRepeat: boolean;
};

/** Exponential back-off ×4 per attempt (base, 4·base, 16·base …) capped, with "equal jitter". */
export function computeRetryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 4 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Common parameters (reference §2.2) + a fresh Timestamp + Signature. */
export function buildSignedParams(config: MwsTransportConfig, action: string, operationParams: ParamMap): ParamMap {
  const params: ParamMap = {
    ...operationParams,
    AWSAccessKeyId: config.accessKey,
    Action: action,
    SellerId: config.sellerId,
    SignatureMethod: "HmacSHA256",
    SignatureVersion: "2",
    Timestamp: config.now().toISOString(),
    Version: API_VERSION,
  };
  if (config.mwsAuthToken) params.MWSAuthToken = config.mwsAuthToken;
  params.Signature = signParameters(config.secretKey, hostForSigning(config.serviceUrl), config.serviceUrl.pathname, params);
  return params;
}

function findRequestId(response: HttpResponse): string | undefined {
  const fromBody = /<(?:[\w.-]+:)?RequestI[dD]>\s*([^<\s]+)\s*<\/(?:[\w.-]+:)?RequestI[dD]>/.exec(response.body)?.[1];
  return fromBody ?? response.headers["x-mws-request-id"];
}

/** 4xx and 503 (throttled / unavailable) mean "not processed"; other 5xx leave the outcome open. */
function mayHaveAppliedForStatus(status: number): boolean {
  return status >= 500 && status !== 503;
}

function errorFromResponse(response: HttpResponse, action: string, secrets: readonly string[]): AmazonPayError {
  const document = parseErrorDocument(response.body);
  const retriable = isRetriableHttpStatus(response.status);
  if (document) {
    const type = document.type === "Sender" || document.type === "Receiver" ? document.type : "";
    return new AmazonPayError({
      httpStatus: response.status,
      type,
      code: document.code,
      message: scrubSecrets(document.message || document.code, secrets),
      requestId: document.requestId ?? response.headers["x-mws-request-id"],
      retriable,
      mayHaveApplied: mayHaveAppliedForStatus(response.status),
      action,
    });
  }
  return new AmazonPayError({
    httpStatus: response.status,
    type: response.status >= 500 ? "Receiver" : "Sender",
    code: `HTTP${response.status}`,
    message: `${action}: HTTP ${response.status} without an Amazon error document`,
    requestId: response.headers["x-mws-request-id"],
    retriable,
    mayHaveApplied: mayHaveAppliedForStatus(response.status),
    action,
  });
}

function errorFromTransport(error: HttpTransportError, action: string): AmazonPayError {
  if (error.phase === "connect") {
    return new AmazonPayError({
      httpStatus: 0,
      type: "Transport",
      code: CLIENT_ERROR_CODES.connection,
      message: `${action}: ${error.message}`,
      retriable: true,
      mayHaveApplied: false,
      action,
    });
  }
  return new AmazonPayError({
    httpStatus: 0,
    type: "Transport",
    code: error.kind === "timeout" ? CLIENT_ERROR_CODES.timeout : CLIENT_ERROR_CODES.connectionReset,
    message: `${action}: ${error.message} (the request may have been applied; repeat it with the same reference ids)`,
    retriable: true,
    mayHaveApplied: true,
    action,
  });
}

function malformedError(action: string, detail: string, requestId: string | undefined): AmazonPayError {
  return new AmazonPayError({
    httpStatus: 200,
    type: "Client",
    code: CLIENT_ERROR_CODES.malformedResponse,
    message: `${action}: could not read the response (${detail})`,
    requestId,
    retriable: false,
    mayHaveApplied: true,
    action,
  });
}

/** The final error, knowing every attempt: if any attempt may have applied, the call may have. */
function finalError(error: AmazonPayError, attempts: number, earlierMayHaveApplied: boolean): AmazonPayError {
  return new AmazonPayError({
    ...error,
    message: error.message,
    mayHaveApplied: error.mayHaveApplied || earlierMayHaveApplied,
    attempts,
  });
}

/** Awaited, so each attempt is recorded before the next one starts (the records keep their order). */
async function emit(config: MwsTransportConfig, record: GatewayCallRecord): Promise<void> {
  if (!config.onCall) return;
  try {
    await config.onCall(record);
  } catch {
    // A failing audit hook must not turn a completed payment call into an error.
  }
}

/**
 * Signs and posts one operation, retrying on HTTP 503, on connection failures before sending,
 * and — only when `safeToRepeat` — on HTTP 500 and failures after sending. Each attempt is
 * re-signed with a new Timestamp; operation parameters (and so reference ids) are identical.
 */
export async function executeMwsCall<T>(
  config: MwsTransportConfig,
  action: string,
  operationParams: ParamMap,
  parse: (xml: string) => T,
  options: MwsCallOptions,
): Promise<T> {
  const secrets = [config.secretKey];
  const maxAttempts = Math.max(1, Math.floor(config.maxAttempts));
  let earlierMayHaveApplied = false;
  for (let attempt = 1; ; attempt++) {
    const params = buildSignedParams(config, action, operationParams);
    const startedAt = config.now();
    const started = performance.now();
    const record = (fields: Pick<GatewayCallRecord, "httpStatus" | "requestId" | "errorCode" | "willRetry">) =>
      emit(config, {
        action,
        params: redactParams(params, { secretValues: secrets }),
        durationMs: Math.round(performance.now() - started),
        attempt,
        startedAt: startedAt.toISOString(),
        ...fields,
      });

    let response: HttpResponse;
    try {
      response = await sendHttpRequest(config.serviceUrl, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
          "User-Agent": config.userAgent,
          Accept: "text/xml, application/xml",
        },
        body: encodeFormBody(params),
        connectTimeoutMs: config.connectTimeoutMs,
        responseTimeoutMs: config.responseTimeoutMs,
      });
    } catch (caught) {
      if (!(caught instanceof HttpTransportError)) throw caught;
      const error = errorFromTransport(caught, action);
      const willRetry = attempt < maxAttempts && (caught.phase === "connect" || options.safeToRepeat);
      await record({ httpStatus: 0, errorCode: error.code, willRetry });
      if (!willRetry) throw finalError(error, attempt, earlierMayHaveApplied);
      earlierMayHaveApplied ||= error.mayHaveApplied;
      await config.sleep(computeRetryDelay(attempt, config.retryBaseDelayMs, config.retryMaxDelayMs, config.random));
      continue;
    }

    const requestId = findRequestId(response);
    if (response.status !== 200) {
      const error = errorFromResponse(response, action, secrets);
      // 503 means "not processed": always worth another try. A 500 may have been applied, so it
      // is repeated only for operations that are harmless to repeat (see MwsCallOptions).
      const repeatable = response.status === 503 || options.safeToRepeat;
      const willRetry = error.retriable && repeatable && attempt < maxAttempts;
      await record({ httpStatus: response.status, requestId: error.requestId ?? requestId, errorCode: error.code, willRetry });
      if (!willRetry) throw finalError(error, attempt, earlierMayHaveApplied);
      earlierMayHaveApplied ||= error.mayHaveApplied;
      await config.sleep(computeRetryDelay(attempt, config.retryBaseDelayMs, config.retryMaxDelayMs, config.random));
      continue;
    }

    try {
      const result = parse(response.body);
      await record({ httpStatus: 200, requestId, willRetry: false });
      return result;
    } catch (caught) {
      const detail = caught instanceof MalformedXmlError ? caught.message : "unexpected response";
      const error = malformedError(action, detail, requestId);
      await record({ httpStatus: 200, requestId, errorCode: error.code, willRetry: false });
      throw finalError(error, attempt, earlierMayHaveApplied);
    }
  }
}
