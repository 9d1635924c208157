import { and, eq, inArray } from "drizzle-orm";
import { campaignProducts, campaigns, orders, transactions, users } from "../../db/schema";
import { DEMO_API_USER } from "../../scripts/demo-seed/seed-demo";
import type { Actor } from "../../lib/auth/actor";
import { captureOrder } from "../../lib/orders/capture-order";
import { createCheckouts, importOrder, type ImportAnswer } from "./lander";
import { expect, test } from "./scale-out";

const orderIdOf = (a: ImportAnswer) => (typeof a.body.message === "object" ? (a.body.message.orderId ?? 0) : 0);

async function post(url: string, route: string, fields: Record<string, string>): Promise<{ result?: string; code?: string }> {
  const response = await fetch(`${url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password, ...fields }),
  });
  return (await response.json()) as { result?: string; code?: string };
}

test("concurrent charges, captures, refunds, cancels and IPNs on one MID across 4 processes: no deadlock, and every amount adds up", async ({ scaleOut }) => {
  test.setTimeout(240_000);
  const { db, sandbox, urlFor, query } = scaleOut;
  const [captureLater] = await db
    .select({ campaignId: campaigns.id, productId: campaignProducts.id })
    .from(campaigns)
    .innerJoin(campaignProducts, eq(campaignProducts.campaignId, campaigns.id))
    .where(eq(campaigns.captureMode, "authorize"));
  const later = { campaignId: captureLater.campaignId, productId: captureLater.productId };

  // What the stress works on: 30 captured sales to refund, 30 authorizations to capture or cancel.
  const sold = await Promise.all((await createCheckouts(sandbox, 30)).map((c, n) => importOrder(urlFor(n), c)));
  const held = await Promise.all((await createCheckouts(sandbox, 30)).map((c, n) => importOrder(urlFor(n), c, later)));
  expect(sold.map((a) => a.body.result)).toEqual(Array(30).fill("SUCCESS"));
  expect(held.map((a) => a.body.result)).toEqual(Array(30).fill("SUCCESS"));
  const soldIds = sold.map(orderIdOf);
  const heldIds = held.map(orderIdOf);

  // This process captures as an admin would from the order page; it talks to the same emulator.
  process.env.AMAZON_PAY_ENDPOINT_OVERRIDE = sandbox.url;
  process.env.AMAZON_LWA_ENDPOINT_OVERRIDE = sandbox.url;
  const [admin] = await db.select().from(users).where(eq(users.role, "admin"));
  const actor: Actor = { userId: admin.id, email: admin.email, name: admin.name, role: "admin", ip: "127.0.0.1" };

  const [before] = await query<{ deadlocks: string }>("select deadlocks from pg_stat_database where datname = current_database()");
  const newCharges = [
    ...(await createCheckouts(sandbox, 20)).map((c, n) => () => importOrder(urlFor(n), c)),
    ...(await createCheckouts(sandbox, 20)).map((c, n) => () => importOrder(urlFor(n + 1), c, later)),
  ];
  // Two partial refunds of every sale at once, on different processes; refunds complete at the
  // emulator after its refund delay and come back as IPNs while the rest is still going.
  const refundAnswers: Array<{ result?: string; code?: string }> = [];
  const refunds = soldIds.flatMap((orderId, n) =>
    [0, 1].map((k) => async () => {
      refundAnswers.push(await post(urlFor(n + k), "/api/order/refund", { orderId: String(orderId), refundAmount: "10.00", reason: "stress" }));
    }),
  );
  const captures = heldIds.slice(0, 20).map((orderId) => () => captureOrder(db, actor, { orderId }));
  const cancels = heldIds.slice(20).map((orderId, n) => () => post(urlFor(n), "/api/order/cancel", { orderId: String(orderId), reason: "stress" }));
  const work = [...newCharges, ...refunds, ...captures, ...cancels].sort(() => Math.random() - 0.5);
  const clockTicks = (async () => {
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await sandbox.clock.advance(31_000); // refunds due so far complete and send their IPNs now
    }
  })();
  await Promise.all(work.map((run) => run()));
  await clockTicks;
  await sandbox.clock.advance(31_000);
  expect(refundAnswers).toHaveLength(60);
  expect(refundAnswers.filter((r) => r.result !== "SUCCESS")).toEqual([]);

  // Every refund completes through its IPN (the poller is off in these processes).
  let pendingRefunds = -1;
  for (let i = 0; i < 100 && pendingRefunds !== 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    pendingRefunds = (
      await db
        .select({ id: transactions.id })
        .from(transactions)
        .where(and(inArray(transactions.orderId, soldIds), eq(transactions.type, "REFUND"), eq(transactions.status, "PENDING")))
    ).length;
  }
  expect(pendingRefunds, "refunds still PENDING after their IPNs").toBe(0);
  const refundedOrders = await db.select().from(orders).where(inArray(orders.id, soldIds));
  expect(refundedOrders.map((o) => [o.refundedMinor, o.status])).toEqual(Array(30).fill([2000, "PARTIALLY_REFUNDED"]));
  const heldOrders = await db.select().from(orders).where(inArray(orders.id, heldIds));
  expect(heldOrders.filter((o) => heldIds.slice(0, 20).includes(o.id)).map((o) => o.status)).toEqual(Array(20).fill("COMPLETE"));
  expect(heldOrders.filter((o) => heldIds.slice(20).includes(o.id)).map((o) => o.status)).toEqual(Array(10).fill("CANCELED"));

  // Deadlocks are counted by the server itself; its statistics reach the view once the backends have been idle a while.
  await new Promise((r) => setTimeout(r, 11_000));
  const [after] = await query<{ deadlocks: string }>("select deadlocks from pg_stat_database where datname = current_database()");
  expect(Number(after.deadlocks) - Number(before.deadlocks), "deadlocks (each one a retried transaction)").toBe(0);
});
