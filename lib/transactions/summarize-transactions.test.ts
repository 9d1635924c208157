import { beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/demo-seed/seed-demo";
import { sqliteClientOf, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb } from "@/lib/testing/test-db";
import { summarizeTransactions, type TransactionSummary } from "./summarize-transactions";
import { generateHistory } from "@/scripts/demo-seed/generate-history";
import type { TransactionFilter } from "./transaction-filter";
import { rebuildTransactionTotals } from "./rebuild-transaction-totals";

/**
 * The same figures summed row by row with plain SQL, by type and currency, straight from the
 * transactions table: what the summary (running totals or not) must always equal.
 */
function sumRows(db: Db, where: string, params: unknown[] = []): TransactionSummary {
  const rows = sqliteClientOf(db)
    .prepare(
      `select currency,
        count(*) as rows,
        sum(type in ('SALE', 'CAPTURE') and status = 'SUCCESS') as capturedCount,
        coalesce(sum(case when type in ('SALE', 'CAPTURE') and status = 'SUCCESS' then amount_minor end), 0) as capturedMinor,
        sum(type = 'REFUND' and status = 'SUCCESS') as refundedCount,
        coalesce(sum(case when type = 'REFUND' and status = 'SUCCESS' then amount_minor end), 0) as refundedMinor,
        sum(type in ('SALE', 'AUTHORIZE') and status in ('SOFT_DECLINE', 'HARD_DECLINE')) as declinedCount,
        coalesce(sum(case when type in ('SALE', 'AUTHORIZE') and status in ('SOFT_DECLINE', 'HARD_DECLINE') then amount_minor end), 0) as declinedMinor,
        sum(status = 'PENDING') as pendingCount,
        coalesce(sum(case when status = 'PENDING' then amount_minor end), 0) as pendingMinor
      from transactions t where ${where} group by currency order by currency`,
    )
    .all(...params) as Array<Record<string, number> & { currency: string }>;
  const currencies = rows.map((r) => ({
    currency: r.currency,
    captured: { count: r.capturedCount, minor: r.capturedMinor },
    refunded: { count: r.refundedCount, minor: r.refundedMinor },
    net: r.capturedMinor - r.refundedMinor,
    declined: { count: r.declinedCount, minor: r.declinedMinor },
    pending: { count: r.pendingCount, minor: r.pendingMinor },
    rows: r.rows,
  }));
  return { count: currencies.reduce((n, c) => n + c.rows, 0), currencies };
}

const DAY = 86_400_000;
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("summarizeTransactions", () => {
  let db: Db;
  let support: Actor;
  beforeEach(async () => {
    const created = await createTestDb();
    db = created.db;
    support = await created.actorFor("support");
    await seedDemo(db, { history: true });
    // More generated history, plus the row kinds it does not write: capture-later
    // authorizations with their captures, a declined authorization, refunds and a capture
    // still pending, and a void.
    generateHistory(db, { orders: 900, days: 40, seed: 11 });
    const sqlite = sqliteClientOf(db);
    sqlite.exec(`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, created_at, updated_at)
      select order_id, mid_id, 'AUTHORIZE', 'SUCCESS', amount_minor, currency, 'test-a-' || id, created_at + 10, created_at + 10 from transactions where type = 'SALE' and status = 'SUCCESS' and id % 7 = 0 limit 40`);
    sqlite.exec(`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, created_at, updated_at)
      select order_id, mid_id, 'CAPTURE', case when id % 5 = 0 then 'PENDING' else 'SUCCESS' end, amount_minor, currency, 'test-c-' || id, created_at + 3600000, created_at + 3600000 from transactions where type = 'AUTHORIZE'`);
    sqlite.exec(`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reason_code, reference_id, created_at, updated_at)
      select order_id, mid_id, 'AUTHORIZE', 'HARD_DECLINE', amount_minor, currency, 'AmazonRejected', 'test-d-' || id, created_at + 20, created_at + 20 from transactions where type = 'SALE' and status = 'SUCCESS' and id % 11 = 0 limit 15`);
    sqlite.exec(`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, created_at, updated_at)
      select order_id, mid_id, 'REFUND', 'PENDING', 500, currency, 'test-p-' || id, created_at + 7200000, created_at + 7200000 from transactions where type = 'SALE' and status = 'SUCCESS' and id % 13 = 0 limit 12`);
    sqlite.exec(`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, created_at, updated_at)
      select order_id, mid_id, 'VOID', 'SUCCESS', amount_minor, currency, 'test-v-' || id, created_at + 30, created_at + 30 from transactions where type = 'AUTHORIZE' and status = 'SUCCESS' limit 5`);
  });

  async function expectAgreement() {
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
      [
        { from, to, midId: 1, type: "SALE", status: "SUCCESS" },
        "created_at >= ? and created_at < ? and mid_id = 1 and type = 'SALE' and status = 'SUCCESS'",
        [fromMs, toMs],
      ],
      [{ from, minAmount: "40" }, "created_at >= ? and amount_minor >= 4000", [fromMs]],
      [{ type: "CAPTURE" }, "type = 'CAPTURE'", []],
      [{ status: "PENDING", midId: 2 }, "status = 'PENDING' and mid_id = 2", []],
      [{ q: "1" }, "order_id = 1", []],
    ];
    for (const [filter, where, params] of cases) {
      expect(await summarizeTransactions(db, support, filter), JSON.stringify(filter)).toEqual(sumRows(db, where, params));
    }
  }

  it("agrees with SQL sums by type and currency, for every kind of filter", async () => {
    const all = sumRows(db, "1");
    expect(all.count).toBeGreaterThan(1500);
    // The generated data exercises every figure in more than one currency.
    expect(all.currencies.map((c) => c.currency)).toEqual(expect.arrayContaining(["GBP", "USD"]));
    for (const c of all.currencies) expect(c.captured.count * c.refunded.count * c.declined.count).toBeGreaterThan(0);
    expect(all.currencies.find((c) => c.currency === "USD")?.pending.count).toBeGreaterThan(10);
    // Net is captured less refunds, never the sum over every row type.
    const usd = (await summarizeTransactions(db, support, {})).currencies.find((c) => c.currency === "USD")!;
    const everyRow = (sqliteClientOf(db).prepare("select sum(amount_minor) as n from transactions where currency = 'USD'").get() as { n: number }).n;
    expect(usd.net).toBeLessThan(everyRow);
    await expectAgreement();
  });

  it("stays in agreement after rows are inserted, change status and amount, and are deleted", async () => {
    const sqlite = sqliteClientOf(db);
    sqlite.exec(
      "update transactions set status = 'SUCCESS', reason_code = null where id in (select id from transactions where status = 'SOFT_DECLINE' limit 5)",
    );
    sqlite.exec("update transactions set amount_minor = amount_minor - 100 where id in (select id from transactions where type = 'SALE' limit 7)");
    sqlite.exec("update transactions set created_at = created_at - 5 * 86400000 where id in (select id from transactions limit 9)");
    sqlite.exec(`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, created_at, updated_at)
      select order_id, mid_id, 'REFUND', 'PENDING', 1234, currency, 'test-r-' || id, created_at + 1000, created_at + 1000 from transactions where type = 'SALE' limit 4`);
    sqlite.exec("delete from transactions where id in (select id from transactions where type = 'REFUND' limit 3)");
    // The insert trigger copied each order's campaign.
    expect(
      sqlite.prepare("select count(*) as n from transactions t join orders o on o.id = t.order_id where t.campaign_id is not o.campaign_id").get(),
    ).toEqual({ n: 0 });
    await expectAgreement();
  });

  it("is rebuilt from the rows after a bulk load", async () => {
    const before = await summarizeTransactions(db, support, { type: "SALE" });
    sqliteClientOf(db).exec("delete from transaction_hourly_totals; delete from transaction_amount_totals;");
    expect((await summarizeTransactions(db, support, { type: "SALE" })).count).toBe(0);
    rebuildTransactionTotals(sqliteClientOf(db));
    expect(await summarizeTransactions(db, support, { type: "SALE" })).toEqual(before);
  });
});
