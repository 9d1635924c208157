import { sql } from "drizzle-orm";
import { executeSql, selectRows } from "@/db/client";
import { describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/demo-seed/seed-demo";
import { formatMinorPlain } from "@/lib/money/money";
import { createTestDb } from "@/lib/testing/test-db";
import { CSV_COLUMNS, csvCell, exportFileName, streamTransactionsCsv } from "./export-transactions";
import { listTransactions } from "./list-transactions";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** The CSV rules written out plainly: what a spreadsheet user must get for each value. */
function expectedCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

describe("csvCell", () => {
  it.each([
    ['-1+HYPERLINK("http://x","y")', `"'-1+HYPERLINK(""http://x"",""y"")"`],
    ["-5.00", "-5.00"],
    ["-12", "-12"],
    ["-", "'-"],
    ["-5.", "'-5."],
    ["-1e3", "'-1e3"],
    ["+1", "'+1"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["=1", "'=1"],
    ["plain text", "plain text"],
    ["44.90", "44.90"],
    ["", ""],
  ])("%j → %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("streamTransactionsCsv", () => {
  it("writes every filtered transaction, newest first, with quoting and formula guards", async () => {
    const { db, actorFor } = await createTestDb();
    await seedDemo(db, { history: true });
    // Values a spreadsheet must not misread: commas, quotes, line breaks, leading = + - @.
    await executeSql(db, sql`update mids set title = ${'@Evil, "Quoted" MID'} where id = 2`);
    await executeSql(db, sql`update campaigns set name = ${'=HYPERLINK("x")'} where id = 1`);
    await executeSql(
      db,
      sql`update orders set email = ${"-minus@example.com"} where id = (select order_id from transactions order by created_at desc, id desc limit 1)`,
    );
    await executeSql(
      db,
      sql`update transactions set reason_code = ${"Line\nbreak"} where id = (select id from transactions where type = 'SALE' order by id limit 1)`,
    );
    await executeSql(db, sql`update mids set title = ${'-1+HYPERLINK("http://x")'} where id = 3`);
    await executeSql(
      db,
      sql`update orders set email = ${"\t=1@example.com"} where id = (select order_id from transactions order by created_at desc, id desc limit 1 offset 5)`,
    );

    const csv = await readAll(await streamTransactionsCsv(db, await actorFor("support"), {}));
    const columns = ["id", "created_at", "order_id", "type", "status", "amount_minor", "currency", "mid_id", "title", "name", "email", "reference_id"].concat([
      "amazon_order_reference_id",
      "amazon_authorization_id",
      "amazon_capture_id",
      "amazon_refund_id",
      "reason_code",
    ]);
    const rows = (
      await selectRows<Record<string, string | number | null>>(
        db,
        sql`select t.id, t.created_at, t.order_id, t.type, t.status, t.amount_minor, t.currency, t.mid_id, m.title, c.name, o.email, t.reference_id,
           t.amazon_order_reference_id, t.amazon_authorization_id, t.amazon_capture_id, t.amazon_refund_id, t.reason_code
         from transactions t join mids m on m.id = t.mid_id join orders o on o.id = t.order_id left join campaigns c on c.id = o.campaign_id
         order by t.created_at desc, t.id desc`,
      )
    ).map((row) => columns.map((column) => row[column]));
    const expected = [
      CSV_COLUMNS.join(","),
      ...rows.map(([id, createdAt, orderId, type, status, amount, currency, ...rest]) =>
        [id, new Date(Number(createdAt)).toISOString(), orderId, type, status, formatMinorPlain(Number(amount), String(currency)), currency, ...rest]
          .map(expectedCell)
          .join(","),
      ),
    ].join("\n");
    expect(rows.length).toBeGreaterThan(600);
    expect(csv).toBe(`${expected}\n`);
    expect(csv).toContain(`"'@Evil, ""Quoted"" MID"`);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(",'-minus@example.com,");
    expect(csv).toContain(`,"Line\nbreak"`);
    expect(csv).toContain(`,"'-1+HYPERLINK(""http://x"")",`);
    expect(csv).toContain(",'\t=1@example.com,");
  });

  it("exports exactly the rows the filtered list shows, across pages", async () => {
    const { db, actorFor } = await createTestDb();
    await seedDemo(db, { history: true });
    const support = await actorFor("support");
    const filter = { type: "SALE" as const, status: "SOFT_DECLINE" as const };
    const listed: number[] = [];
    let after: string | undefined;
    do {
      const page = await listTransactions(db, support, filter, { perPage: 25, after });
      listed.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    const lines = (await readAll(await streamTransactionsCsv(db, support, filter))).trim().split("\n");
    expect(lines.slice(1).map((line) => Number(line.split(",")[0]))).toEqual(listed);
    expect(listed.length).toBeGreaterThan(0);
    expect(exportFileName(filter)).toBe("transactions_type-SALE_status-SOFT_DECLINE.csv");
  });

  it("writes lines longer than a chunk whole", async () => {
    const { db, actorFor } = await createTestDb();
    await seedDemo(db, { history: true });
    await executeSql(db, sql`update mids set title = ${"M".repeat(400_000)} where id = 1`);
    // Refunds only: a few dozen lines of 400 kB each are enough, and stay quick on a busy machine.
    const csv = await readAll(await streamTransactionsCsv(db, await actorFor("support"), { midId: 1, type: "REFUND" }));
    const lines = csv.trim().split("\n").slice(1);
    expect(lines.length).toBeGreaterThan(2); // several lines, each longer than a 1 MB chunk can hold
    for (const line of lines) expect(line).toContain(`,${"M".repeat(400_000)},`);
  });
});
