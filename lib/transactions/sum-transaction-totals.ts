import type { Db } from "@/db/client";

const HOUR = 3_600_000;
const DAY = 86_400_000;

export type TotalsQuery = {
  fromMs: number;
  types: readonly string[];
  statuses: readonly string[];
  /** Group by these; "day" counts whole days from `dayZeroMs`. */
  groupBy: Array<"currency" | "status" | "reason" | "mid" | "day">;
  dayZeroMs?: number;
};
export type TotalsRow = { currency: string; status: string; reason: string; midId: number; day: number; count: number; sumMinor: number };

/**
 * Counts and sums of transactions since `fromMs`, grouped as asked. Reads the hourly running
 * totals when `fromMs` (and the day grid) fall on whole UTC hours, as they do for every
 * whole-hour time zone; otherwise counts the rows themselves, with the same answer.
 * Reason '' means none.
 */
export function sumTransactionTotals(db: Db, query: TotalsQuery): TotalsRow[] {
  const dayZero = query.dayZeroMs ?? query.fromMs;
  const hourly = query.fromMs % HOUR === 0 && dayZero % HOUR === 0;
  const source = hourly
    ? { table: "transaction_hourly_totals", since: "hour >= ?", sinceValue: query.fromMs / HOUR, at: "hour * 3600000", count: "sum(count)", sum: "sum(sum_minor)", reason: "reason_code" }
    : { table: "transactions", since: "created_at >= ?", sinceValue: query.fromMs, at: "created_at", count: "count(*)", sum: "sum(amount_minor)", reason: "coalesce(reason_code, '')" };
  const columns: Record<TotalsQuery["groupBy"][number], string> = {
    currency: "currency",
    status: "status",
    reason: source.reason,
    mid: "mid_id",
    day: `(${source.at} - ${Number(dayZero)}) / ${DAY}`,
  };
  const names: Record<TotalsQuery["groupBy"][number], keyof TotalsRow> = { currency: "currency", status: "status", reason: "reason", mid: "midId", day: "day" };
  const selected = query.groupBy.map((g) => `${columns[g]} as ${names[g]}`);
  const marks = (list: readonly string[]) => list.map(() => "?").join(", ");
  const sql = `select ${[...selected, `${source.count} as count`, `${source.sum} as sumMinor`].join(", ")} from ${source.table}
    where ${source.since} and type in (${marks(query.types)}) and status in (${marks(query.statuses)})
    ${query.groupBy.length ? `group by ${query.groupBy.map((_, i) => i + 1).join(", ")}` : ""}`;
  return db.$client.prepare(sql).all(source.sinceValue, ...query.types, ...query.statuses) as TotalsRow[];
}
