import { randomBytes } from "node:crypto";
import type { OperationContext } from "./context";
import type { Store } from "./store";
import { SandboxError } from "./errors";

/** LWA access tokens live one hour (LWA convention). */
export const ACCESS_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export function issueAccessToken(store: Store, sellerId: string, objectId: string): string {
  const token = `Atza|${randomBytes(48).toString("base64url")}`;
  store.accessTokens.set(token, { sellerId, objectId, issuedAt: store.clock.now() });
  return token;
}

export function findAccessToken(store: Store, token: string): { sellerId: string; objectId: string; issuedAt: number } | undefined {
  const entry = store.accessTokens.get(token) ?? store.accessTokens.get(safeDecode(token));
  if (!entry || store.clock.now() - entry.issuedAt > ACCESS_TOKEN_LIFETIME_MS) return undefined;
  return entry;
}

function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/**
 * AccessToken / AddressConsentToken (§4.1): both → AmbiguousToken; a token of this seller's
 * buyer reveals the full address and buyer; an unknown or expired one is refused.
 */
export function checkAccessToken(ctx: OperationContext, objectId: string): boolean {
  const accessToken = ctx.params.AccessToken;
  const consentToken = ctx.params.AddressConsentToken;
  if (accessToken && consentToken) throw new SandboxError(400, "AmbiguousToken", "Both AccessToken and AddressConsentToken were provided; send only one.");
  const token = accessToken || consentToken;
  if (!token) return false;
  const entry = findAccessToken(ctx.store, token);
  if (!entry || entry.sellerId !== ctx.seller.sellerId) {
    throw new SandboxError(400, "InvalidAddressConsentToken", "The AddressConsentToken or AccessToken is invalid or has expired.");
  }
  return entry.objectId === objectId || ctx.store.objects.get(objectId)?.sellerId === entry.sellerId;
}
