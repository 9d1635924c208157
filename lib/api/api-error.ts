/**
 * Stable error codes of the public API, each with its HTTP status (one map, one envelope).
 * 4xx: fix the request (or the configuration) before sending it again. 5xx: nothing is wrong
 * with the request; AMAZON_UNAVAILABLE may be sent again as it is after Retry-After, while
 * ORDER_PENDING and INTERNAL_ERROR mean "query the order before anything else".
 */
export const API_ERROR_STATUS = {
  MALFORMED_REQUEST: 400,
  INVALID_FIELD: 400,
  BAD_CREDENTIALS: 401,
  API_USER_DISABLED: 403,
  ENDPOINT_NOT_ALLOWED: 403,
  IP_NOT_ALLOWED: 403,
  TOO_MANY_ATTEMPTS: 429,
  UNKNOWN_CAMPAIGN: 404,
  UNKNOWN_ORDER: 404,
  CAMPAIGN_ARCHIVED: 409,
  PRODUCT_NOT_IN_CAMPAIGN: 422,
  MID_NOT_ASSIGNED: 422,
  MID_DISABLED: 422,
  MID_CURRENCY_MISMATCH: 422,
  NO_MID_ASSIGNED: 422,
  CAP_REACHED: 422,
  ORDER_REFERENCE_USED: 409,
  DECLINED_SOFT: 402,
  DECLINED_HARD: 402,
  AMAZON_REJECTED_REQUEST: 422,
  AMAZON_UNAVAILABLE: 503,
  ORDER_PENDING: 504,
  NOT_REFUNDABLE: 422,
  NOT_CANCELABLE: 422,
  INTERNAL_ERROR: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** Codes whose request may be repeated unchanged, and after how many seconds (the Retry-After header). */
export const API_RETRY_AFTER_SECONDS: Partial<Record<ApiErrorCode, number>> = {
  AMAZON_UNAVAILABLE: 30,
};

/** A refusal the caller can act on; `field` names the offending input when there is one. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function invalidField(field: string, rule: string): ApiError {
  return new ApiError("INVALID_FIELD", `${field}: ${rule}`, { field });
}
