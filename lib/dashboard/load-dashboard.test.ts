import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/client";
import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/demo-seed/seed-demo";
import { startOfDayMs, startOfMonthMs } from "@/lib/money/calendar";
import { createTestDb } from "@/lib/testing/test-db";
import { loadDashboard } from "./load-dashboard";

const DAY = 86_400_000;

describe("loadDashboard", () => {
  afterEach(() => {
    delete process.env.APP_TIMEZONE;
  });

  // UTC reads the hourly totals; Asia/Kolkata (+05:30) has midnights off the hour, so it counts rows.
  it.each(["UTC", "America/New_York", "Asia/Kolkata"])("agrees with counting the transactions in %s", async (zone) => {
    process.env.APP_TIMEZONE = zone;
    const { db, actorFor } = await createTestDb();
    await seedDemo(db, { history: true });
    const now = new Date();
    const dashboard = await loadDashboard(db, await actorFor("operator"), now);
    const scalar = async (query: SQL) => Number((await selectRows<{ n: number | null }>(db, query))[0]?.n ?? 0);
    const month = startOfMonthMs(now);
    const today = startOfDayMs(now);

    const grossMonth = await scalar(
      sql`select sum(amount_minor) as n from transactions where type in ('SALE','CAPTURE') and status = 'SUCCESS' and created_at >= ${month}`,
    );
    expect(dashboard.grossMonth.reduce((n, t) => n + t.minor, 0)).toBe(grossMonth);
    const refundsToday = await scalar(
      sql`select sum(amount_minor) as n from transactions where type = 'REFUND' and status = 'SUCCESS' and created_at >= ${today}`,
    );
    expect(dashboard.refundsToday.reduce((n, t) => n + t.minor, 0)).toBe(refundsToday);
    const attempts = await scalar(
      sql`select count(*) as n from transactions where type in ('SALE','AUTHORIZE') and status <> 'PENDING' and created_at >= ${month}`,
    );
    expect(dashboard.attempts).toBe(attempts);
    const declines = await scalar(
      sql`select count(*) as n from transactions where type in ('SALE','AUTHORIZE') and status in ('SOFT_DECLINE','HARD_DECLINE') and created_at >= ${month}`,
    );
    expect(dashboard.declinesByReason.reduce((n, d) => n + d.count, 0)).toBe(declines);
    const chartStart = startOfDayMs(new Date(now.getTime() - 29 * DAY));
    const chartTotal = await scalar(
      sql`select sum(amount_minor) as n from transactions where type in ('SALE','CAPTURE') and status = 'SUCCESS' and created_at >= ${chartStart}`,
    );
    expect(grossMonth).toBeGreaterThan(0);
    expect(dashboard.chart.series.flatMap((s) => s.values).reduce((n, v) => n + v, 0)).toBe(chartTotal);
  });
});
