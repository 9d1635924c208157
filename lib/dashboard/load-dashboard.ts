import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withoutIndex } from "@/db/dialect";
import { mids, orders, transactions } from "@/db/schema";
import { CAPTURED_TYPES, CHARGE_ATTEMPT_TYPES } from "@/lib/values/transaction-types";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { startOfDayMs, startOfMonthMs } from "@/lib/money/calendar";
import { sumTransactionTotals } from "@/lib/transactions/sum-transaction-totals";

export type CurrencyTotal = { currency: string; minor: number };

const DAY = 86_400_000;

// Gross counts what was taken (capture-later orders by their CAPTURE); approval counts
// attempts (their AUTHORIZE).
const DECLINES = ["SOFT_DECLINE", "HARD_DECLINE"] as const;

async function sumSince(db: Db, types: readonly string[], since: number): Promise<CurrencyTotal[]> {
  return (await sumTransactionTotals(db, { fromMs: since, types, statuses: ["SUCCESS"], groupBy: ["currency"] })).map((r) => ({
    currency: r.currency,
    minor: Number(r.sumMinor),
  }));
}

/**
 * The overview's figures, computed with the same status and date rules as the transactions
 * browser (SUCCESS sales and captures are gross, SUCCESS refunds are refunds, days in
 * APP_TIMEZONE) so the two always agree for the same period. Sums come from the running totals.
 */
export async function loadDashboard(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "dashboard.read");
  const today = startOfDayMs(now);
  const month = startOfMonthMs(now);
  const chartStart = startOfDayMs(new Date(now.getTime() - 29 * DAY));

  const outcomes = await sumTransactionTotals(db, {
    fromMs: month,
    types: CHARGE_ATTEMPT_TYPES,
    statuses: ["SUCCESS", ...DECLINES, "ERROR"],
    groupBy: ["status"],
  });
  const attempts = outcomes.reduce((n, o) => n + Number(o.count), 0);
  const approved = Number(outcomes.find((o) => o.status === "SUCCESS")?.count ?? 0);

  const declinesByReason = (await sumTransactionTotals(db, { fromMs: month, types: CHARGE_ATTEMPT_TYPES, statuses: DECLINES, groupBy: ["reason", "status"] }))
    .map((r) => ({ reason: r.reason || "Unknown", status: r.status, count: Number(r.count) }))
    .sort((a, b) => b.count - a.count);

  const daily = await sumTransactionTotals(db, { fromMs: chartStart, types: CAPTURED_TYPES, statuses: ["SUCCESS"], groupBy: ["mid", "day"] });
  const midNames = new Map((await db.select({ id: mids.id, title: mids.title, currency: mids.currency }).from(mids)).map((m) => [m.id, m]));
  const series = [...new Set(daily.map((d) => d.midId))].map((midId) => {
    const values = new Array<number>(30).fill(0);
    for (const d of daily) if (d.midId === midId && d.day >= 0 && d.day < 30) values[d.day] += Number(d.sumMinor);
    const mid = midNames.get(midId);
    return { midId, title: mid?.title ?? `MID ${midId}`, currency: mid?.currency ?? "USD", values };
  });

  const recentDeclines = await listRecentDeclines(db, 8);
  const grossMonth = await sumSince(db, CAPTURED_TYPES, month);
  const refundsMonth = await sumSince(db, ["REFUND"], month);

  return {
    grossToday: await sumSince(db, CAPTURED_TYPES, today),
    grossMonth,
    refundsToday: await sumSince(db, ["REFUND"], today),
    refundsMonth,
    netMonth: subtractTotals(grossMonth, refundsMonth),
    approvalRate: attempts ? approved / attempts : null,
    attempts,
    declinesByReason,
    chart: { start: chartStart, series },
    recentDeclines,
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;

/** Per currency, a − b (a currency only in b comes out negative). */
function subtractTotals(a: CurrencyTotal[], b: CurrencyTotal[]): CurrencyTotal[] {
  const currencies = [...new Set([...a, ...b].map((t) => t.currency))].sort();
  const of = (list: CurrencyTotal[], currency: string) => list.find((t) => t.currency === currency)?.minor ?? 0;
  return currencies.map((currency) => ({ currency, minor: of(a, currency) - of(b, currency) }));
}

/**
 * The newest declined charge attempts. One index walk per decline status (status, created_at),
 * newest first, then merged: fast however rare or common declines are. withoutIndex keeps
 * SQLite from choosing the type index, which would sort every sale.
 */
async function listRecentDeclines(db: Db, limit: number) {
  const perStatus = await Promise.all(
    DECLINES.map((status) =>
      db
        .select({
          id: transactions.id,
          orderId: transactions.orderId,
          createdAt: transactions.createdAt,
          status: transactions.status,
          reasonCode: transactions.reasonCode,
          amountMinor: transactions.amountMinor,
          currency: transactions.currency,
          email: orders.email,
          midId: transactions.midId,
        })
        .from(transactions)
        .crossJoin(orders) // transactions stay the outer loop; see listTransactions
        .where(
          and(
            eq(orders.id, transactions.orderId),
            eq(transactions.status, status),
            sql`${withoutIndex(db, sql`${transactions.type}`)} in ${CHARGE_ATTEMPT_TYPES}`,
          ),
        )
        .orderBy(desc(transactions.createdAt))
        .limit(limit),
    ),
  );
  return perStatus
    .flat()
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    .slice(0, limit);
}
