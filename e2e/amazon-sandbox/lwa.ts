import type { IncomingMessage } from "node:http";
import type { Store } from "./store";
import { findAccessToken, ACCESS_TOKEN_LIFETIME_MS } from "./tokens";

export type JsonReply = { status: number; body: unknown };

const INVALID_TOKEN: JsonReply = { status: 400, body: { error: "invalid_token", error_description: "The request has an invalid parameter : access_token" } };

/** Token from `x-amz-access-token`, `Authorization: bearer …`, or the legacy `?access_token=` (§9). */
function readToken(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers["x-amz-access-token"];
  if (typeof header === "string" && header) return header;
  const authorization = req.headers.authorization;
  if (authorization && /^bearer\s+/i.test(authorization)) return authorization.replace(/^bearer\s+/i, "");
  return url.searchParams.get("access_token") ?? undefined;
}

function userIdFor(email: string): string {
  return `amzn1.account.${Buffer.from(email).toString("hex").toUpperCase().slice(0, 28)}`;
}

export function handleTokenInfo(store: Store, req: IncomingMessage, url: URL): JsonReply {
  const token = readToken(req, url);
  const entry = token ? findAccessToken(store, token) : undefined;
  const seller = entry ? store.sellers.get(entry.sellerId) : undefined;
  const object = entry ? store.objects.get(entry.objectId) : undefined;
  if (!entry || !seller || !object || (object.kind !== "OrderReference" && object.kind !== "BillingAgreement")) return INVALID_TOKEN;
  const now = store.clock.now();
  return {
    status: 200,
    body: {
      aud: seller.clientId,
      user_id: object.buyer.userId,
      iss: "https://www.amazon.com",
      exp: Math.max(0, Math.floor((entry.issuedAt + ACCESS_TOKEN_LIFETIME_MS - now) / 1000)),
      app_id: `amzn1.application.${seller.clientId.replace(/[^A-Za-z0-9]/g, "").slice(-32)}`,
      iat: Math.floor(entry.issuedAt / 1000),
    },
  };
}

export function handleProfile(store: Store, req: IncomingMessage, url: URL): JsonReply {
  const token = readToken(req, url);
  const entry = token ? findAccessToken(store, token) : undefined;
  const object = entry ? store.objects.get(entry.objectId) : undefined;
  if (!object || (object.kind !== "OrderReference" && object.kind !== "BillingAgreement")) return INVALID_TOKEN;
  const { buyer, address } = object;
  return {
    status: 200,
    body: { user_id: buyer.userId, name: buyer.name, email: buyer.email, ...(address.PostalCode ? { postal_code: address.PostalCode } : {}) },
  };
}

export { userIdFor };
