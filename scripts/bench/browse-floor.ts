/**
 * The browse benchmark's floor: the rows and totals each screen shows, fetched with plain
 * better-sqlite3 (hand-written SQL, statements prepared once, no framework, no HTTP). The app's
 * figure for a case is compared with what this costs on the same database.
 */
import Database from "better-sqlite3";

type Params = Array<string | number>;
/** Rows matching `where`; the count and sum from the running totals table when the app reads it too. */
export type PageQuery = {
  where: string[];
  params: Params;
  cursor?: { createdAt: number; id: number };
  totals?: { table: "transaction_hourly_totals" | "transaction_amount_totals"; where: string[]; params: Params };
};

// The page's ids from transactions alone, then only those joined (CROSS JOIN fixes the order).
const pageSelect = (
  where: string,
  limit: number,
) => `select t.id, t.created_at, t.order_id, t.type, t.status, t.amount_minor, t.currency, t.mid_id, m.title, o.email, c.name, t.reference_id,
  coalesce(t.amazon_refund_id, t.amazon_capture_id, t.amazon_authorization_id, t.amazon_order_reference_id, t.amazon_billing_agreement_id), t.reason_code
  from (select id from transactions t${where} order by t.created_at desc, t.id desc limit ${limit}) p
  cross join transactions t cross join mids m cross join orders o left join campaigns c on c.id = o.campaign_id
  where t.id = p.id and m.id = t.mid_id and o.id = t.order_id order by t.created_at desc, t.id desc`;

export function openFloor(file: string) {
  const db = new Database(file, { readonly: true });
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const whereSql = (where: string[]) => (where.length ? ` where ${where.join(" and ")}` : "");

  return {
    db,
    /** One transactions page: 25 rows (+1 to know there is a next page), count and sum per currency, filter names. */
    transactionsPage(query: PageQuery, perPage = 25) {
      const where = [...query.where];
      const params = [...query.params];
      if (query.cursor) {
        where.push("(t.created_at < ? or (t.created_at = ? and t.id < ?))");
        params.push(query.cursor.createdAt, query.cursor.createdAt, query.cursor.id);
      }
      const rows = prepared(pageSelect(whereSql(where), perPage + 1))
        .raw(true)
        .all(...params);
      const totals = query.totals
        ? prepared(`select currency, sum(sum_minor), sum(count) from ${query.totals.table}${whereSql(query.totals.where)} group by currency`)
            .raw(true)
            .all(...query.totals.params)
        : prepared(`select t.currency, coalesce(sum(t.amount_minor), 0), count(*) from transactions t${whereSql(query.where)} group by t.currency`)
            .raw(true)
            .all(...query.params);
      const options = [
        prepared("select id, title from mids order by id").raw(true).all(),
        prepared("select id, name from campaigns order by id").raw(true).all(),
      ];
      return { rows, totals, options };
    },
    /** One /orders page: 25 rows (+1), picked from orders alone in the sort's order, joined to MIDs and campaigns; the filter's count; filter names. */
    ordersPage(query: { where: string[]; params: Params; orderBy: string }, perPage = 25) {
      const where = whereSql(query.where);
      const rows = prepared(
        `select o.*, m.title, c.name from (select o.id from orders o${where} order by ${query.orderBy} limit ?) p cross join orders o cross join mids m left join campaigns c on c.id = o.campaign_id where o.id = p.id and m.id = o.mid_id order by ${query.orderBy}`,
      )
        .raw(true)
        .all(...query.params, perPage + 1);
      const count = prepared(`select count(*) from orders o${where}`)
        .raw(true)
        .get(...query.params);
      const options = [
        prepared("select id, title from mids order by id").raw(true).all(),
        prepared("select id, name from campaigns order by id").raw(true).all(),
      ];
      return { rows, count, options };
    },
    /** The MID list: every MID with this month's usage and today's captured volume. */
    midList(month: string, todayStart: number) {
      const list = prepared("select * from mids order by id").all();
      const usage = prepared("select * from mid_monthly_usage where month = ?").all(month);
      const today = prepared(
        "select mid_id, sum(amount_minor) from transactions where created_at >= ? and status = 'SUCCESS' and type in ('SALE', 'CAPTURE') group by mid_id",
      )
        .raw(true)
        .all(todayStart);
      return { list, usage, today };
    },
    /** The overview: today/month gross and refunds, approval, declines by reason, 30-day chart, recent declines, enabled MIDs. */
    dashboard(bounds: { today: number; month: string; monthStart: number; chartStart: number }) {
      const HOUR = 3_600_000;
      const sums = prepared(
        "select currency, sum(sum_minor) from transaction_hourly_totals where type in (?, ?) and status = 'SUCCESS' and hour >= ? group by currency",
      ).raw(true);
      const figures = [
        sums.all("SALE", "CAPTURE", bounds.today / HOUR),
        sums.all("SALE", "CAPTURE", bounds.monthStart / HOUR),
        sums.all("REFUND", "REFUND", bounds.today / HOUR),
        sums.all("REFUND", "REFUND", bounds.monthStart / HOUR),
        prepared(
          "select status, sum(count) from transaction_hourly_totals where type in ('SALE','AUTHORIZE') and hour >= ? and status in ('SUCCESS','SOFT_DECLINE','HARD_DECLINE','ERROR') group by status",
        )
          .raw(true)
          .all(bounds.monthStart / HOUR),
        prepared(
          "select reason_code, status, sum(count) from transaction_hourly_totals where type in ('SALE','AUTHORIZE') and hour >= ? and status in ('SOFT_DECLINE','HARD_DECLINE') group by 1, 2 order by 3 desc",
        )
          .raw(true)
          .all(bounds.monthStart / HOUR),
        prepared(
          "select mid_id, (hour * 3600000 - ?) / 86400000, sum(sum_minor) from transaction_hourly_totals where type in ('SALE','CAPTURE') and status = 'SUCCESS' and hour >= ? group by 1, 2",
        )
          .raw(true)
          .all(bounds.chartStart, bounds.chartStart / HOUR),
        ...["SOFT_DECLINE", "HARD_DECLINE"].map((status) =>
          prepared(
            "select t.id, t.order_id, t.created_at, t.status, t.reason_code, t.amount_minor, t.currency, o.email, t.mid_id from transactions t cross join orders o where o.id = t.order_id and +t.type in ('SALE','AUTHORIZE') and t.status = ? order by t.created_at desc limit 8",
          )
            .raw(true)
            .all(status),
        ),
        prepared("select id, title, currency from mids").raw(true).all(),
      ];
      return { figures, mids: this.midList(bounds.month, bounds.today) };
    },
    close() {
      db.close();
    },
  };
}

export type Floor = ReturnType<typeof openFloor>;

/** The export's floor: the sqlite3 command-line tool writing the same columns as CSV. */
export const EXPORT_FLOOR_SQL = `select t.id as transaction_id, strftime('%Y-%m-%dT%H:%M:%fZ', t.created_at / 1000.0, 'unixepoch') as created_at_utc, t.order_id, t.type, t.status as response,
  case when t.currency = 'JPY' then printf('%d', t.amount_minor) else printf('%d.%02d', t.amount_minor / 100, t.amount_minor % 100) end as amount, t.currency, t.mid_id, m.title as mid_title, c.name as campaign,
  o.email as customer_email, t.reference_id, t.amazon_order_reference_id, t.amazon_authorization_id, t.amazon_capture_id, t.amazon_refund_id, t.reason_code
  from transactions t cross join mids m cross join orders o left join campaigns c on c.id = o.campaign_id
  where m.id = t.mid_id and o.id = t.order_id order by t.created_at desc, t.id desc;`;
