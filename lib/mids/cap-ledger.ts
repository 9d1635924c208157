import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { engineOf, type Tx } from "@/db/client";
import { forUpdate } from "@/db/dialect";
import { midMonthlyUsage, mids } from "@/db/schema";
import { computeCapRoom } from "./cap-room";

/**
 * The cap ledger: every function here runs inside the caller's transaction, next to the order and
 * transaction rows it accounts for, so no interleaving of requests or processes can take a MID past
 * its cap. On SQLite the transaction holds the write lock from its start; on PostgreSQL the
 * reservation is one conditional UPDATE (the row lock it takes makes a concurrent reservation wait
 * and then test the condition again on the new row), and money transactions lock their usage rows
 * before any other row (`lockCapUsage`), so two of them never wait on each other in opposite order.
 */

export class CapExceededError extends Error {
  constructor(
    readonly midId: number,
    readonly leftMinor: number,
  ) {
    super(`MID ${midId} has ${leftMinor} left under its monthly cap`);
    this.name = "CapExceededError";
  }
}

async function ensureRow(tx: Tx, midId: number, month: string): Promise<void> {
  await tx.insert(midMonthlyUsage).values({ midId, month }).onConflictDoNothing();
}

/** Room left this month for a MID (reservations included). */
export async function readCapRoom(tx: Tx, midId: number, month: string) {
  const [mid] = await tx.select().from(mids).where(eq(mids.id, midId));
  if (!mid) throw new Error(`MID ${midId} not found`);
  const [usage] = await tx
    .select()
    .from(midMonthlyUsage)
    .where(and(eq(midMonthlyUsage.midId, midId), eq(midMonthlyUsage.month, month)));
  return computeCapRoom({
    capMinor: mid.monthlyCapMinor,
    capturedMinor: usage?.capturedMinor ?? 0,
    refundedMinor: usage?.refundedMinor ?? 0,
    reservedMinor: usage?.reservedMinor ?? 0,
    countsRefunds: mid.capCountsRefunds,
    alertPercent: mid.capAlertPercent,
  });
}

/**
 * Locks a MID's usage rows for these months (created if missing) until the transaction ends, in
 * one fixed order. Call it first in a money transaction that will also write charge or refund rows
 * (whose running totals are locked rows too). A no-op on SQLite, where the transaction already
 * holds the database's write lock. Answers whether it locked anything (then re-read what you had read).
 */
export async function lockCapUsage(tx: Tx, midId: number, months: string[]): Promise<boolean> {
  if (engineOf(tx) !== "postgres" || months.length === 0) return false;
  const sorted = [...new Set(months)].sort();
  for (const month of sorted) await ensureRow(tx, midId, month);
  await forUpdate(
    tx,
    tx
      .select({ month: midMonthlyUsage.month })
      .from(midMonthlyUsage)
      .where(and(eq(midMonthlyUsage.midId, midId), inArray(midMonthlyUsage.month, sorted)))
      .orderBy(asc(midMonthlyUsage.month)),
  );
  return true;
}

/** Holds `amountMinor` of the cap for an order in flight; throws CapExceededError when it does not fit. */
export async function reserveCap(tx: Tx, midId: number, month: string, amountMinor: number): Promise<void> {
  const [mid] = await tx.select({ capMinor: mids.monthlyCapMinor, countsRefunds: mids.capCountsRefunds }).from(mids).where(eq(mids.id, midId));
  if (!mid) throw new Error(`MID ${midId} not found`);
  await ensureRow(tx, midId, month);
  // Reads and adds in one statement: what is committed (used + reserved) plus this order must fit.
  const used = mid.countsRefunds ? sql`${midMonthlyUsage.capturedMinor} - ${midMonthlyUsage.refundedMinor}` : sql`${midMonthlyUsage.capturedMinor}`;
  const reserved = await tx
    .update(midMonthlyUsage)
    .set({ reservedMinor: sql`${midMonthlyUsage.reservedMinor} + ${amountMinor}` })
    .where(
      and(
        eq(midMonthlyUsage.midId, midId),
        eq(midMonthlyUsage.month, month),
        sql`${used} + ${midMonthlyUsage.reservedMinor} + ${amountMinor} <= ${mid.capMinor}`,
      ),
    )
    .returning({ reservedMinor: midMonthlyUsage.reservedMinor });
  if (reserved.length === 0) throw new CapExceededError(midId, (await readCapRoom(tx, midId, month)).leftMinor);
}

/** Turns a reservation into captured volume (`capturedMinor` may be less than reserved). */
export async function settleReservation(tx: Tx, midId: number, month: string, reservedMinor: number, capturedMinor: number): Promise<void> {
  await ensureRow(tx, midId, month);
  await tx
    .update(midMonthlyUsage)
    .set({
      // A reservation never goes below zero (CASE: SQLite's max() and PostgreSQL's greatest() differ).
      reservedMinor: sql`case when ${midMonthlyUsage.reservedMinor} > ${reservedMinor} then ${midMonthlyUsage.reservedMinor} - ${reservedMinor} else 0 end`,
      capturedMinor: sql`${midMonthlyUsage.capturedMinor} + ${capturedMinor}`,
    })
    .where(and(eq(midMonthlyUsage.midId, midId), eq(midMonthlyUsage.month, month)));
}

/** Refunds count in the month they complete; whether they give room back is the MID's setting. */
export async function recordRefundedVolume(tx: Tx, midId: number, month: string, amountMinor: number): Promise<void> {
  await ensureRow(tx, midId, month);
  await tx
    .update(midMonthlyUsage)
    .set({ refundedMinor: sql`${midMonthlyUsage.refundedMinor} + ${amountMinor}` })
    .where(and(eq(midMonthlyUsage.midId, midId), eq(midMonthlyUsage.month, month)));
}
