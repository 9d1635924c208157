import { beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed-demo";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb } from "@/lib/testing/test-db";
import { summarizeTransactions } from "./summarize-transactions";
import type { TransactionFilter } from "./transaction-filter";
import { rebuildTransactionTotals } from "./rebuild-transaction-totals";

/** The same figures counted row by row with plain SQL: what the running totals must always equal. */
function countRows(db: Db, where: string, params: unknown[] = []) {
  const rows = db.$client.prepare(`select currency, sum(amount_minor) as sumMinor, count(*) as count from transactions t where ${where} group by currency order by currency`).all(...params) as Array<{ currency: string; sumMinor: number; count: number }>;
  return { count: rows.reduce((n, r) => n + r.count, 0), totals: rows };
}

const sorted = (s: ReturnType<typeof summarizeTransactions>) => ({ count: s.count, totals: [...s.totals].sort((a, b) => a.currency.localeCompare(b.currency)) });
const DAY = 86_400_000;
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("summarizeTransactions", () => {
  let db: Db;
  let support: Actor;
  beforeEach(async () => {
    const created = createTestDb();
    db = created.db;
    support = created.actorFor("support");
    await seedDemo(db, { history: true });
  });

  function expectAgreement() {
    const now = Date.now();
    const from = dayString(now - 10 * DAY);
    const to = dayString(now - 3 * DAY);
    const fromMs = Date.parse(`${from}T00:00:00Z`);
    const toMs = Date.parse(`${to}T00:00:00Z`) + DAY;
    const cases: Array<[TransactionFilter, string, unknown[]]> = [
      [{}, "1", []],
      [{ midId: 1 }, "mid_id = ?", [1]],
      [{ campaignId: 2 }, "order_id in (select id from orders where campaign_id = ?)", [2]],
      [{ type: "REFUND" }, "type = ?", ["REFUND"]],
      [{ status: "SOFT_DECLINE" }, "status = ?", ["SOFT_DECLINE"]],
      [{ minAmount: "20", maxAmount: "50" }, "amount_minor between 2000 and 5000", []],
      [{ from, to }, "created_at >= ? and created_at < ?", [fromMs, toMs]],
      [{ from, to, midId: 1, type: "SALE", status: "SUCCESS" }, "created_at >= ? and created_at < ? and mid_id = 1 and type = 'SALE' and status = 'SUCCESS'", [fromMs, toMs]],
      [{ from, minAmount: "40" }, "created_at >= ? and amount_minor >= 4000", [fromMs]],
    ];
    for (const [filter, where, params] of cases) {
      expect(sorted(summarizeTransactions(db, support, filter)), JSON.stringify(filter)).toEqual(countRows(db, where, params));
    }
  }

  it("agrees with counting the rows, for every kind of filter", () => {
    expect(countRows(db, "1").count).toBeGreaterThan(600);
    expectAgreement();
  });

  it("stays in agreement after rows are inserted, change status and amount, and are deleted", () => {
    const sqlite = db.$client;
    sqlite.exec("update transactions set status = 'SUCCESS', reason_code = null where id in (select id from transactions where status = 'SOFT_DECLINE' limit 5)");
    sqlite.exec("update transactions set amount_minor = amount_minor - 100 where id in (select id from transactions where type = 'SALE' limit 7)");
    sqlite.exec("update transactions set created_at = created_at - 5 * 86400000 where id in (select id from transactions limit 9)");
    sqlite.exec(`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, created_at, updated_at)
      select order_id, mid_id, 'REFUND', 'PENDING', 1234, currency, 'test-r-' || id, created_at + 1000, created_at + 1000 from transactions where type = 'SALE' limit 4`);
    sqlite.exec("delete from transactions where id in (select id from transactions where type = 'REFUND' limit 3)");
    // The insert trigger copied each order's campaign.
    expect(sqlite.prepare("select count(*) as n from transactions t join orders o on o.id = t.order_id where t.campaign_id is not o.campaign_id").get()).toEqual({ n: 0 });
    expectAgreement();
  });

  it("is rebuilt from the rows after a bulk load", () => {
    const before = summarizeTransactions(db, support, { type: "SALE" });
    db.$client.exec("delete from transaction_hourly_totals; delete from transaction_amount_totals;");
    expect(summarizeTransactions(db, support, { type: "SALE" }).count).toBe(0);
    rebuildTransactionTotals(db.$client);
    expect(summarizeTransactions(db, support, { type: "SALE" })).toEqual(before);
  });
});
