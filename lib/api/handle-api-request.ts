import { getDb } from "@/db/client";
import type { ApiEndpointId } from "@/lib/api-users/api-endpoints";
import { authenticateApiUser } from "@/lib/api-users/authenticate-api-user";
import type { ApiUserDto } from "@/lib/api-users/manage-api-users";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { API_ERROR_STATUS, API_RETRY_AFTER_SECONDS, ApiError } from "./api-error";
import { readApiFields } from "./read-api-fields";
import { log } from "@/lib/log/logger.mjs";

export type ApiContext = { fields: Record<string, string>; apiUser: ApiUserDto; ip: string };

// Retry-After: the wait a refusal names itself (throttling), else the code's fixed one.
function errorResponse(error: ApiError): Response {
  const retryAfter = typeof error.extra.retryAfterSeconds === "number" ? error.extra.retryAfterSeconds : API_RETRY_AFTER_SECONDS[error.code];
  const headers = retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) };
  return Response.json({ result: "ERROR", message: error.message, code: error.code, ...error.extra }, { status: API_ERROR_STATUS[error.code], headers });
}

/**
 * The shell of every public API route: read the fields, authenticate the API user for this
 * endpoint and address, run the handler, and answer in Konnektive's envelope. Any failure is a
 * stable code; an unexpected one is logged without field values and answered as INTERNAL_ERROR.
 */
export async function handleApiRequest(
  endpoint: ApiEndpointId,
  request: Request,
  handler: (ctx: ApiContext) => Promise<Record<string, unknown>>,
): Promise<Response> {
  try {
    const fields = await readApiFields(request);
    const ip = clientIpFromHeaders(request.headers);
    const auth = await authenticateApiUser(getDb(), { loginId: fields.loginId ?? "", password: fields.password ?? "", endpoint, ip });
    if (!auth.ok && auth.code === "TOO_MANY_ATTEMPTS")
      return errorResponse(new ApiError(auth.code, auth.message, { retryAfterSeconds: auth.retryAfterSeconds }));
    if (!auth.ok) return errorResponse(new ApiError(auth.code, auth.message));
    const message = await handler({ fields, apiUser: auth.user, ip });
    return Response.json({ result: "SUCCESS", message });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    log.error({ endpoint, err: error }, `${endpoint} failed`);
    return errorResponse(
      new ApiError(
        "INTERNAL_ERROR",
        "Something went wrong on our side. If an order was started it will be finished by the reconciler; query it before retrying.",
      ),
    );
  }
}
