import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "./password";
import { claimSignInAttempt, clearPairFailures, forgetSignInAttempt, type ThrottleReason } from "./sign-in-throttle";

export type CredentialsResult =
  | { ok: true; user: { id: number; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; throttle: ThrottleReason; retryAfterSeconds: number };

// Verifying against a real hash when the email is unknown keeps the timing of both answers alike.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}

export async function verifyCredentials(db: Db, input: { email: string; password: string; ip: string; now?: number }): Promise<CredentialsResult> {
  const who = { scope: "console" as const, account: input.email.trim().toLowerCase(), ip: input.ip };
  // Unknown emails are throttled like real ones, so the answers never tell which accounts exist.
  const attempt = await claimSignInAttempt(db, who, input.now);
  if (!attempt.allowed) return { ok: false, reason: "throttled", throttle: attempt.reason, retryAfterSeconds: attempt.retryAfterSeconds };

  const [user] = await db.select().from(users).where(eq(users.email, who.account));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !passwordOk) return { ok: false, reason: "invalid" };
  await forgetSignInAttempt(db, attempt.attemptId);
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabledAt !== null) return { ok: false, reason: "disabled" };
  await clearPairFailures(db, who);
  await db.update(users).set({ lastLoginAt: Date.now() }).where(eq(users.id, user.id));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
