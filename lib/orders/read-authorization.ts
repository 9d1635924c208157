import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { transactions } from "@/db/schema";
import { settleReservation } from "@/lib/mids/cap-ledger";

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
export async function readAuthorization(tx: Pick<Db, "select">, orderId: number): Promise<AuthorizationState | null> {
  const [authorization] = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.orderId, orderId), eq(transactions.type, "AUTHORIZE"), eq(transactions.status, "SUCCESS")))
    .orderBy(desc(transactions.id))
    .limit(1);
  if (!authorization) return null;
  const children = await tx
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.parentTransactionId, authorization.id),
        inArray(transactions.type, ["CAPTURE", "VOID"]),
        inArray(transactions.status, ["PENDING", "SUCCESS"]),
      ),
    )
    .orderBy(desc(transactions.id));
  const capture = children.find((c) => c.type === "CAPTURE") ?? null;
  const voided = children.find((c) => c.type === "VOID") ?? null;
  return { authorization, capture, voided, open: !capture && !voided && authorization.amazonState === "Open" };
}

/** Amazon closed the authorization with nothing captured (void, cancel): mark it so and give its cap reservation back. */
export async function releaseAuthorization(tx: Tx, authorization: Row, reasonCode: string, at: number): Promise<void> {
  await tx.update(transactions).set({ amazonState: "Closed", reasonCode, updatedAt: at }).where(eq(transactions.id, authorization.id));
  await settleReservation(tx, authorization.midId, authorization.capMonth ?? "", authorization.amountMinor, 0);
}
