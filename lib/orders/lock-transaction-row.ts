import type { Tx } from "@/db/client";
import { findTransactionById, findTransactionForUpdate } from "@/db/queries/orders/lock-transaction-row";
import type { TransactionRow } from "@/db/queries/rows";
import { lockCapUsage } from "@/lib/mids/cap-ledger";

/**
 * A charge, capture or refund row about to change state, locked for the transaction behind its
 * MID's usage rows for `monthsOf(row)` (PostgreSQL; SQLite's write lock already covers both). The
 * usage rows come first, as in every money transaction, so two transactions never wait on each
 * other in opposite order; the row is read again once locked, since a concurrent answer may have
 * moved it on meanwhile.
 */
export async function lockTransactionRow(tx: Tx, id: number, monthsOf: (row: TransactionRow) => string[]): Promise<TransactionRow | undefined> {
  const row = await findTransactionById(tx, id);
  if (!row || !(await lockCapUsage(tx, row.midId, monthsOf(row).filter(Boolean)))) return row;
  return findTransactionForUpdate(tx, id);
}
