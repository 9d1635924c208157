/** Error raised by every client call: Amazon error documents, transport failures, bad responses. */

export type AmazonPayErrorType = "Sender" | "Receiver" | "Client" | "Transport" | "";

/** Codes the client itself produces (Amazon's own codes are passed through unchanged). */
export const CLIENT_ERROR_CODES = {
  /** No connection could be established; the request was never sent. */
  connection: "ConnectionError",
  /** Connected (maybe sent) but no complete response in time; the operation may have applied. */
  timeout: "Timeout",
  /** The connection broke after the request was sent; the operation may have applied. */
  connectionReset: "ConnectionReset",
  /** The response could not be understood. */
  malformedResponse: "MalformedResponse",
  /** The caller passed invalid input; nothing was sent. */
  invalidInput: "InvalidInput",
} as const;

export type AmazonPayErrorInit = {
  httpStatus: number;
  type: AmazonPayErrorType;
  code: string;
  message: string;
  requestId?: string;
  retriable: boolean;
  /** True when the request may have reached Amazon and been applied (timeouts after sending). */
  mayHaveApplied?: boolean;
  action?: string;
  attempts?: number;
};

export class AmazonPayError extends Error {
  readonly httpStatus: number;
  readonly type: AmazonPayErrorType;
  readonly code: string;
  readonly requestId?: string;
  readonly retriable: boolean;
  readonly mayHaveApplied: boolean;
  readonly action?: string;
  readonly attempts: number;

  constructor(init: AmazonPayErrorInit) {
    super(init.message);
    this.name = "AmazonPayError";
    this.httpStatus = init.httpStatus;
    this.type = init.type;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retriable = init.retriable;
    this.mayHaveApplied = init.mayHaveApplied ?? (init.httpStatus >= 500 && init.httpStatus !== 503);
    this.action = init.action;
    this.attempts = init.attempts ?? 1;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      httpStatus: this.httpStatus,
      type: this.type,
      code: this.code,
      message: this.message,
      requestId: this.requestId,
      retriable: this.retriable,
      mayHaveApplied: this.mayHaveApplied,
      action: this.action,
      attempts: this.attempts,
    };
  }
}

export function isAmazonPayError(value: unknown): value is AmazonPayError {
  return value instanceof AmazonPayError;
}

/** Amazon could not be reached, or answered with a server error: the same request may succeed later. */
export function isAmazonUnavailable(error: AmazonPayError): boolean {
  return error.type === "Transport" || error.httpStatus >= 500;
}

/** HTTP statuses Amazon documents as transient (reference §5.3). */
export function isRetriableHttpStatus(status: number): boolean {
  return status === 500 || status === 503;
}

export function createInputError(message: string, action?: string): AmazonPayError {
  return new AmazonPayError({
    httpStatus: 0,
    type: "Client",
    code: CLIENT_ERROR_CODES.invalidInput,
    message,
    retriable: false,
    mayHaveApplied: false,
    action,
  });
}
