import { and, eq, inArray } from "drizzle-orm";
import { orders, transactions } from "../../db/schema";
import { createCheckouts, importOrder, readLedger } from "./lander";
import { APP_PROCESSES, expect, test } from "./scale-out";

test("the same 200 order references imported from every process at once: 200 orders, one charge each, and every caller gets the first order", async ({
  scaleOut,
}) => {
  test.setTimeout(180_000);
  const { db, sandbox, urls } = scaleOut;
  const checkouts = await createCheckouts(sandbox, 200);
  // Each reference sent to all processes at the same moment, as a lander retrying through a load balancer might.
  const answers = await Promise.all(checkouts.map((checkout) => Promise.all(urls.map((url) => importOrder(url, checkout)))));

  const firstOrders = new Set<number>();
  for (const [i, forOne] of answers.entries()) {
    const ids = forOne.map((a) => (typeof a.body.message === "object" ? a.body.message.orderId : undefined));
    expect(
      forOne.map((a) => a.body.result),
      `answers for ${checkouts[i].amazonOrderReferenceId}`,
    ).toEqual(Array(APP_PROCESSES).fill("SUCCESS"));
    expect(new Set(ids).size, `order ids answered for ${checkouts[i].amazonOrderReferenceId}`).toBe(1);
    firstOrders.add(ids[0] as number);
  }
  expect(firstOrders.size).toBe(200);

  const oros = checkouts.map((c) => c.amazonOrderReferenceId);
  const stored = await db.select({ id: orders.id, status: orders.status }).from(orders).where(inArray(orders.amazonOrderReferenceId, oros));
  expect(stored).toHaveLength(200);
  expect(new Set(stored.map((o) => o.id))).toEqual(firstOrders);
  expect(stored.filter((o) => o.status !== "COMPLETE")).toEqual([]);
  const charges = await db
    .select({ orderId: transactions.orderId })
    .from(transactions)
    .where(and(inArray(transactions.orderId, [...firstOrders]), eq(transactions.type, "SALE")));
  expect(charges).toHaveLength(200);

  const authorizations = (await readLedger(sandbox)).filter((o) => o.type === "Authorization" && oros.includes(o.parentId ?? ""));
  expect(authorizations).toHaveLength(200);
});
