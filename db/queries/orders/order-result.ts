import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../client";
import { orderItems, transactions } from "../../schema";
import { CHARGE_ATTEMPT_TYPES } from "@/lib/values/transaction-types";
import { param, preparedStatement } from "../prepared-statement";
import type { OrderItemRow, TransactionRow } from "../rows";

/* The reads behind the API's answer about an order (lib/orders/order-result.ts), prepared once. */

const selectItems = preparedStatement((db) =>
  db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, param("orderId"))),
);
const selectLatestAttempt = preparedStatement((db) =>
  db
    .select()
    .from(transactions)
    .where(and(eq(transactions.orderId, param("orderId")), inArray(transactions.type, CHARGE_ATTEMPT_TYPES)))
    .orderBy(desc(transactions.id))
    .limit(1),
);
const selectSuccessfulCapture = preparedStatement((db) =>
  db
    .select()
    .from(transactions)
    .where(and(eq(transactions.parentTransactionId, param("authorizationId")), eq(transactions.type, "CAPTURE"), eq(transactions.status, "SUCCESS"))),
);

export async function listOrderItems(db: Db, orderId: number): Promise<OrderItemRow[]> {
  return selectItems(db, { orderId });
}

/** The order's latest sale or authorization. */
export async function findLatestChargeAttempt(db: Db, orderId: number): Promise<TransactionRow | undefined> {
  return (await selectLatestAttempt(db, { orderId }))[0];
}

/** The capture that went through for an authorization, if any. */
export async function findSuccessfulCapture(db: Db, authorizationId: number): Promise<TransactionRow | undefined> {
  return (await selectSuccessfulCapture(db, { authorizationId }))[0];
}
