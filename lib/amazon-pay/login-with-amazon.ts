import { AmazonPayError, CLIENT_ERROR_CODES, createInputError, isRetriableHttpStatus } from "./errors";
import { HttpTransportError, sendHttpRequest, type HttpResponse } from "./http-post";
import { resolveLwaBaseUrl } from "./regions";
import { normaliseAccessToken } from "./request-params";
import type { Region } from "./types";

export type LoginWithAmazonConfig = {
  /** The MID's Login with Amazon client id; token `aud` must equal it. */
  clientId: string;
  region: Region;
  sandbox: boolean;
  /** Base URL replacing Amazon's LWA host, e.g. `http://127.0.0.1:8484` (the emulator). */
  endpointOverride?: string;
  connectTimeoutMs?: number;
  responseTimeoutMs?: number;
};

export type TokenInfo = {
  aud: string;
  userId?: string;
  appId?: string;
  iss?: string;
  /** Seconds the token remains valid. */
  exp?: number;
  /** Issued at, epoch seconds. */
  iat?: number;
};

export type UserProfile = { userId: string; name?: string; email?: string; postalCode?: string };

type JsonObject = Record<string, unknown>;

function readString(json: JsonObject, key: string): string | undefined {
  const value = json[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function readNumber(json: JsonObject, key: string): number | undefined {
  const value = json[key];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function parseJsonObject(body: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** `Atza|…` tokens, optionally URL-encoded; must be a single printable ASCII header value. */
function prepareToken(accessToken: string, action: string): string {
  const token = normaliseAccessToken(accessToken);
  if (!/^[\x21-\x7E]+$/.test(token)) throw createInputError(`${action}: access token is empty or has invalid characters`, action);
  return token;
}

function lwaError(response: HttpResponse, json: JsonObject | null, action: string): AmazonPayError {
  const code = (json && readString(json, "error")) ?? `HTTP${response.status}`;
  const description = (json && readString(json, "error_description")) ?? `HTTP ${response.status}`;
  return new AmazonPayError({
    httpStatus: response.status,
    type: response.status >= 500 ? "Receiver" : "Sender",
    code,
    message: `${action}: ${description}`,
    requestId: response.headers["x-amzn-requestid"],
    retriable: isRetriableHttpStatus(response.status),
    mayHaveApplied: false,
    action,
  });
}

export function createLoginWithAmazonClient(config: LoginWithAmazonConfig) {
  const clientId = config.clientId.trim();
  if (!clientId) throw new Error("Login with Amazon: clientId is required");
  const baseUrl = resolveLwaBaseUrl(config);

  async function getJson(path: string, token: string, action: string): Promise<JsonObject> {
    let response: HttpResponse;
    try {
      response = await sendHttpRequest(new URL(baseUrl + path), {
        method: "GET",
        headers: { "x-amz-access-token": token, Accept: "application/json" },
        connectTimeoutMs: config.connectTimeoutMs ?? 10_000,
        responseTimeoutMs: config.responseTimeoutMs ?? 15_000,
      });
    } catch (caught) {
      if (!(caught instanceof HttpTransportError)) throw caught;
      const timedOut = caught.phase === "response" && caught.kind === "timeout";
      throw new AmazonPayError({
        httpStatus: 0,
        type: "Transport",
        code: timedOut ? CLIENT_ERROR_CODES.timeout : CLIENT_ERROR_CODES.connection,
        message: `${action}: ${caught.message}`,
        retriable: true,
        mayHaveApplied: false,
        action,
      });
    }
    const json = parseJsonObject(response.body);
    if (response.status !== 200) throw lwaError(response, json, action);
    if (!json) {
      throw new AmazonPayError({
        httpStatus: 200,
        type: "Client",
        code: CLIENT_ERROR_CODES.malformedResponse,
        message: `${action}: response is not a JSON object`,
        retriable: false,
        mayHaveApplied: false,
        action,
      });
    }
    return json;
  }

  /** `GET /auth/o2/tokeninfo`; throws unless the token was issued to this MID's client id. */
  async function getTokenInfo(accessToken: string): Promise<TokenInfo> {
    return fetchTokenInfo(prepareToken(accessToken, "GetTokenInfo"));
  }

  async function fetchTokenInfo(token: string): Promise<TokenInfo> {
    const action = "GetTokenInfo";
    const json = await getJson("/auth/o2/tokeninfo", token, action);
    const aud = readString(json, "aud");
    if (aud !== clientId) {
      throw new AmazonPayError({
        httpStatus: 200,
        type: "Sender",
        code: "TokenAudienceMismatch",
        message: `${action}: the access token was not issued to this client id`,
        retriable: false,
        mayHaveApplied: false,
        action,
      });
    }
    return {
      aud,
      userId: readString(json, "user_id"),
      appId: readString(json, "app_id"),
      iss: readString(json, "iss"),
      exp: readNumber(json, "exp"),
      iat: readNumber(json, "iat"),
    };
  }

  /** Checks the token's audience first (like the SDKs), then `GET /user/profile`. */
  async function getUserProfile(accessToken: string): Promise<UserProfile> {
    const action = "GetUserProfile";
    const token = prepareToken(accessToken, action);
    await fetchTokenInfo(token);
    const json = await getJson("/user/profile", token, action);
    const userId = readString(json, "user_id");
    if (!userId) {
      throw new AmazonPayError({
        httpStatus: 200,
        type: "Client",
        code: CLIENT_ERROR_CODES.malformedResponse,
        message: `${action}: profile has no user_id`,
        retriable: false,
        mayHaveApplied: false,
        action,
      });
    }
    return {
      userId,
      name: readString(json, "name"),
      email: readString(json, "email"),
      postalCode: readString(json, "postal_code"),
    };
  }

  return { baseUrl, getTokenInfo, getUserProfile };
}

export type LoginWithAmazonClient = ReturnType<typeof createLoginWithAmazonClient>;
