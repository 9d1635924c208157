import { and, asc, eq, inArray } from "drizzle-orm";
import { runTransaction, type Db, type Tx } from "@/db/client";
import { mids, transactions } from "@/db/schema";
import { AmazonPayError, type AmazonPayClient } from "@/lib/amazon-pay";
import { workOnClaimedRows } from "@/lib/jobs/claim-pending-rows";
import { amazonClientForMid } from "./amazon-client-for-mid";

type Row = typeof transactions.$inferSelect;

export type StalePendingJob<Details, Change extends string> = {
  type: "REFUND" | "CAPTURE";
  olderThanMs: number;
  limit: number;
  now: number;
  /** Our object at Amazon, or null when Amazon never created it. */
  find: (client: AmazonPayClient, row: Row) => Promise<Details | null>;
  apply: (tx: Tx, rowId: number, details: Details) => Promise<Change>;
  /** What a row Amazon has no record of becomes (ERROR): nothing moved. */
  missing: { reasonCode: string; customerMessage: string };
};

/**
 * Rows of one kind left PENDING past `olderThanMs` (a crash, a lost answer, an IPN that never
 * came) are looked up at Amazon and finished exactly once; never sends a new request that moves
 * money. Shared by the refund poller and the capture reconciler. The rows are claimed first, so
 * several processes running it at once each take different ones.
 */
export async function finishStalePending<Details, Change extends string>(
  db: Db,
  job: StalePendingJob<Details, Change>,
): Promise<{ checked: number; missing: number; changes: Change[] }> {
  const report = { checked: 0, missing: 0, changes: [] as Change[] };
  const wanted = { types: [job.type], createdBefore: job.now - job.olderThanMs, limit: job.limit, now: job.now };
  report.checked = await workOnClaimedRows(db, wanted, (claimed) => lookUpEach(db, job, claimed, report));
  return report;
}

async function lookUpEach<Details, Change extends string>(
  db: Db,
  job: StalePendingJob<Details, Change>,
  claimed: number[],
  report: { missing: number; changes: Change[] },
): Promise<void> {
  const pending = await db
    .select({ row: transactions, mid: mids })
    .from(transactions)
    .innerJoin(mids, eq(mids.id, transactions.midId))
    .where(inArray(transactions.id, claimed))
    .orderBy(asc(transactions.id));
  for (const { row, mid } of pending) {
    let details: Details | null;
    try {
      details = await job.find(amazonClientForMid(db, mid, { orderId: row.orderId, transactionId: row.id }), row);
    } catch (error) {
      if (error instanceof AmazonPayError && error.retriable) continue; // Amazon is busy: next run.
      throw error;
    }
    if (details === null) {
      await db
        .update(transactions)
        .set({ status: "ERROR", ...job.missing, updatedAt: Date.now() })
        .where(and(eq(transactions.id, row.id), eq(transactions.status, "PENDING")));
      report.missing += 1;
      continue;
    }
    const found = details;
    report.changes.push(await runTransaction(db, async (tx) => job.apply(tx, row.id, found)));
  }
}
