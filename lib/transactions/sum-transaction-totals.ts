import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Db } from "@/db/client";

const HOUR = 3_600_000;
const DAY = 86_400_000;

export type TotalsQuery = {
  /** [fromMs, toMs): either end may be open. */
  fromMs?: number;
  toMs?: number;
  midId?: number;
  campaignId?: number;
  types?: readonly string[];
  statuses?: readonly string[];
  /** Group by these; "day" counts whole days from `dayZeroMs`. */
  groupBy: Array<"currency" | "type" | "status" | "reason" | "mid" | "day">;
  dayZeroMs?: number;
};
export type TotalsRow = { currency: string; type: string; status: string; reason: string; midId: number; day: number; count: number; sumMinor: number };

const onHour = (ms: number | undefined) => ms === undefined || ms % HOUR === 0;

/**
 * Counts and sums of transactions in a time range, filtered and grouped as asked. Reads the
 * hourly running totals when every boundary (and the day grid) falls on a whole UTC hour, as
 * it does for every whole-hour time zone; otherwise counts the rows themselves, with the same
 * answer. Reason '' means none.
 */
export async function sumTransactionTotals(db: Db, query: TotalsQuery): Promise<TotalsRow[]> {
  const dayZero = query.dayZeroMs ?? query.fromMs ?? 0;
  const hourly = onHour(query.fromMs) && onHour(query.toMs) && onHour(dayZero);
  const source = hourly
    ? {
        table: "transaction_hourly_totals",
        time: "hour",
        scale: HOUR,
        at: "hour * 3600000",
        count: "sum(count)",
        sum: "sum(sum_minor)",
        reason: "reason_code",
        campaign: "campaign_id",
      }
    : {
        table: "transactions",
        time: "created_at",
        scale: 1,
        at: "created_at",
        count: "count(*)",
        sum: "sum(amount_minor)",
        reason: "coalesce(reason_code, '')",
        campaign: "coalesce(campaign_id, 0)",
      };
  const where: SQL[] = [];
  const add = (condition: SQL) => where.push(condition);
  const time = sql.raw(source.time);
  if (query.fromMs !== undefined) add(sql`${time} >= ${query.fromMs / source.scale}`);
  if (query.toMs !== undefined) add(sql`${time} < ${query.toMs / source.scale}`);
  if (query.midId !== undefined) add(sql`mid_id = ${query.midId}`);
  if (query.campaignId !== undefined) add(sql`${sql.raw(source.campaign)} = ${query.campaignId}`);
  if (query.types)
    add(
      sql`type in (${sql.join(
        query.types.map((t) => sql`${t}`),
        sql`, `,
      )})`,
    );
  if (query.statuses)
    add(
      sql`status in (${sql.join(
        query.statuses.map((t) => sql`${t}`),
        sql`, `,
      )})`,
    );
  const columns: Record<TotalsQuery["groupBy"][number], string> = {
    currency: "currency",
    type: "type",
    status: "status",
    reason: source.reason,
    mid: "mid_id",
    day: `(${source.at} - ${Number(dayZero)}) / ${DAY}`,
  };
  const names: Record<TotalsQuery["groupBy"][number], keyof TotalsRow> = {
    currency: "currency",
    type: "type",
    status: "status",
    reason: "reason",
    mid: "midId",
    day: "day",
  };
  // Quoted aliases: PostgreSQL folds unquoted ones to lower case (summinor).
  const selected = query.groupBy.map((g) => `${columns[g]} as "${names[g]}"`);
  const head = sql.raw(`select ${[...selected, `${source.count} as "count"`, `${source.sum} as "sumMinor"`].join(", ")} from ${source.table}`);
  const grouping = query.groupBy.length ? sql.raw(` group by ${query.groupBy.map((_, i) => i + 1).join(", ")}`) : sql``;
  const rows = await selectRows<TotalsRow>(db, sql`${head}${where.length ? sql` where ${sql.join(where, sql` and `)}` : sql``}${grouping}`);
  // Counts and sums come back as numbers on SQLite and as strings on PostgreSQL: always numbers here.
  return rows.map((row) => ({ ...row, midId: Number(row.midId), day: Number(row.day), count: Number(row.count), sumMinor: Number(row.sumMinor) }));
}
