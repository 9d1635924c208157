import { and, eq } from "drizzle-orm";
import { midMonthlyUsage, mids, orders } from "../../db/schema";
import { monthKey } from "../../lib/money/calendar";
import { createCheckouts, importOrder } from "./lander";
import { expect, test } from "./scale-out";

const ORDER_MINOR = 4490; // product 1: 39.95 + 4.95 shipping

test("64 concurrent imports spread over 4 processes at a cap that fits 10 more: exactly 10 are approved, the rest refused as CAP_REACHED", async ({
  scaleOut,
}) => {
  const { db, sandbox, urlFor } = scaleOut;
  const month = monthKey(new Date());
  const [usage] = await db
    .select()
    .from(midMonthlyUsage)
    .where(and(eq(midMonthlyUsage.midId, 1), eq(midMonthlyUsage.month, month)));
  const used = (usage?.capturedMinor ?? 0) + (usage?.reservedMinor ?? 0);
  const [mid] = await db.select().from(mids).where(eq(mids.id, 1));
  // Room for 10 orders and 44.89 more: the 11th never fits, however the requests interleave.
  await db
    .update(mids)
    .set({ monthlyCapMinor: used + 10 * ORDER_MINOR + ORDER_MINOR - 1, capCountsRefunds: false })
    .where(eq(mids.id, 1));
  try {
    const checkouts = await createCheckouts(sandbox, 64);
    const answers = await Promise.all(checkouts.map((checkout, n) => importOrder(urlFor(n), checkout)));

    const approved = answers.filter((a) => a.body.result === "SUCCESS");
    const refused = answers.filter((a) => a.body.code === "CAP_REACHED");
    expect(approved).toHaveLength(10);
    expect(refused).toHaveLength(54);
    expect(refused.every((a) => a.status >= 400)).toBe(true);

    const oros = checkouts.map((c) => c.amazonOrderReferenceId);
    const rows = await db.select({ oro: orders.amazonOrderReferenceId, status: orders.status }).from(orders).where(eq(orders.midId, 1));
    expect(rows.filter((r) => oros.includes(r.oro ?? "") && r.status === "COMPLETE")).toHaveLength(10);
    const [after] = await db
      .select()
      .from(midMonthlyUsage)
      .where(and(eq(midMonthlyUsage.midId, 1), eq(midMonthlyUsage.month, month)));
    expect(after.capturedMinor - (usage?.capturedMinor ?? 0)).toBe(10 * ORDER_MINOR);
    expect(after.reservedMinor).toBe(usage?.reservedMinor ?? 0);
  } finally {
    await db.update(mids).set({ monthlyCapMinor: mid.monthlyCapMinor, capCountsRefunds: mid.capCountsRefunds }).where(eq(mids.id, 1));
  }
});
