import { and, asc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { containsIgnoringCase } from "@/db/dialect";
import { asRowId } from "@/lib/search/parse-search-query";
import { midMonthlyUsage, mids, transactions } from "@/db/schema";
import { CAPTURED_TYPES } from "@/lib/values/transaction-types";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { monthKey, startOfDayMs } from "@/lib/money/calendar";
import { toMidDto, type MidDto } from "./mid-dto";
import { computeCapRoom, type CapRoom } from "./cap-room";
import { DomainError } from "@/lib/errors";

export type MidListFilter = {
  q?: string;
  region?: string;
  currency?: string;
  mode?: "sandbox" | "live";
  status?: "enabled" | "disabled";
};

/**
 * todayMinor and grossMonthMinor are gross (captured since local midnight / since the first of the
 * month, refunds not taken off), so month-to-date is never below today; room.usedMinor is what
 * counts against the cap (net of refunds when the MID counts refunds back).
 */
export type MidWithVolume = MidDto & { todayMinor: number; grossMonthMinor: number; refundedMonthMinor: number; room: CapRoom };

/** MIDs with Today, this month's gross volume and this month's cap use. */
export async function listMids(db: Db, actor: Actor, filter: MidListFilter = {}, now = new Date()): Promise<MidWithVolume[]> {
  assertCan(actor, "mids.read");
  const conditions: SQL[] = [];
  const q = filter.q?.trim();
  if (q) {
    const byText = or(...[mids.title, mids.merchantId, mids.midNumber, mids.descriptor].map((column) => containsIgnoringCase(column, q)));
    const midId = asRowId(q);
    conditions.push(midId === null ? (byText as SQL) : (or(eq(mids.id, midId), byText) as SQL));
  }
  if (filter.region) conditions.push(eq(mids.region, filter.region as MidDto["region"]));
  if (filter.currency) conditions.push(eq(mids.currency, filter.currency as MidDto["currency"]));
  if (filter.mode) conditions.push(eq(mids.testMode, filter.mode === "sandbox"));
  if (filter.status) conditions.push(eq(mids.enabled, filter.status === "enabled"));

  const rows = await db
    .select()
    .from(mids)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(mids.id));
  return attachVolumes(db, rows.map(toMidDto), now);
}

export async function getMid(db: Db, actor: Actor, midId: number, now = new Date()): Promise<MidWithVolume> {
  assertCan(actor, "mids.read");
  const [row] = await db.select().from(mids).where(eq(mids.id, midId));
  if (!row) throw new DomainError("MID not found.");
  return (await attachVolumes(db, [toMidDto(row)], now))[0];
}

export async function attachVolumes(db: Db, list: MidDto[], now: Date): Promise<MidWithVolume[]> {
  if (list.length === 0) return [];
  const ids = list.map((m) => m.id);
  const usage = new Map(
    (
      await db
        .select()
        .from(midMonthlyUsage)
        .where(and(inArray(midMonthlyUsage.midId, ids), eq(midMonthlyUsage.month, monthKey(now))))
    ).map((u) => [u.midId, u]),
  );
  const today = new Map(
    (
      await db
        .select({ midId: transactions.midId, total: sql<number>`coalesce(sum(${transactions.amountMinor}), 0)` })
        .from(transactions)
        .where(
          and(
            inArray(transactions.midId, ids),
            gte(transactions.createdAt, startOfDayMs(now)),
            eq(transactions.status, "SUCCESS"),
            inArray(transactions.type, CAPTURED_TYPES),
          ),
        )
        .groupBy(transactions.midId)
    ).map((r) => [r.midId, Number(r.total)]),
  );
  return list.map((mid) => {
    const u = usage.get(mid.id);
    return {
      ...mid,
      todayMinor: today.get(mid.id) ?? 0,
      grossMonthMinor: u?.capturedMinor ?? 0,
      refundedMonthMinor: u?.refundedMinor ?? 0,
      room: computeCapRoom({
        capMinor: mid.monthlyCapMinor,
        capturedMinor: u?.capturedMinor ?? 0,
        refundedMinor: u?.refundedMinor ?? 0,
        reservedMinor: u?.reservedMinor ?? 0,
        countsRefunds: mid.capCountsRefunds,
        alertPercent: mid.capAlertPercent,
      }),
    };
  });
}
