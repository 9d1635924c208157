import { eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { forUpdate } from "../../dialect";
import { transactions } from "../../schema";
import { param, preparedStatement } from "../prepared-statement";
import type { TransactionRow } from "../rows";

const selectTransaction = preparedStatement((db) =>
  db
    .select()
    .from(transactions)
    .where(eq(transactions.id, param("id"))),
);

/** A transaction row by id. */
export async function findTransactionById(tx: Tx, id: number): Promise<TransactionRow | undefined> {
  return (await selectTransaction(tx, { id }))[0];
}

/** A transaction row by id, locked until the transaction ends (PostgreSQL `FOR UPDATE`). */
export async function findTransactionForUpdate(tx: Tx, id: number): Promise<TransactionRow | undefined> {
  return (await forUpdate(tx, tx.select().from(transactions).where(eq(transactions.id, id))))[0];
}
