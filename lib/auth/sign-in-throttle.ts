import { and, count, eq, gte, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

/** Minutes until sign-in is allowed again for this account or IP, or 0 when it is allowed now. */
export function minutesUntilSignInAllowed(db: Db, email: string, ip: string, now = Date.now()): number {
  const since = now - THROTTLE_WINDOW_MS;
  const waits = [
    waitFor(db, eq(signInFailures.email, email), since, MAX_FAILURES_PER_ACCOUNT, now),
    waitFor(db, eq(signInFailures.ip, ip), since, MAX_FAILURES_PER_IP, now),
  ];
  return Math.max(...waits);
}

function waitFor(db: Db, who: ReturnType<typeof eq>, since: number, limit: number, now: number): number {
  const row = db
    .select({ failures: count(), oldest: min(signInFailures.at) })
    .from(signInFailures)
    .where(and(who, gte(signInFailures.at, since)))
    .get();
  if (!row || row.failures < limit || row.oldest === null) return 0;
  return Math.max(1, Math.ceil((row.oldest + THROTTLE_WINDOW_MS - now) / 60_000));
}

export function recordSignInFailure(db: Db, email: string, ip: string, now = Date.now()): void {
  db.insert(signInFailures).values({ email, ip, at: now }).run();
}

export function clearSignInFailures(db: Db, email: string): void {
  db.delete(signInFailures).where(eq(signInFailures.email, email)).run();
}
