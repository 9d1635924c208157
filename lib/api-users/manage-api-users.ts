import { createHash, randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { apiUsers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit, SECRET_MARKER } from "@/lib/audit/record-audit";
import { DomainError, type FieldErrors } from "@/lib/errors";
import { isApiEndpointId, type ApiEndpointId } from "./api-endpoints";
import { parseIpRule } from "./ip-allowlist";

export type ApiUserDto = {
  id: number;
  loginId: string;
  name: string;
  allowedEndpoints: ApiEndpointId[];
  allowedIps: string[];
  disabled: boolean;
  lastUsedAt: number | null;
  createdAt: number;
};

export function hashApiPassword(password: string): string {
  return createHash("sha256").update(password, "utf8").digest("hex");
}

export function toApiUserDto(row: typeof apiUsers.$inferSelect): ApiUserDto {
  return {
    id: row.id,
    loginId: row.loginId,
    name: row.name,
    allowedEndpoints: (JSON.parse(row.allowedEndpoints) as string[]).filter(isApiEndpointId),
    allowedIps: JSON.parse(row.allowedIps) as string[],
    disabled: row.disabledAt !== null,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
  };
}

export type ApiUserInput = { loginId: string; name: string; endpoints: string[]; ips: string };

/** Validates the access part (endpoints, IP list) shared by create and update. */
function parseAccess(endpoints: string[], ipsText: string, errors: FieldErrors): { endpoints: ApiEndpointId[]; ips: string[] } {
  const allowed = endpoints.filter(isApiEndpointId);
  if (allowed.length === 0) errors.endpoints = "Allow at least one endpoint.";
  const ips = ipsText
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ips.filter((ip) => parseIpRule(ip) === null);
  if (bad.length) errors.allowed_ips = `Not an IP address or CIDR range: ${bad.join(", ")}.`;
  return { endpoints: allowed, ips };
}

export async function listApiUsers(db: Db, actor: Actor): Promise<ApiUserDto[]> {
  assertCan(actor, "api_users.manage");
  return (await db.select().from(apiUsers).orderBy(asc(apiUsers.loginId))).map(toApiUserDto);
}

/**
 * Creates an API user and returns its generated password — the only time it is ever visible.
 * `fixedPassword` exists for the demo seed only, whose credentials are printed by design.
 */
export async function createApiUser(db: Db, actor: Actor, input: ApiUserInput, fixedPassword?: string): Promise<{ user: ApiUserDto; password: string }> {
  assertCan(actor, "api_users.manage");
  const errors: FieldErrors = {};
  const loginId = input.loginId.trim();
  if (!/^[A-Za-z0-9._\-]{3,64}$/.test(loginId)) errors.login_id = "Login ID must be 3–64 letters, digits, dots, dashes or underscores.";
  const name = input.name.trim();
  if (!name) errors.name = "Name is required (who or what uses these credentials).";
  const access = parseAccess(input.endpoints, input.ips, errors);
  if (!errors.login_id && (await db.select({ id: apiUsers.id }).from(apiUsers).where(eq(apiUsers.loginId, loginId)))[0]) {
    errors.login_id = "An API user with this login ID already exists.";
  }
  if (Object.keys(errors).length) throw new DomainError("Check the highlighted fields.", errors);

  const password = fixedPassword ?? randomBytes(24).toString("base64url");
  const now = Date.now();
  return runTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(apiUsers)
      .values({
        loginId,
        name,
        passwordHash: hashApiPassword(password),
        allowedEndpoints: JSON.stringify(access.endpoints),
        allowedIps: JSON.stringify(access.ips),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "api_user.create",
      entity: "api_user",
      entityId: row.id,
      after: { loginId, name, endpoints: access.endpoints, ips: access.ips, password: SECRET_MARKER },
    });
    return { user: toApiUserDto(row), password };
  });
}

export async function updateApiUserAccess(db: Db, actor: Actor, id: number, endpoints: string[], ips: string): Promise<ApiUserDto> {
  assertCan(actor, "api_users.manage");
  const errors: FieldErrors = {};
  const access = parseAccess(endpoints, ips, errors);
  if (Object.keys(errors).length) throw new DomainError("Check the highlighted fields.", errors);
  return runTransaction(db, async (tx) => {
    const [before] = await tx.select().from(apiUsers).where(eq(apiUsers.id, id));
    if (!before) throw new DomainError("That API user no longer exists.");
    const [after] = await tx
      .update(apiUsers)
      .set({ allowedEndpoints: JSON.stringify(access.endpoints), allowedIps: JSON.stringify(access.ips), updatedAt: Date.now() })
      .where(eq(apiUsers.id, id))
      .returning();
    const b = toApiUserDto(before);
    await recordAudit(tx, actor, {
      action: "api_user.access",
      entity: "api_user",
      entityId: id,
      before: { endpoints: b.allowedEndpoints, ips: b.allowedIps },
      after: { endpoints: access.endpoints, ips: access.ips },
    });
    return toApiUserDto(after);
  });
}

export async function setApiUserDisabled(db: Db, actor: Actor, id: number, disabled: boolean): Promise<ApiUserDto> {
  assertCan(actor, "api_users.manage");
  return runTransaction(db, async (tx) => {
    const [before] = await tx.select().from(apiUsers).where(eq(apiUsers.id, id));
    if (!before) throw new DomainError("That API user no longer exists.");
    if ((before.disabledAt !== null) === disabled) return toApiUserDto(before);
    const [after] = await tx
      .update(apiUsers)
      .set({ disabledAt: disabled ? Date.now() : null, updatedAt: Date.now() })
      .where(eq(apiUsers.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: disabled ? "api_user.disable" : "api_user.enable",
      entity: "api_user",
      entityId: id,
      before: { disabled: !disabled },
      after: { disabled },
    });
    return toApiUserDto(after);
  });
}
