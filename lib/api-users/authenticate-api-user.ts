import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiUsers } from "@/db/schema";
import { hashApiPassword, toApiUserDto, type ApiUserDto } from "./manage-api-users";
import type { ApiEndpointId } from "./api-endpoints";
import { isIpAllowed } from "./ip-allowlist";
import { clearPairFailures, decideSignInThrottle, formatWait, readRecentFailures, recordSignInFailure } from "@/lib/auth/sign-in-throttle";

export type ApiAuthResult =
  | { ok: true; user: ApiUserDto }
  | { ok: false; code: "BAD_CREDENTIALS" | "API_USER_DISABLED" | "ENDPOINT_NOT_ALLOWED" | "IP_NOT_ALLOWED"; message: string }
  | { ok: false; code: "TOO_MANY_ATTEMPTS"; message: string; retryAfterSeconds: number };

/**
 * Checks loginId/password (throttled per loginId and address like console sign-ins, scope "api"),
 * the endpoint and the caller's IP; records last use on success.
 */
export async function authenticateApiUser(
  db: Db,
  input: { loginId: string; password: string; endpoint: ApiEndpointId; ip: string; now?: number },
): Promise<ApiAuthResult> {
  const now = input.now ?? Date.now();
  const who = { scope: "api" as const, account: input.loginId, ip: input.ip };
  const recent = await readRecentFailures(db, who, now);
  const throttle = decideSignInThrottle(recent, now);
  if (!throttle.allowed) {
    return {
      ok: false,
      code: "TOO_MANY_ATTEMPTS",
      retryAfterSeconds: throttle.retryAfterSeconds,
      message: `Too many failed attempts for this loginId or address; retry in ${formatWait(throttle.retryAfterSeconds)}.`,
    };
  }
  const row = input.loginId ? (await db.select().from(apiUsers).where(eq(apiUsers.loginId, input.loginId)))[0] : undefined;
  const given = Buffer.from(hashApiPassword(input.password), "hex");
  const expected = Buffer.from(row?.passwordHash ?? "0".repeat(64), "hex");
  const passwordOk = timingSafeEqual(given, expected) && Boolean(row) && input.password.length > 0;
  if (!row || !passwordOk) {
    await recordSignInFailure(db, who, now);
    return { ok: false, code: "BAD_CREDENTIALS", message: "loginId or password is incorrect." };
  }
  // Forgiving this address's earlier mistakes costs a write only when there were any.
  if (recent.pair.failures > 0) await clearPairFailures(db, who);
  const user = toApiUserDto(row);
  if (user.disabled) return { ok: false, code: "API_USER_DISABLED", message: "This API user is disabled." };
  if (!user.allowedEndpoints.includes(input.endpoint))
    return { ok: false, code: "ENDPOINT_NOT_ALLOWED", message: `This API user may not call ${input.endpoint}.` };
  if (!isIpAllowed(input.ip, user.allowedIps))
    return { ok: false, code: "IP_NOT_ALLOWED", message: `Requests from ${input.ip} are not allowed for this API user.` };
  // "Last used" to the minute is enough; skipping the write keeps busy landers off the write lock.
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000) await db.update(apiUsers).set({ lastUsedAt: now }).where(eq(apiUsers.id, row.id));
  return { ok: true, user };
}
