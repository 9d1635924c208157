import { AmazonUnavailableError, DomainError } from "@/lib/errors";
import { ApiError, type ApiErrorCode } from "./api-error";

/**
 * A domain refusal in the API's envelope: Amazon being unavailable keeps its own code (the lander
 * may retry); otherwise the first field error names the field, renamed to the API's own field
 * name where they differ (`fieldNames`).
 */
export function toApiError(error: unknown, fallback: ApiErrorCode, fieldNames: Record<string, string> = {}): unknown {
  if (error instanceof AmazonUnavailableError) return new ApiError("AMAZON_UNAVAILABLE", error.message);
  if (!(error instanceof DomainError)) return error;
  const [domainField, message] = Object.entries(error.fieldErrors)[0] ?? [];
  if (!domainField) return new ApiError(fallback, error.message);
  const field = fieldNames[domainField] ?? domainField;
  return new ApiError("INVALID_FIELD", `${field}: ${message}`, { field });
}
