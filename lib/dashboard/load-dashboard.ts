import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mids, orders, transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { startOfDayMs, startOfMonthMs } from "@/lib/money/calendar";

export type CurrencyTotal = { currency: string; minor: number };

const DAY = 86_400_000;

function sumBy(db: Db, type: "SALE" | "REFUND", since: number): CurrencyTotal[] {
  return db
    .select({ currency: transactions.currency, minor: sql<number>`coalesce(sum(${transactions.amountMinor}), 0)` })
    .from(transactions)
    .where(and(eq(transactions.type, type), eq(transactions.status, "SUCCESS"), gte(transactions.createdAt, since)))
    .groupBy(transactions.currency)
    .all()
    .map((r) => ({ currency: r.currency, minor: Number(r.minor) }));
}

/**
 * The overview's figures, computed with the same status and date rules as the transactions
 * browser (SUCCESS sales are gross, SUCCESS refunds are refunds, days in APP_TIMEZONE) so
 * the two always agree for the same period.
 */
export function loadDashboard(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "dashboard.read");
  const today = startOfDayMs(now);
  const month = startOfMonthMs(now);
  const chartStart = startOfDayMs(new Date(now.getTime() - 29 * DAY));

  const outcomes = db
    .select({ status: transactions.status, n: sql<number>`count(*)` })
    .from(transactions)
    .where(and(eq(transactions.type, "SALE"), gte(transactions.createdAt, month), inArray(transactions.status, ["SUCCESS", "SOFT_DECLINE", "HARD_DECLINE", "ERROR"])))
    .groupBy(transactions.status)
    .all();
  const attempts = outcomes.reduce((n, o) => n + Number(o.n), 0);
  const approved = Number(outcomes.find((o) => o.status === "SUCCESS")?.n ?? 0);

  const declinesByReason = db
    .select({ reason: sql<string>`coalesce(${transactions.reasonCode}, 'Unknown')`, status: transactions.status, n: sql<number>`count(*)` })
    .from(transactions)
    .where(and(eq(transactions.type, "SALE"), gte(transactions.createdAt, month), inArray(transactions.status, ["SOFT_DECLINE", "HARD_DECLINE"])))
    .groupBy(sql`1`, transactions.status)
    .orderBy(desc(sql`count(*)`))
    .all()
    .map((r) => ({ reason: r.reason, status: r.status, count: Number(r.n) }));

  const daily = db
    .select({
      midId: transactions.midId,
      day: sql<number>`cast((${transactions.createdAt} - ${chartStart}) / ${DAY} as integer)`,
      minor: sql<number>`sum(${transactions.amountMinor})`,
    })
    .from(transactions)
    .where(and(eq(transactions.type, "SALE"), eq(transactions.status, "SUCCESS"), gte(transactions.createdAt, chartStart)))
    .groupBy(transactions.midId, sql`2`)
    .all();
  const midNames = new Map(db.select({ id: mids.id, title: mids.title, currency: mids.currency }).from(mids).all().map((m) => [m.id, m]));
  const series = [...new Set(daily.map((d) => d.midId))].map((midId) => {
    const values = new Array<number>(30).fill(0);
    for (const d of daily) if (d.midId === midId && d.day >= 0 && d.day < 30) values[d.day] += Number(d.minor);
    const mid = midNames.get(midId);
    return { midId, title: mid?.title ?? `MID ${midId}`, currency: mid?.currency ?? "USD", values };
  });

  const recentDeclines = db
    .select({ id: transactions.id, orderId: transactions.orderId, createdAt: transactions.createdAt, status: transactions.status, reasonCode: transactions.reasonCode, amountMinor: transactions.amountMinor, currency: transactions.currency, email: orders.email, midId: transactions.midId })
    .from(transactions)
    .innerJoin(orders, eq(orders.id, transactions.orderId))
    .where(and(eq(transactions.type, "SALE"), inArray(transactions.status, ["SOFT_DECLINE", "HARD_DECLINE"])))
    .orderBy(desc(transactions.createdAt))
    .limit(8)
    .all();

  return {
    grossToday: sumBy(db, "SALE", today),
    grossMonth: sumBy(db, "SALE", month),
    refundsToday: sumBy(db, "REFUND", today),
    refundsMonth: sumBy(db, "REFUND", month),
    approvalRate: attempts ? approved / attempts : null,
    attempts,
    declinesByReason,
    chart: { start: chartStart, series },
    recentDeclines,
  };
}

export type Dashboard = ReturnType<typeof loadDashboard>;
