import { sqliteClientOf } from "@/db/client";
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
    const scalar = (sql: string, ...params: unknown[]) =>
      Number(
        (sqliteClientOf(db)
          .prepare(sql)
          .pluck()
          .get(...params) as number | null) ?? 0,
      );
    const midIds = sqliteClientOf(db).prepare("select distinct mid_id from transactions where created_at >= ?").pluck().all(from) as number[];
    expect(midIds.length).toBeGreaterThan(1);
    for (const midId of midIds) {
      const insights = await loadMidInsights(db, await actorFor("operator"), midId, now);
      const where = "mid_id = ? and created_at >= ? and type in ('SALE','AUTHORIZE')";
      expect(insights.attempts).toBe(scalar(`select count(*) from transactions where ${where} and status <> 'PENDING'`, midId, from));
      expect(insights.approved).toBe(scalar(`select count(*) from transactions where ${where} and status = 'SUCCESS'`, midId, from));
      const declines = scalar(`select count(*) from transactions where ${where} and status in ('SOFT_DECLINE','HARD_DECLINE')`, midId, from);
      expect(insights.declinesByReason.reduce((n, d) => n + d.count, 0)).toBe(declines);
      expect(insights.days.reduce((n, d) => n + d.declined, 0)).toBe(declines);
      const captured = scalar(
        "select sum(amount_minor) from transactions where mid_id = ? and created_at >= ? and type in ('SALE','CAPTURE') and status = 'SUCCESS'",
        midId,
        from,
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
