import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { apiUsers, auditLog } from "@/db/schema";
import { createApiUser, setApiUserDisabled, updateApiUserAccess } from "./manage-api-users";
import { authenticateApiUser } from "./authenticate-api-user";
import { ForbiddenError } from "@/lib/auth/actor";

describe("API users", () => {
  it("creates a user whose password is shown once and stored only as a hash", async () => {
    const { db, actorFor } = await createTestDb();
    const { user, password } = await createApiUser(db, await actorFor("admin"), {
      loginId: "lander-1",
      name: "Lander one",
      endpoints: ["order.import"],
      ips: "",
    });
    expect(password.length).toBeGreaterThanOrEqual(32);
    const [stored] = await db.select({ passwordHash: apiUsers.passwordHash }).from(apiUsers).where(eq(apiUsers.id, user.id));
    expect(stored.passwordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.passwordHash).not.toContain(password);
    const audit = (await db.select().from(auditLog)).map((r) => `${r.before}${r.after}`).join();
    expect(audit).not.toContain(password);
  });

  it("authenticates by password, endpoint and IP, and says which rule refused", async () => {
    const { db, actorFor } = await createTestDb();
    const { user, password } = await createApiUser(db, await actorFor("admin"), {
      loginId: "lander-2",
      name: "Lander two",
      endpoints: ["order.import", "upsale.import"],
      ips: "203.0.113.0/24",
    });
    const call = async (over: Partial<Parameters<typeof authenticateApiUser>[1]>) =>
      authenticateApiUser(db, { loginId: "lander-2", password, endpoint: "order.import", ip: "203.0.113.9", ...over });
    expect((await call({})).ok).toBe(true);
    expect(await call({ password: password + "x" })).toMatchObject({ ok: false, code: "BAD_CREDENTIALS" });
    expect(await call({ loginId: "nobody" })).toMatchObject({ ok: false, code: "BAD_CREDENTIALS" });
    expect(await call({ endpoint: "order.refund" })).toMatchObject({ ok: false, code: "ENDPOINT_NOT_ALLOWED" });
    expect(await call({ ip: "198.51.100.1" })).toMatchObject({ ok: false, code: "IP_NOT_ALLOWED" });
    await setApiUserDisabled(db, await actorFor("admin"), user.id, true);
    expect(await call({})).toMatchObject({ ok: false, code: "API_USER_DISABLED" });
    await setApiUserDisabled(db, await actorFor("admin"), user.id, false);
    await updateApiUserAccess(db, await actorFor("admin"), user.id, ["order.refund"], "");
    expect((await call({ endpoint: "order.refund", ip: "198.51.100.1" })).ok).toBe(true);
  });

  it("names the field and rule for bad input, and refuses non-admins", async () => {
    const { db, actorFor } = await createTestDb();
    await expect(createApiUser(db, await actorFor("admin"), { loginId: "x", name: "", endpoints: [], ips: "10.0.0.0/40" })).rejects.toThrow(
      expect.objectContaining({
        fieldErrors: {
          login_id: "Login ID must be 3–64 letters, digits, dots, dashes or underscores.",
          name: "Name is required (who or what uses these credentials).",
          endpoints: "Allow at least one endpoint.",
          allowed_ips: "Not an IP address or CIDR range: 10.0.0.0/40.",
        },
      }),
    );
    await expect(createApiUser(db, await actorFor("operator"), { loginId: "lander-3", name: "x", endpoints: ["order.import"], ips: "" })).rejects.toThrow(
      ForbiddenError,
    );
  });
});
