import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { ForbiddenError } from "@/lib/auth/actor";
import { endSessionsIfCurrent } from "@/lib/auth/session-version";
import { createTestDb } from "@/lib/testing/test-db";
import { changeOwnPassword, changeUserRole, createUser, resetUserPassword, setUserDisabled } from "./manage-users";
import { revokeUserSessions } from "./revoke-user-sessions";

async function setUp() {
  const { db, actorFor } = await createTestDb();
  const user = await createUser(db, null, { email: "pat@example.com", name: "Pat", role: "support", password: "first-password-1" });
  const versionOf = async () => (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id)))[0]!.v;
  const self = { userId: user.id, email: user.email, name: user.name, role: user.role, ip: "203.0.113.10" };
  return { db, actorFor, user, versionOf, self };
}

describe("session versions", () => {
  it("every change that must end sessions raises the version", async () => {
    const { db, actorFor, user, versionOf, self } = await setUp();
    const admin = await actorFor("admin");
    const steps: Array<[string, () => unknown]> = [
      ["own password change", () => changeOwnPassword(db, self, "first-password-1", "second-password-2")],
      ["admin reset", () => resetUserPassword(db, admin, user.id, "third-password-3")],
      ["role change", async () => changeUserRole(db, admin, user.id, "operator")],
      ["disable", async () => setUserDisabled(db, admin, user.id, true)],
      ["sign out everywhere", async () => revokeUserSessions(db, admin, user.id)],
    ];
    for (const [what, step] of steps) {
      const before = await versionOf();
      await step();
      expect(await versionOf(), what).toBe(before + 1);
    }
    const before = await versionOf();
    await changeUserRole(db, admin, user.id, "operator");
    await setUserDisabled(db, admin, user.id, false);
    expect(await versionOf(), "no change, and re-enabling, leave sessions as they are").toBe(before);
  });

  it("sign-out ends sessions only when the cookie is still live", async () => {
    const { db, versionOf, user } = await setUp();
    await endSessionsIfCurrent(db, user.id, 0);
    expect(await versionOf()).toBe(1);
    await endSessionsIfCurrent(db, user.id, 0);
    expect(await versionOf(), "a revoked cookie cannot sign its owner out again").toBe(1);
  });

  it("sign out everywhere: anyone for themselves, only an admin for others; audited", async () => {
    const { db, actorFor, user, self } = await setUp();
    await expect(revokeUserSessions(db, await actorFor("operator"), user.id)).rejects.toThrow(ForbiddenError);
    await revokeUserSessions(db, self, user.id);
    await expect(revokeUserSessions(db, await actorFor("admin"), 999_999)).rejects.toThrow("That user no longer exists.");
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, "user.sessions_revoke"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityId: String(user.id), actorLabel: user.email, ip: "203.0.113.10" });
  });
});
