import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { transactions } from "@/db/schema";
import type { TRANSACTION_TYPES } from "@/lib/values/transaction-types";
import { captureNowAuthorizationId, parentOrderReferenceId } from "./amazon-ids";

export type TransactionRow = typeof transactions.$inferSelect;

/** The Amazon payment object a notification is about. */
export type PaymentObject = { kind: "authorization" | "capture" | "refund"; amazonId: string; referenceId: string };

export type RowMatch =
  | { kind: "matched"; row: TransactionRow }
  | { kind: "not-found" }
  // Our reference id names this row, but Amazon's ids say it is another object: never applied.
  | { kind: "mismatched"; row: TransactionRow; reason: string }
  // Our reference id names this row, but nothing on it yet tells which Amazon object it is.
  | { kind: "unverifiable"; row: TransactionRow; reason: string };

type TransactionType = (typeof TRANSACTION_TYPES)[number];

const LOOKUPS = {
  authorization: { types: ["SALE", "AUTHORIZE"], column: transactions.amazonAuthorizationId, ownId: (row: TransactionRow) => row.amazonAuthorizationId },
  capture: { types: ["SALE", "CAPTURE"], column: transactions.amazonCaptureId, ownId: (row: TransactionRow) => row.amazonCaptureId },
  refund: { types: ["REFUND"], column: transactions.amazonRefundId, ownId: (row: TransactionRow) => row.amazonRefundId },
} satisfies Record<PaymentObject["kind"], { types: TransactionType[]; column: unknown; ownId: (row: TransactionRow) => string | null }>;

async function findRow(tx: Tx, midIds: number[], types: TransactionType[], condition: SQL): Promise<TransactionRow | undefined> {
  return (
    await tx
      .select()
      .from(transactions)
      .where(and(inArray(transactions.midId, midIds), inArray(transactions.type, types), condition))
      .orderBy(asc(transactions.id))
  )[0];
}

/** The order references this row is known to belong to, from every Amazon id it carries. */
function knownParents(row: TransactionRow): string[] {
  const parents = [
    row.amazonOrderReferenceId,
    parentOrderReferenceId(row.amazonAuthorizationId),
    parentOrderReferenceId(row.amazonCaptureId),
    parentOrderReferenceId(row.amazonRefundId),
  ];
  return [...new Set(parents.filter((id): id is string => Boolean(id)))];
}

function checkParents(row: TransactionRow, object: PaymentObject): RowMatch {
  const ownId = LOOKUPS[object.kind].ownId(row);
  if (ownId && ownId !== object.amazonId)
    return { kind: "mismatched", row, reason: `${object.kind} ${object.amazonId} ≠ ${ownId} recorded on transaction #${row.id}` };
  const parents = knownParents(row);
  if (parents.length === 0) {
    return {
      kind: "unverifiable",
      row,
      reason: `reference ${object.referenceId} names transaction #${row.id}, whose Amazon order reference is not known yet; Amazon's answer or the reconciler will finish it`,
    };
  }
  const parent = parentOrderReferenceId(object.amazonId);
  if (!parent || !parents.includes(parent)) {
    return {
      kind: "mismatched",
      row,
      reason: `order reference ${parent ?? `of ${object.amazonId} unreadable`} ≠ ${parents.join(" / ")} of transaction #${row.id}`,
    };
  }
  return { kind: "matched", row };
}

/**
 * Finds our row for an Amazon payment object, only among the given MIDs: by Amazon's id first
 * (for a CaptureNow capture, also by its authorization's id), then by our reference id, which
 * counts only when the object's order reference is one the row is known to belong to.
 */
export async function matchPaymentRow(tx: Tx, midIds: number[], object: PaymentObject): Promise<RowMatch> {
  const lookup = LOOKUPS[object.kind];
  const byAmazonId = await findRow(tx, midIds, lookup.types, eq(lookup.column, object.amazonId));
  if (byAmazonId) return { kind: "matched", row: byAmazonId };
  const authorizationId = object.kind === "capture" ? captureNowAuthorizationId(object.amazonId) : null;
  const sale = authorizationId ? await findRow(tx, midIds, ["SALE"], eq(transactions.amazonAuthorizationId, authorizationId)) : undefined;
  if (sale) return checkParents(sale, object);
  const byReference = await findRow(tx, midIds, lookup.types, eq(transactions.referenceId, object.referenceId));
  return byReference ? checkParents(byReference, object) : { kind: "not-found" };
}
