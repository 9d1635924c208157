import { describe, expect, it } from "vitest";
import { signInFailures } from "@/db/schema";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-throttle";
import { createTestDb } from "@/lib/testing/test-db";
import { authenticateApiUser } from "./authenticate-api-user";
import { createApiUser } from "./manage-api-users";

describe("API BAD_CREDENTIALS throttling (scope api, real SQLite, virtual clock)", () => {
  it("throttles a loginId per address with TOO_MANY_ATTEMPTS and a wait, without stopping the lander's own address", async () => {
    const { db, actorFor } = await createTestDb();
    const { password } = await createApiUser(db, await actorFor("admin"), { loginId: "lander-t", name: "Lander", endpoints: ["order.import"], ips: "" });
    const call = async (ip: string, pw: string, now: number) =>
      authenticateApiUser(db, { loginId: "lander-t", password: pw, endpoint: "order.import", ip, now });
    let now = Date.now();
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailures; i++) expect(await call("198.51.100.66", "guess", now++)).toMatchObject({ code: "BAD_CREDENTIALS" });

    const refused = await call("198.51.100.66", password, now);
    expect(refused).toMatchObject({ ok: false, code: "TOO_MANY_ATTEMPTS", retryAfterSeconds: 2 });
    expect(await call("203.0.113.10", password, now)).toMatchObject({ ok: true });

    now += 2_000;
    expect(await call("198.51.100.66", password, now)).toMatchObject({ ok: true });
    expect(await db.select().from(signInFailures), "a right password forgives its own address").toEqual([]);
  });

  it("keeps API and console failures apart, and holds the per-loginId ceiling", async () => {
    const { db, actorFor } = await createTestDb();
    const { password } = await createApiUser(db, await actorFor("admin"), { loginId: "lander-c", name: "Lander", endpoints: ["order.import"], ips: "" });
    const now = Date.now();
    const rows = (scope: "console" | "api") =>
      Array.from({ length: SIGN_IN_LIMITS.perAccount }, (_, i) => ({ scope, email: "lander-c", ip: `198.51.100.${i}`, at: now - 1000 }));
    await db.insert(signInFailures).values(rows("console"));
    expect((await authenticateApiUser(db, { loginId: "lander-c", password, endpoint: "order.import", ip: "203.0.113.10", now })).ok).toBe(true);
    await db.insert(signInFailures).values(rows("api"));
    expect(await authenticateApiUser(db, { loginId: "lander-c", password, endpoint: "order.import", ip: "203.0.113.10", now })).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
  });
});
