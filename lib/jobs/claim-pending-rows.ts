import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { forUpdateSkipLocked } from "@/db/dialect";
import { transactions } from "@/db/schema";
import type { TRANSACTION_TYPES } from "@/lib/values/transaction-types";
import { LEASE_HOLDER } from "./job-lease";

/** How long a claim keeps other processes off a row: far longer than one look-up at Amazon, short enough that a dead process's rows come back soon. */
export const CLAIM_TTL_MS = 5 * 60_000;

export type PendingRowsWanted = {
  types: ReadonlyArray<(typeof TRANSACTION_TYPES)[number]>;
  createdBefore: number;
  limit: number;
  now: number;
  holder?: string;
};

/**
 * Claims up to `limit` PENDING transactions of these types created before `createdBefore` for
 * this process, oldest first, and answers their ids. Rows another process has claimed (and whose
 * claim has not expired) are passed over, so any number of workers share the rows and none looks
 * one up twice. On PostgreSQL the candidates are read `FOR UPDATE SKIP LOCKED`, so two workers
 * claiming at the same moment take different rows instead of waiting on each other; on SQLite the
 * write lock makes the claim atomic anyway. The claim never touches the running totals.
 */
export async function claimPendingRows(db: Db, wanted: PendingRowsWanted): Promise<number[]> {
  const holder = wanted.holder ?? LEASE_HOLDER;
  return runTransaction(db, async (tx) => {
    const candidates = await forUpdateSkipLocked(
      tx,
      tx
        .select({ id: transactions.id })
        .from(transactions)
        .where(
          and(
            inArray(transactions.type, [...wanted.types]),
            eq(transactions.status, "PENDING"),
            lt(transactions.createdAt, wanted.createdBefore),
            or(isNull(transactions.claimedUntil), lt(transactions.claimedUntil, wanted.now)),
          ),
        )
        .orderBy(asc(transactions.id))
        .limit(wanted.limit),
    );
    const ids = candidates.map((row) => row.id);
    if (ids.length > 0)
      await tx
        .update(transactions)
        .set({ claimedBy: holder, claimedUntil: wanted.now + CLAIM_TTL_MS })
        .where(inArray(transactions.id, ids));
    return ids;
  });
}

/** Gives claimed rows back (looked up, finished or not): the next run of any process may take them. */
export async function releaseClaims(db: Db, ids: number[], holder = LEASE_HOLDER): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(transactions)
    .set({ claimedBy: null, claimedUntil: null })
    .where(and(inArray(transactions.id, ids), eq(transactions.claimedBy, holder)));
}

/**
 * Claims the rows, hands their ids (oldest first) to `work`, and gives them back when it ends,
 * however it ends. Answers how many were claimed; `work` is not called when none were.
 */
export async function workOnClaimedRows(db: Db, wanted: PendingRowsWanted, work: (ids: number[]) => Promise<void>): Promise<number> {
  const claimed = await claimPendingRows(db, wanted);
  if (claimed.length === 0) return 0;
  try {
    await work(claimed);
  } finally {
    await releaseClaims(db, claimed, wanted.holder);
  }
  return claimed.length;
}
