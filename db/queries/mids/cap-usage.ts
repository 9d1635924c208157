import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { forUpdate } from "../../dialect";
import { midMonthlyUsage, mids } from "../../schema";
import { param, preparedStatement } from "../prepared-statement";

/*
 * A MID's monthly usage row (captured, refunded, reserved). Every statement here runs inside the
 * caller's money transaction; lib/mids/cap-ledger.ts decides when.
 */

const insertUsageRowIfMissing = preparedStatement((db) =>
  db
    .insert(midMonthlyUsage)
    .values({ midId: param("midId"), month: param("month") })
    .onConflictDoNothing(),
);

/** Creates the (MID, month) usage row with zeros unless it exists. */
export async function ensureUsageRow(tx: Tx, midId: number, month: string): Promise<void> {
  await insertUsageRowIfMissing(tx, { midId, month });
}

const selectCapSettings = preparedStatement((db) =>
  db
    .select({ capMinor: mids.monthlyCapMinor, countsRefunds: mids.capCountsRefunds, alertPercent: mids.capAlertPercent })
    .from(mids)
    .where(eq(mids.id, param("midId"))),
);

/** The MID's cap, whether refunds give room back, and its alert percentage. */
export async function findCapSettings(tx: Tx, midId: number) {
  return (await selectCapSettings(tx, { midId }))[0];
}

const selectUsage = preparedStatement((db) =>
  db
    .select()
    .from(midMonthlyUsage)
    .where(and(eq(midMonthlyUsage.midId, param("midId")), eq(midMonthlyUsage.month, param("month")))),
);

/** The usage row of a MID and month, if any. */
export async function findUsage(tx: Tx, midId: number, month: string) {
  return (await selectUsage(tx, { midId, month }))[0];
}

/** Locks the usage rows of these months (they must exist) in month order, until the transaction ends (PostgreSQL). */
export async function lockUsageRows(tx: Tx, midId: number, months: string[]): Promise<void> {
  await forUpdate(
    tx,
    tx
      .select({ month: midMonthlyUsage.month })
      .from(midMonthlyUsage)
      .where(and(eq(midMonthlyUsage.midId, midId), inArray(midMonthlyUsage.month, months)))
      .orderBy(asc(midMonthlyUsage.month)),
  );
}

// Reads and adds in one statement: what is committed (used + reserved) plus this order must fit.
const reserveWithinCap = (usedExpression: (u: typeof midMonthlyUsage) => ReturnType<typeof sql>) =>
  preparedStatement((db) =>
    db
      .update(midMonthlyUsage)
      .set({ reservedMinor: sql`${midMonthlyUsage.reservedMinor} + ${param("amountMinor")}` })
      .where(
        and(
          eq(midMonthlyUsage.midId, param("midId")),
          eq(midMonthlyUsage.month, param("month")),
          sql`${usedExpression(midMonthlyUsage)} + ${midMonthlyUsage.reservedMinor} + ${param("amountMinor")} <= ${param("capMinor")}`,
        ),
      )
      .returning({ reservedMinor: midMonthlyUsage.reservedMinor }),
  );
const reserveCountingRefunds = reserveWithinCap((u) => sql`${u.capturedMinor} - ${u.refundedMinor}`);
const reserveIgnoringRefunds = reserveWithinCap((u) => sql`${u.capturedMinor}`);

/**
 * Adds `amountMinor` to the month's reservations if used + reserved + amount stays within the cap,
 * as one conditional UPDATE (on PostgreSQL its row lock makes a concurrent reservation wait and
 * test the condition again on the new row). Answers whether it fitted.
 */
export async function reserveWithinCapRoom(
  tx: Tx,
  usage: { midId: number; month: string; amountMinor: number; capMinor: number; countsRefunds: boolean },
): Promise<boolean> {
  const reserve = usage.countsRefunds ? reserveCountingRefunds : reserveIgnoringRefunds;
  const rows = await reserve(tx, { midId: usage.midId, month: usage.month, amountMinor: usage.amountMinor, capMinor: usage.capMinor });
  return rows.length > 0;
}

const moveReservationToCaptured = preparedStatement((db) =>
  db
    .update(midMonthlyUsage)
    .set({
      // A reservation never goes below zero (CASE: SQLite's max() and PostgreSQL's greatest() differ).
      reservedMinor: sql`case when ${midMonthlyUsage.reservedMinor} > ${param("reservedMinor")} then ${midMonthlyUsage.reservedMinor} - ${param("reservedMinor")} else 0 end`,
      capturedMinor: sql`${midMonthlyUsage.capturedMinor} + ${param("capturedMinor")}`,
    })
    .where(and(eq(midMonthlyUsage.midId, param("midId")), eq(midMonthlyUsage.month, param("month"))))
    .returning({ midId: midMonthlyUsage.midId }),
);

/** Takes `reservedMinor` off the month's reservations and adds `capturedMinor` to its captured volume; false when the row is missing. */
export async function settleUsage(tx: Tx, usage: { midId: number; month: string; reservedMinor: number; capturedMinor: number }): Promise<boolean> {
  return (await moveReservationToCaptured(tx, usage)).length > 0;
}

const addRefunded = preparedStatement((db) =>
  db
    .update(midMonthlyUsage)
    .set({ refundedMinor: sql`${midMonthlyUsage.refundedMinor} + ${param("amountMinor")}` })
    .where(and(eq(midMonthlyUsage.midId, param("midId")), eq(midMonthlyUsage.month, param("month"))))
    .returning({ midId: midMonthlyUsage.midId }),
);

/** Adds a completed refund to the month's refunded volume; false when the row is missing. */
export async function addRefundedVolume(tx: Tx, midId: number, month: string, amountMinor: number): Promise<boolean> {
  return (await addRefunded(tx, { midId, month, amountMinor })).length > 0;
}
