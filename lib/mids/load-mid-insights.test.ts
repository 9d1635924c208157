import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/client";
import { describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/demo-seed/seed-demo";
import { startOfDayMs } from "@/lib/money/calendar";
import { createTestDb } from "@/lib/testing/test-db";
import { loadMidInsights } from "./load-mid-insights";

const DAY = 86_400_000;

describe("loadMidInsights", () => {
  it("agrees with counting one MID's transactions of the last 30 days", async () => {
    const { db, actorFor } = await createTestDb();
    await seedDemo(db, { history: true });
    const now = new Date();
    const from = startOfDayMs(new Date(now.getTime() - 29 * DAY));
    const scalar = async (query: SQL) => Number((await selectRows<{ n: number | null }>(db, query))[0]?.n ?? 0);
    const midIds = (
      await selectRows<{ midId: number }>(db, sql`select distinct mid_id as "midId" from transactions where created_at >= ${from} order by 1`)
    ).map((r) => r.midId);
    expect(midIds.length).toBeGreaterThan(1);
    for (const midId of midIds) {
      const insights = await loadMidInsights(db, await actorFor("operator"), midId, now);
      const where = sql`mid_id = ${midId} and created_at >= ${from} and type in ('SALE','AUTHORIZE')`;
      expect(insights.attempts).toBe(await scalar(sql`select count(*) as n from transactions where ${where} and status <> 'PENDING'`));
      expect(insights.approved).toBe(await scalar(sql`select count(*) as n from transactions where ${where} and status = 'SUCCESS'`));
      const declines = await scalar(sql`select count(*) as n from transactions where ${where} and status in ('SOFT_DECLINE','HARD_DECLINE')`);
      expect(insights.declinesByReason.reduce((n, d) => n + d.count, 0)).toBe(declines);
      expect(insights.days.reduce((n, d) => n + d.declined, 0)).toBe(declines);
      const captured = await scalar(
        sql`select sum(amount_minor) as n from transactions where mid_id = ${midId} and created_at >= ${from} and type in ('SALE','CAPTURE') and status = 'SUCCESS'`,
      );
      expect(insights.days.reduce((n, d) => n + d.capturedMinor, 0)).toBe(captured);
      expect(insights.days).toHaveLength(30);
    }
  });

  it("says there is no approval rate rather than 0 % when nothing was attempted", async () => {
    const { db, actorFor } = await createTestDb();
    const insights = await loadMidInsights(db, await actorFor("campaign_manager"), 999);
    expect(insights).toMatchObject({ attempts: 0, approvalRate: null, declinesByReason: [] });
  });

  it("is refused to a role that may not read MIDs", async () => {
    const { db, actorFor } = await createTestDb();
    await expect(loadMidInsights(db, await actorFor("support"), 1)).rejects.toThrow();
  });
});
