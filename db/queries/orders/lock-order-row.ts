import { eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { forUpdate } from "../../dialect";
import { orders, transactions } from "../../schema";
import { param, preparedStatement } from "../prepared-statement";
import type { OrderRow } from "../rows";

const selectOrder = preparedStatement((db) =>
  db
    .select()
    .from(orders)
    .where(eq(orders.id, param("id"))),
);

/** An order row by id. */
export async function findOrderById(tx: Tx, id: number): Promise<OrderRow | undefined> {
  return (await selectOrder(tx, { id }))[0];
}

/** An order row by id, locked until the transaction ends (PostgreSQL `FOR UPDATE`). */
export async function findOrderForUpdate(tx: Tx, id: number): Promise<OrderRow | undefined> {
  return (await forUpdate(tx, tx.select().from(orders).where(eq(orders.id, id))))[0];
}

/** The cap months the order's transactions reserved or counted in. */
export async function listCapMonthsOfOrder(tx: Tx, orderId: number): Promise<string[]> {
  const rows = await tx.selectDistinct({ month: transactions.capMonth }).from(transactions).where(eq(transactions.orderId, orderId));
  return rows.map((r) => r.month ?? "").filter(Boolean);
}
