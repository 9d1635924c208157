import { and, count, eq, gte, lt, max, min } from "drizzle-orm";
import { lockForTransaction } from "@/db/dialect";
import { runTransaction, type Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

export type SignInScope = "console" | "api";

/**
 * The limits, all over a sliding 15 minutes, the same for console users (by email) and API users
 * (by loginId). The tightest limit is per (account, address), so an attacker's guesses only stop
 * the attacker: the real user, from any other address, still signs in. Per address, a ceiling on
 * guesses across accounts stops password spraying. Per account, a much higher ceiling bounds what
 * many addresses together can guess; reaching it takes at least 10 addresses (100 / 10), locks the
 * account for everyone until the failures age out or an admin unlocks it.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccountAndAddress: 10,
  perAddress: 30,
  perAccount: 100,
  /** Failures of one (account, address) before the delay starts: room for typos. */
  freeFailures: 3,
  maxDelayMs: 60_000,
} as const;

export type ThrottleReason = "account" | "address" | "account_and_address" | "delay";
export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: ThrottleReason; retryAfterSeconds: number };

type Recent = { failures: number; oldest: number | null; newest: number | null };
export type RecentFailures = { account: Recent; address: Recent; pair: Recent };

/**
 * The wait before the next attempt of an (account, address) with `failures` recent failures:
 * none for the first three, then 2 s, 4 s, 8 s … doubling up to a minute. Attempts in a burst
 * cannot all pass, while someone who mistypes a few times hardly notices.
 */
export function delayAfterFailures(failures: number): number {
  if (failures < SIGN_IN_LIMITS.freeFailures) return 0;
  return Math.min(SIGN_IN_LIMITS.maxDelayMs, 2 ** (failures - SIGN_IN_LIMITS.freeFailures + 1) * 1000);
}

/** The verdict from the recent failures; when several limits hold, the longest wait is the answer. */
export function decideSignInThrottle(recent: RecentFailures, now: number): ThrottleVerdict {
  const { windowMs } = SIGN_IN_LIMITS;
  const waits: Array<{ reason: ThrottleReason; until: number }> = [];
  const ceiling = (reason: ThrottleReason, r: Recent, limit: number) => {
    if (r.failures >= limit && r.oldest !== null) waits.push({ reason, until: r.oldest + windowMs });
  };
  ceiling("account", recent.account, SIGN_IN_LIMITS.perAccount);
  ceiling("address", recent.address, SIGN_IN_LIMITS.perAddress);
  ceiling("account_and_address", recent.pair, SIGN_IN_LIMITS.perAccountAndAddress);
  if (recent.pair.newest !== null) waits.push({ reason: "delay", until: recent.pair.newest + delayAfterFailures(recent.pair.failures) });
  const longest = waits.filter((w) => w.until > now).sort((a, b) => b.until - a.until)[0];
  if (!longest) return { allowed: true };
  return { allowed: false, reason: longest.reason, retryAfterSeconds: Math.max(1, Math.ceil((longest.until - now) / 1000)) };
}

type Who = { scope: SignInScope; account: string; ip: string };

async function readRecent(db: Pick<Db, "select">, where: ReturnType<typeof and>): Promise<Recent> {
  const [row] = await db
    .select({ failures: count(), oldest: min(signInFailures.at), newest: max(signInFailures.at) })
    .from(signInFailures)
    .where(where);
  return { failures: row?.failures ?? 0, oldest: row?.oldest ?? null, newest: row?.newest ?? null };
}

export async function readRecentFailures(db: Pick<Db, "select">, who: Who, now: number): Promise<RecentFailures> {
  const since = gte(signInFailures.at, now - SIGN_IN_LIMITS.windowMs);
  const scope = eq(signInFailures.scope, who.scope);
  return {
    account: await readRecent(db, and(scope, eq(signInFailures.email, who.account), since)),
    address: await readRecent(db, and(scope, eq(signInFailures.ip, who.ip), since)),
    pair: await readRecent(db, and(scope, eq(signInFailures.email, who.account), eq(signInFailures.ip, who.ip), since)),
  };
}

async function checkSignInThrottle(db: Pick<Db, "select">, who: Who, now = Date.now()): Promise<ThrottleVerdict> {
  return decideSignInThrottle(await readRecentFailures(db, who, now), now);
}

/**
 * Checks and, when allowed, records the attempt as a failure before the password is checked, in
 * one write transaction: parallel attempts then count against each other and a burst cannot slip
 * past the limits while the hash is computed. The caller forgets the row when the password is right.
 */
export async function claimSignInAttempt(
  db: Db,
  who: Who,
  now = Date.now(),
): Promise<{ allowed: true; attemptId: number } | Exclude<ThrottleVerdict, { allowed: true }>> {
  return runTransaction(db, async (tx) => {
    // PostgreSQL admits concurrent writers: attempts on one account, and from one address, take turns.
    await lockForTransaction(tx, `sign-in account ${who.scope} ${who.account}`);
    await lockForTransaction(tx, `sign-in address ${who.scope} ${who.ip}`);
    const verdict = await checkSignInThrottle(tx, who, now);
    if (!verdict.allowed) return verdict;
    return { allowed: true as const, attemptId: await insertFailure(tx, who, now) };
  });
}

async function insertFailure(db: Pick<Db, "insert" | "delete">, who: Who, now: number): Promise<number> {
  // Rows older than the window never count again; pruning here keeps a table that anonymous
  // requests write to from growing without bound.
  await db.delete(signInFailures).where(lt(signInFailures.at, now - SIGN_IN_LIMITS.windowMs));
  return (await db.insert(signInFailures).values({ scope: who.scope, email: who.account, ip: who.ip, at: now }).returning({ id: signInFailures.id }))[0].id;
}

export async function recordSignInFailure(db: Db, who: Who, now = Date.now()): Promise<void> {
  await insertFailure(db, who, now);
}

export async function forgetSignInAttempt(db: Db, attemptId: number): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, attemptId));
}

/** After a right password: the typos of this (account, address) are forgiven, nobody else's. */
export async function clearPairFailures(db: Db, who: Who): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.scope, who.scope), eq(signInFailures.email, who.account), eq(signInFailures.ip, who.ip)));
}

/** An admin's unlock: every failure of the account, from every address. Returns how many there were. */
export async function clearAccountFailures(db: Pick<Db, "delete">, scope: SignInScope, account: string): Promise<number> {
  const cleared = await db
    .delete(signInFailures)
    .where(and(eq(signInFailures.scope, scope), eq(signInFailures.email, account)))
    .returning({ id: signInFailures.id });
  return cleared.length;
}

/** Recent failures per account of a scope, for the users screen. */
export async function countRecentFailuresByAccount(db: Pick<Db, "select">, scope: SignInScope, now = Date.now()): Promise<Map<string, number>> {
  const rows = await db
    .select({ account: signInFailures.email, failures: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.scope, scope), gte(signInFailures.at, now - SIGN_IN_LIMITS.windowMs)))
    .groupBy(signInFailures.email);
  return new Map(rows.map((r) => [r.account, r.failures]));
}

/** "8 seconds", "14 minutes": for the messages that name the wait. */
export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
