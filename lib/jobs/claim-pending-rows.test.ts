import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, transactions } from "@/db/schema";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { CLAIM_TTL_MS, claimPendingRows, releaseClaims } from "./claim-pending-rows";

async function seedPendingCharges(count: number) {
  const { db, actorFor } = await createTestDb();
  const mid = await createTestMid(db, await actorFor("admin"));
  const [order] = await db
    .insert(orders)
    .values({
      midId: mid.id,
      status: "PENDING",
      currency: "USD",
      subtotalMinor: 100,
      shippingMinor: 0,
      totalMinor: 100,
      source: "api",
      createdAt: 1,
      updatedAt: 1,
    })
    .returning({ id: orders.id });
  const rows = await db
    .insert(transactions)
    .values(
      Array.from({ length: count }, (_, i) => ({
        orderId: order.id,
        midId: mid.id,
        type: "SALE" as const,
        status: i === 0 ? ("SUCCESS" as const) : ("PENDING" as const),
        amountMinor: 100,
        currency: "USD",
        referenceId: `claim-test-${i}`,
        createdAt: 1_000 + i,
        updatedAt: 1_000 + i,
      })),
    )
    .returning({ id: transactions.id });
  return { db, pendingIds: rows.slice(1).map((r) => r.id) };
}

const wanted = (holder: string, now: number, limit = 4) => ({ types: ["SALE", "AUTHORIZE"] as const, createdBefore: 10_000, limit, now, holder });

describe("claiming stale PENDING rows", () => {
  it("gives two workers claiming at the same moment different rows, all of them between them, and only PENDING ones", async () => {
    const { db, pendingIds } = await seedPendingCharges(7);
    const [a, b] = await Promise.all([claimPendingRows(db, wanted("a", 20_000)), claimPendingRows(db, wanted("b", 20_000))]);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(pendingIds);
    expect(await claimPendingRows(db, wanted("c", 20_001))).toEqual([]);
    const stored = await db.select({ id: transactions.id, claimedBy: transactions.claimedBy }).from(transactions).where(inArray(transactions.id, a));
    expect(stored.every((row) => row.claimedBy === "a")).toBe(true);
  });

  it("lets another worker take rows whose claim expired (their worker died) or was given back", async () => {
    const { db, pendingIds } = await seedPendingCharges(4);
    const first = await claimPendingRows(db, wanted("a", 20_000));
    expect(first).toEqual(pendingIds);
    expect(await claimPendingRows(db, wanted("b", 20_000 + CLAIM_TTL_MS - 1))).toEqual([]);
    expect(await claimPendingRows(db, wanted("b", 20_000 + CLAIM_TTL_MS + 1))).toEqual(pendingIds);
    // A late release by the worker that lost its claim gives back nothing of the new holder's.
    await releaseClaims(db, pendingIds, "a");
    expect(await claimPendingRows(db, wanted("c", 20_000 + CLAIM_TTL_MS + 2))).toEqual([]);
    await releaseClaims(db, pendingIds.slice(0, 1), "b");
    expect(await claimPendingRows(db, wanted("c", 20_000 + CLAIM_TTL_MS + 3))).toEqual(pendingIds.slice(0, 1));
  });
});
