import { engineOf, type Tx } from "@/db/client";
import { ensureUsageRow, findCapSettings, findUsage, lockUsageRows, reserveWithinCapRoom, settleUsage, addRefundedVolume } from "@/db/queries/mids/cap-usage";
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

/** Room left this month for a MID (reservations included). */
export async function readCapRoom(tx: Tx, midId: number, month: string) {
  const settings = await findCapSettings(tx, midId);
  if (!settings) throw new Error(`MID ${midId} not found`);
  const usage = await findUsage(tx, midId, month);
  return computeCapRoom({
    capMinor: settings.capMinor,
    capturedMinor: usage?.capturedMinor ?? 0,
    refundedMinor: usage?.refundedMinor ?? 0,
    reservedMinor: usage?.reservedMinor ?? 0,
    countsRefunds: settings.countsRefunds,
    alertPercent: settings.alertPercent,
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
  for (const month of sorted) await ensureUsageRow(tx, midId, month);
  await lockUsageRows(tx, midId, sorted);
  return true;
}

/** Holds `amountMinor` of the cap for an order in flight; throws CapExceededError when it does not fit. */
export async function reserveCap(tx: Tx, midId: number, month: string, amountMinor: number): Promise<void> {
  const settings = await findCapSettings(tx, midId);
  if (!settings) throw new Error(`MID ${midId} not found`);
  const reservation = { midId, month, amountMinor, capMinor: settings.capMinor, countsRefunds: settings.countsRefunds };
  // The month's row exists after its first order: create it only when the UPDATE found nothing.
  if (await reserveWithinCapRoom(tx, reservation)) return;
  if (!(await findUsage(tx, midId, month))) {
    await ensureUsageRow(tx, midId, month);
    if (await reserveWithinCapRoom(tx, reservation)) return;
  }
  throw new CapExceededError(midId, (await readCapRoom(tx, midId, month)).leftMinor);
}

/** Turns a reservation into captured volume (`capturedMinor` may be less than reserved). */
export async function settleReservation(tx: Tx, midId: number, month: string, reservedMinor: number, capturedMinor: number): Promise<void> {
  const settlement = { midId, month, reservedMinor, capturedMinor };
  if (await settleUsage(tx, settlement)) return;
  await ensureUsageRow(tx, midId, month);
  await settleUsage(tx, settlement);
}

/** Refunds count in the month they complete; whether they give room back is the MID's setting. */
export async function recordRefundedVolume(tx: Tx, midId: number, month: string, amountMinor: number): Promise<void> {
  if (await addRefundedVolume(tx, midId, month, amountMinor)) return;
  await ensureUsageRow(tx, midId, month);
  await addRefundedVolume(tx, midId, month, amountMinor);
}
