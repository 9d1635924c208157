import { engineOf, type Tx } from "@/db/client";
import { findOrderById, findOrderForUpdate, listCapMonthsOfOrder } from "@/db/queries/orders/lock-order-row";
import type { OrderRow } from "@/db/queries/rows";
import { lockCapUsage } from "@/lib/mids/cap-ledger";
import { monthKey } from "@/lib/money/calendar";

/**
 * An order about to be refunded, captured, voided or canceled, locked for the transaction
 * (PostgreSQL; SQLite's write lock already covers it). The lock order is the one every money
 * transaction keeps: the MID's usage rows first (every month the order's charges reserved in, and
 * this month, where refunds count), then the order, then whatever the writes lock through the
 * running-totals triggers. Two refunds of one order thus take turns, and none can pass what is left.
 */
export async function lockOrderRow(tx: Tx, orderId: number, at = Date.now()): Promise<OrderRow | undefined> {
  const order = await findOrderById(tx, orderId);
  if (!order || engineOf(tx) !== "postgres") return order;
  const months = [...(await listCapMonthsOfOrder(tx, orderId)), monthKey(new Date(at))];
  await lockCapUsage(tx, order.midId, months);
  // Read again once locked: a concurrent refund or capture may have moved it on meanwhile.
  return findOrderForUpdate(tx, orderId);
}
