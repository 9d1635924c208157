import { describe, expect, it } from "vitest";
import { auditLog, signInFailures } from "@/db/schema";
import { createTestDb } from "@/lib/testing/test-db";
import { createUser } from "@/lib/users/manage-users";
import { unlockUser } from "@/lib/users/unlock-user";
import { listUsers } from "@/lib/users/manage-users";
import { ForbiddenError } from "./actor";
import { decideSignInThrottle, delayAfterFailures, SIGN_IN_LIMITS } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";

const EMAIL = "victim@example.com";
const PASSWORD = "the-right-password-1";
const ATTACKER = "198.51.100.66";
const OWNER = "203.0.113.10";

async function setUp() {
  const { db, actorFor } = await createTestDb();
  const user = await createUser(db, null, { email: EMAIL, name: "Victim", role: "admin", password: PASSWORD });
  return { db, actorFor, user };
}

/** Fails from one address as fast as the throttle lets it, on a virtual clock; returns the clock. */
async function failFrom(db: Parameters<typeof verifyCredentials>[0], ip: string, times: number, start: number, email = EMAIL): Promise<number> {
  let now = start;
  for (let i = 0; i < times; i++) {
    let result = await verifyCredentials(db, { email, password: `wrong-${i}`, ip, now });
    while (!result.ok && result.reason === "throttled" && result.throttle === "delay") {
      now += result.retryAfterSeconds * 1000;
      result = await verifyCredentials(db, { email, password: `wrong-${i}`, ip, now });
    }
    expect(result).toEqual({ ok: false, reason: "invalid" });
    now += 10;
  }
  return now;
}

describe("the throttle policy", () => {
  it("lets three failures through freely, then doubles the wait up to a minute", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => delayAfterFailures(n) / 1000)).toEqual([0, 0, 0, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("answers with the longest of the waits that hold", () => {
    const now = 1_000_000_000;
    const none = { failures: 0, oldest: null, newest: null };
    expect(decideSignInThrottle({ account: none, address: none, pair: none }, now)).toEqual({ allowed: true });
    const pair = { failures: 4, oldest: now - 10_000, newest: now - 1_000 };
    expect(decideSignInThrottle({ account: pair, address: pair, pair }, now)).toEqual({ allowed: false, reason: "delay", retryAfterSeconds: 3 });
    const ceiling = { failures: SIGN_IN_LIMITS.perAccount, oldest: now - 60_000, newest: now };
    expect(decideSignInThrottle({ account: ceiling, address: pair, pair }, now)).toEqual({ allowed: false, reason: "account", retryAfterSeconds: 14 * 60 });
  });
});

describe("console sign-in throttling (real SQLite, virtual clock)", () => {
  it("an attacker's failures from one address do not stop the right password from another", async () => {
    const { db } = await setUp();
    const start = Date.now();
    const now = await failFrom(db, ATTACKER, SIGN_IN_LIMITS.perAccountAndAddress, start);

    const attackerAgain = await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: ATTACKER, now });
    expect(attackerAgain).toMatchObject({ ok: false, reason: "throttled", throttle: "account_and_address" });
    const owner = await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: OWNER, now });
    expect(owner).toMatchObject({ ok: true, user: { email: EMAIL } });
    // The owner's success forgives only the owner's address; the attacker stays throttled.
    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: ATTACKER, now })).toMatchObject({ reason: "throttled" });
  });

  it("delays a burst, even when the right password comes during the wait", async () => {
    const { db } = await setUp();
    const now = Date.now();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyCredentials(db, { email: EMAIL, password: `wrong-${i}`, ip: ATTACKER, now })));
    expect(burst.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_LIMITS.freeFailures);
    expect(burst.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(20 - SIGN_IN_LIMITS.freeFailures);

    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: ATTACKER, now: now + 1_000 })).toEqual({
      ok: false,
      reason: "throttled",
      throttle: "delay",
      retryAfterSeconds: 1,
    });
    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: ATTACKER, now: now + 2_000 })).toMatchObject({ ok: true });
  });

  it("the per-account ceiling still holds against many addresses, until the failures age out or an admin unlocks", async () => {
    const { db, actorFor, user } = await setUp();
    const addresses = SIGN_IN_LIMITS.perAccount / SIGN_IN_LIMITS.perAccountAndAddress;
    const start = Date.now();
    const ends = await Promise.all(
      Array.from({ length: addresses }, (_, i) => failFrom(db, `198.51.100.${i + 1}`, SIGN_IN_LIMITS.perAccountAndAddress, start)),
    );
    const now = Math.max(...ends);

    const fresh = await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: OWNER, now });
    expect(fresh).toMatchObject({ ok: false, reason: "throttled", throttle: "account" });
    expect((await listUsers(db, await actorFor("admin"))).find((u) => u.id === user.id)).toMatchObject({
      failedSignIns: SIGN_IN_LIMITS.perAccount,
      locked: true,
    });

    const later = start + SIGN_IN_LIMITS.windowMs + 1;
    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: OWNER, now: later })).toMatchObject({ ok: true });

    await failFrom(db, ATTACKER, 1, later);
    await expect(unlockUser(db, await actorFor("operator"), user.id)).rejects.toThrow(ForbiddenError);
    await unlockUser(db, await actorFor("admin"), user.id);
    expect(await db.select().from(signInFailures)).toEqual([]);
    const entry = (await db.select().from(auditLog)).find((e) => e.action === "user.unlock");
    expect(entry).toMatchObject({ entity: "user", entityId: String(user.id), actorLabel: "admin@test.local" });
  });

  it("unlock lets the right password through at once after the ceiling", async () => {
    const { db, actorFor, user } = await setUp();
    const now = Date.now();
    await db
      .insert(signInFailures)
      .values(
        Array.from({ length: SIGN_IN_LIMITS.perAccount }, (_, i) => ({ scope: "console" as const, email: EMAIL, ip: `198.51.100.${i % 50}`, at: now - 1000 })),
      );
    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: OWNER, now })).toMatchObject({ reason: "throttled", throttle: "account" });
    await unlockUser(db, await actorFor("admin"), user.id);
    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: OWNER, now })).toMatchObject({ ok: true });
  });

  it("one address spraying many accounts is stopped", async () => {
    const { db } = await setUp();
    let now = Date.now();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) now = await failFrom(db, ATTACKER, 1, now, `user${i}@example.com`);
    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: ATTACKER, now })).toMatchObject({ reason: "throttled", throttle: "address" });
    expect(await verifyCredentials(db, { email: EMAIL, password: PASSWORD, ip: OWNER, now })).toMatchObject({ ok: true });
  });
});
