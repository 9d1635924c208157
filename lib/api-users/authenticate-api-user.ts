import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiUsers } from "@/db/schema";
import { hashApiPassword, toApiUserDto, type ApiUserDto } from "./manage-api-users";
import type { ApiEndpointId } from "./api-endpoints";
import { isIpAllowed } from "./ip-allowlist";

export type ApiAuthResult =
  | { ok: true; user: ApiUserDto }
  | { ok: false; code: "BAD_CREDENTIALS" | "API_USER_DISABLED" | "ENDPOINT_NOT_ALLOWED" | "IP_NOT_ALLOWED"; message: string };

/** Checks loginId/password, the endpoint and the caller's IP; records last use on success. */
export function authenticateApiUser(db: Db, input: { loginId: string; password: string; endpoint: ApiEndpointId; ip: string }): ApiAuthResult {
  const row = input.loginId ? db.select().from(apiUsers).where(eq(apiUsers.loginId, input.loginId)).get() : undefined;
  const given = Buffer.from(hashApiPassword(input.password), "hex");
  const expected = Buffer.from(row?.passwordHash ?? "0".repeat(64), "hex");
  const passwordOk = timingSafeEqual(given, expected) && Boolean(row) && input.password.length > 0;
  if (!row || !passwordOk) return { ok: false, code: "BAD_CREDENTIALS", message: "loginId or password is incorrect." };
  const user = toApiUserDto(row);
  if (user.disabled) return { ok: false, code: "API_USER_DISABLED", message: "This API user is disabled." };
  if (!user.allowedEndpoints.includes(input.endpoint)) return { ok: false, code: "ENDPOINT_NOT_ALLOWED", message: `This API user may not call ${input.endpoint}.` };
  if (!isIpAllowed(input.ip, user.allowedIps)) return { ok: false, code: "IP_NOT_ALLOWED", message: `Requests from ${input.ip} are not allowed for this API user.` };
  // "Last used" to the minute is enough; skipping the write keeps busy landers off the write lock.
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000) db.update(apiUsers).set({ lastUsedAt: now }).where(eq(apiUsers.id, row.id)).run();
  return { ok: true, user };
}
