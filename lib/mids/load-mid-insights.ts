import type { Db } from "@/db/client";
import { CAPTURED_TYPES, CHARGE_ATTEMPT_TYPES } from "@/lib/values/transaction-types";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { startOfDayMs } from "@/lib/money/calendar";
import { sumTransactionTotals } from "@/lib/transactions/sum-transaction-totals";

const DAY = 86_400_000;
export const INSIGHT_DAYS = 30;
const DECLINES = ["SOFT_DECLINE", "HARD_DECLINE"] as const;

export type MidDay = { day: number; startMs: number; capturedMinor: number; approved: number; declined: number };
export type MidInsights = {
  fromMs: number;
  attempts: number;
  approved: number;
  /** null when there was no attempt: a rate of nothing is not 0 %. */
  approvalRate: number | null;
  declinesByReason: Array<{ reason: string; status: string; count: number }>;
  days: MidDay[];
};

/**
 * One MID's last 30 days (in APP_TIMEZONE days, today included): charge attempts and how many
 * Amazon approved, declines by reason code, and per day the captured volume and the approved and
 * declined attempts. Same rules as the overview (attempts are SALE/AUTHORIZE rows that ended;
 * captured volume is SUCCESS SALE/CAPTURE), read from the running totals.
 */
export async function loadMidInsights(db: Db, actor: Actor, midId: number, now = new Date()): Promise<MidInsights> {
  assertCan(actor, "mids.read");
  const fromMs = startOfDayMs(new Date(now.getTime() - (INSIGHT_DAYS - 1) * DAY));
  const attemptsByDay = await sumTransactionTotals(db, {
    fromMs,
    midId,
    types: CHARGE_ATTEMPT_TYPES,
    statuses: ["SUCCESS", ...DECLINES, "ERROR"],
    groupBy: ["day", "status"],
  });
  const capturedByDay = await sumTransactionTotals(db, { fromMs, midId, types: CAPTURED_TYPES, statuses: ["SUCCESS"], groupBy: ["day"] });
  const declinesByReason = (await sumTransactionTotals(db, { fromMs, midId, types: CHARGE_ATTEMPT_TYPES, statuses: DECLINES, groupBy: ["reason", "status"] }))
    .map((r) => ({ reason: r.reason || "Unknown", status: r.status, count: Number(r.count) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));

  const days: MidDay[] = Array.from({ length: INSIGHT_DAYS }, (_, day) => ({ day, startMs: fromMs + day * DAY, capturedMinor: 0, approved: 0, declined: 0 }));
  const inRange = (day: number) => day >= 0 && day < INSIGHT_DAYS;
  for (const r of capturedByDay) if (inRange(r.day)) days[r.day].capturedMinor += Number(r.sumMinor);
  let attempts = 0;
  let approved = 0;
  for (const r of attemptsByDay) {
    const count = Number(r.count);
    attempts += count;
    if (r.status === "SUCCESS") approved += count;
    if (!inRange(r.day)) continue;
    if (r.status === "SUCCESS") days[r.day].approved += count;
    else if ((DECLINES as readonly string[]).includes(r.status)) days[r.day].declined += count;
  }
  return { fromMs, attempts, approved, approvalRate: attempts ? approved / attempts : null, declinesByReason, days };
}
