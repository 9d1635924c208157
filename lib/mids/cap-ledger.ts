import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { midMonthlyUsage, mids } from "@/db/schema";
import { computeCapRoom } from "./cap-room";

/**
 * The cap ledger: every function here runs inside the caller's BEGIN IMMEDIATE transaction,
 * next to the order and transaction rows it accounts for, so no interleaving of requests or
 * processes can take a MID past its cap.
 */

type Tx = Pick<Db, "select" | "insert" | "update">;

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

/** Holds `amountMinor` of the cap for an order in flight; throws CapExceededError when it does not fit. */
export async function reserveCap(tx: Tx, midId: number, month: string, amountMinor: number): Promise<void> {
  const room = await readCapRoom(tx, midId, month);
  if (amountMinor > room.leftMinor) throw new CapExceededError(midId, room.leftMinor);
  await ensureRow(tx, midId, month);
  await tx
    .update(midMonthlyUsage)
    .set({ reservedMinor: sql`${midMonthlyUsage.reservedMinor} + ${amountMinor}` })
    .where(and(eq(midMonthlyUsage.midId, midId), eq(midMonthlyUsage.month, month)));
}

/** Turns a reservation into captured volume (`capturedMinor` may be less than reserved). */
export async function settleReservation(tx: Tx, midId: number, month: string, reservedMinor: number, capturedMinor: number): Promise<void> {
  await ensureRow(tx, midId, month);
  await tx
    .update(midMonthlyUsage)
    .set({
      reservedMinor: sql`max(0, ${midMonthlyUsage.reservedMinor} - ${reservedMinor})`,
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
