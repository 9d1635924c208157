import { eq } from "drizzle-orm";
import { engineOf, type Tx } from "@/db/client";
import { forUpdate } from "@/db/dialect";
import { orders, transactions } from "@/db/schema";
import { lockCapUsage } from "@/lib/mids/cap-ledger";
import { monthKey } from "@/lib/money/calendar";

type OrderRow = typeof orders.$inferSelect;

/**
 * An order about to be refunded, captured, voided or canceled, locked for the transaction
 * (PostgreSQL; SQLite's write lock already covers it). The lock order is the one every money
 * transaction keeps: the MID's usage rows first (every month the order's charges reserved in, and
 * this month, where refunds count), then the order, then whatever the writes lock through the
 * running-totals triggers. Two refunds of one order thus take turns, and none can pass what is left.
 */
export async function lockOrderRow(tx: Tx, orderId: number, at = Date.now()): Promise<OrderRow | undefined> {
  const byId = () => tx.select().from(orders).where(eq(orders.id, orderId));
  const [order] = await byId();
  if (!order || engineOf(tx) !== "postgres") return order;
  const reserved = await tx.selectDistinct({ month: transactions.capMonth }).from(transactions).where(eq(transactions.orderId, orderId));
  const months = [...reserved.map((r) => r.month ?? ""), monthKey(new Date(at))].filter(Boolean);
  await lockCapUsage(tx, order.midId, months);
  // Read again once locked: a concurrent refund or capture may have moved it on meanwhile.
  return (await forUpdate(tx, byId()))[0];
}
