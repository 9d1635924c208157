import type Database from "better-sqlite3";

/**
 * Recomputes the running totals from the transactions themselves. The triggers of migration
 * 0004 keep them current row by row; bulk loads drop those triggers for speed and call this.
 */
export function rebuildTransactionTotals(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec("delete from transaction_hourly_totals; delete from transaction_amount_totals;");
    sqlite.exec(`insert into transaction_hourly_totals (hour, mid_id, campaign_id, type, status, currency, reason_code, count, sum_minor)
      select created_at / 3600000, mid_id, coalesce(campaign_id, 0), type, status, currency, coalesce(reason_code, ''), count(*), sum(amount_minor)
      from transactions group by 1, 2, 3, 4, 5, 6, 7`);
    sqlite.exec(`insert into transaction_amount_totals (mid_id, campaign_id, type, status, currency, amount_minor, count, sum_minor)
      select mid_id, coalesce(campaign_id, 0), type, status, currency, amount_minor, count(*), sum(amount_minor)
      from transactions group by 1, 2, 3, 4, 5, 6`);
  })();
}
