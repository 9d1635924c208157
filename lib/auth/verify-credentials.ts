import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "./password";
import { clearSignInFailures, minutesUntilSignInAllowed, recordSignInFailure } from "./sign-in-throttle";

export type CredentialsResult =
  | { ok: true; user: { id: number; email: string; name: string } }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryInMinutes: number };

// Verifying against a real hash when the email is unknown keeps the timing of both answers alike.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}

export async function verifyCredentials(db: Db, input: { email: string; password: string; ip: string }): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const wait = minutesUntilSignInAllowed(db, email, input.ip);
  if (wait > 0) return { ok: false, reason: "throttled", retryInMinutes: wait };

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !passwordOk) {
    recordSignInFailure(db, email, input.ip);
    return { ok: false, reason: "invalid" };
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabledAt !== null) return { ok: false, reason: "disabled" };
  clearSignInFailures(db, email);
  db.update(users).set({ lastLoginAt: Date.now() }).where(eq(users.id, user.id)).run();
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
