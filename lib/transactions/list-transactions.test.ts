import { describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/demo-seed/seed-demo";
import { createTestDb } from "@/lib/testing/test-db";
import { listTransactions } from "./list-transactions";

describe("listTransactions paging", () => {
  it("steps back with Newer page by page to the same pages Older showed, and the first page has no Newer", async () => {
    const { db, actorFor } = createTestDb();
    await seedDemo(db, { history: true });
    const support = actorFor("support");
    const ids = (page: { rows: { id: number }[] }) => page.rows.map((r) => r.id);

    const first = listTransactions(db, support, {}, { perPage: 25 });
    expect(first.previousCursor).toBeNull();
    const second = listTransactions(db, support, {}, { perPage: 25, after: first.nextCursor ?? undefined });
    const third = listTransactions(db, support, {}, { perPage: 25, after: second.nextCursor ?? undefined });
    expect(third.rows).toHaveLength(25);

    const backToSecond = listTransactions(db, support, {}, { perPage: 25, before: third.previousCursor ?? undefined });
    expect(ids(backToSecond)).toEqual(ids(second));
    expect(backToSecond.nextCursor).toBe(second.nextCursor);
    const backToFirst = listTransactions(db, support, {}, { perPage: 25, before: backToSecond.previousCursor ?? undefined });
    expect(ids(backToFirst)).toEqual(ids(first));
    expect(backToFirst.previousCursor).toBeNull();
  });
});
