import { and, eq, inArray } from "drizzle-orm";
import { jobLeases, orders, transactions } from "../../db/schema";
import { createCheckouts, importOrder, readLedger, setEmulatorLatency } from "./lander";
import { expect, test, type ScaleOut } from "./scale-out";

type Sums = { mid_id: number; type: string; status: string; currency: string; n: string; total: string };

/** The running totals summed per MID, type, status and currency, against the same sums straight from the transactions. */
async function readTotalsAgainstGroupBy(scaleOut: ScaleOut) {
  const key = (r: Sums) => `${r.mid_id}/${r.type}/${r.status}/${r.currency}`;
  const asMap = (rows: Sums[]) => Object.fromEntries(rows.filter((r) => Number(r.n) !== 0).map((r) => [key(r), [Number(r.n), Number(r.total)]]));
  const grouped = await scaleOut.query<Sums>(
    "select mid_id, type, status, currency, count(*) as n, sum(amount_minor) as total from transactions group by 1, 2, 3, 4",
  );
  const hourly = await scaleOut.query<Sums>(
    "select mid_id, type, status, currency, sum(count) as n, sum(sum_minor) as total from transaction_hourly_totals group by 1, 2, 3, 4",
  );
  const byAmount = await scaleOut.query<Sums>(
    "select mid_id, type, status, currency, sum(count) as n, sum(sum_minor) as total from transaction_amount_totals group by 1, 2, 3, 4",
  );
  return { grouped: asMap(grouped), hourly: asMap(hourly), byAmount: asMap(byAmount) };
}

test("kill -9 of two of 4 processes with 200 imports in flight: after restart every authorization has exactly one successful charge, nothing stays PENDING, the totals equal their GROUP BY, and the reconciler runs in one process at a time", async ({
  scaleOut,
}) => {
  test.setTimeout(240_000);
  const { db, sandbox, urlFor } = scaleOut;
  const checkouts = await createCheckouts(sandbox, 200);
  const oros = checkouts.map((c) => c.amazonOrderReferenceId);
  await setEmulatorLatency(sandbox, 250, 200);
  const inFlight = checkouts.map((checkout, n) => importOrder(urlFor(n), checkout));

  // Kill once Amazon (the emulator) has authorized some of them, however slow the machine is.
  const authorizedSoFar = async () => (await readLedger(sandbox)).filter((o) => o.type === "Authorization" && oros.includes(o.parentId ?? "")).length;
  for (let i = 0; i < 300 && (await authorizedSoFar()) < 5; i++) await new Promise((r) => setTimeout(r, 100));
  scaleOut.kill(0);
  scaleOut.kill(1);
  const answers = await Promise.all(inFlight);
  expect(answers.filter((a) => a.status === 0).length, "imports cut off by the kill").toBeGreaterThan(0);
  expect(answers.filter((a) => a.body.result === "SUCCESS").length, "imports the surviving processes finished").toBeGreaterThan(0);

  // Let the emulator finish what it had received, then bring both back with the job loop on.
  await new Promise((r) => setTimeout(r, 1000));
  const leftPending = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(inArray(orders.amazonOrderReferenceId, oros), eq(orders.status, "PENDING")));
  expect(leftPending.length, "the kill left orders PENDING for the reconciler").toBeGreaterThan(0);
  await setEmulatorLatency(sandbox, 0);
  await Promise.all([scaleOut.restart(0, { JOBS: "inline" }), scaleOut.restart(1, { JOBS: "inline" })]);

  const holders = new Set<string>();
  let pending = -1;
  for (let i = 0; i < 200 && pending !== 0; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const leases = await db.select().from(jobLeases).where(eq(jobLeases.jobName, "reconcile-pending-orders"));
    expect(leases.length, "one lease row per job").toBeLessThanOrEqual(1);
    for (const lease of leases) holders.add(lease.holder);
    pending = (await db.select({ id: orders.id }).from(orders).where(eq(orders.status, "PENDING"))).length;
  }
  expect(pending, "orders left PENDING after reconciliation").toBe(0);
  // Both restarted processes run jobs; the lease lets one of them reconcile (the other takes over only if it stops).
  expect(holders.size).toBe(1);

  const authorized = (await readLedger(sandbox)).filter((o) => o.type === "Authorization" && o.state !== "Declined" && oros.includes(o.parentId ?? ""));
  const successes = await db.select().from(transactions).where(inArray(transactions.amazonOrderReferenceId, oros));
  const successful = successes.filter((t) => t.status === "SUCCESS");
  expect(authorized.length).toBeGreaterThan(0);
  for (const authorization of authorized) {
    const matching = successful.filter((t) => t.amazonOrderReferenceId === authorization.parentId);
    expect(matching, `ORO ${authorization.parentId}`).toHaveLength(1);
    expect(matching[0].referenceId).toBe(authorization.referenceId);
  }
  // Nothing recorded as charged that Amazon did not authorize, and nothing left in between.
  expect(successful).toHaveLength(authorized.length);
  expect(successes.filter((t) => t.status === "PENDING")).toEqual([]);

  const totals = await readTotalsAgainstGroupBy(scaleOut);
  expect(totals.hourly).toEqual(totals.grouped);
  expect(totals.byAmount).toEqual(totals.grouped);
});
