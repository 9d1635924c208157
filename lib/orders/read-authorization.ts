import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { transactions } from "@/db/schema";

type Row = typeof transactions.$inferSelect;

export type AuthorizationState = {
  authorization: Row;
  /** A capture that went through or is still in flight at Amazon. */
  capture: Row | null;
  voided: Row | null;
  /** Nothing captured or voided yet: Capture and Void may act on it. */
  open: boolean;
};

/** The order's successful authorization (capture-later campaigns) and what became of it. */
export function readAuthorization(tx: Pick<Db, "select">, orderId: number): AuthorizationState | null {
  const authorization = tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.orderId, orderId), eq(transactions.type, "AUTHORIZE"), eq(transactions.status, "SUCCESS")))
    .orderBy(desc(transactions.id))
    .get();
  if (!authorization) return null;
  const children = tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.parentTransactionId, authorization.id), inArray(transactions.type, ["CAPTURE", "VOID"]), inArray(transactions.status, ["PENDING", "SUCCESS"])))
    .orderBy(desc(transactions.id))
    .all();
  const capture = children.find((c) => c.type === "CAPTURE") ?? null;
  const voided = children.find((c) => c.type === "VOID") ?? null;
  return { authorization, capture, voided, open: !capture && !voided && authorization.amazonState === "Open" };
}
