import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../../client";
import { orderItems, orders, transactions } from "../../schema";
import { CHARGE_ATTEMPT_TYPES } from "@/lib/values/transaction-types";
import { param, paramsFor, preparedStatement } from "../prepared-statement";
import type { NewOrderItemRow, NewOrderRow, NewTransactionRow, OrderRow } from "../rows";
import { updateRowById } from "../update-row-by-id";

/* The statements of an order's first transaction (lib/orders/start-order.ts), prepared once. */

const selectByIdempotencyKey = preparedStatement((db) =>
  db
    .select()
    .from(orders)
    .where(eq(orders.idempotencyKey, param("key"))),
);
const selectByOrderReference = preparedStatement((db) =>
  db
    .select()
    .from(orders)
    .where(eq(orders.amazonOrderReferenceId, param("amazonId"))),
);
// Upsells reuse the agreement: the order it belongs to is the first one sent through the API or Order Entry.
const selectByBillingAgreement = preparedStatement((db) =>
  db
    .select()
    .from(orders)
    .where(and(eq(orders.amazonBillingAgreementId, param("amazonId")), inArray(orders.source, ["api", "order_entry"]), isNull(orders.parentOrderId))),
);

export async function findOrderByIdempotencyKey(tx: Tx, key: string): Promise<OrderRow | undefined> {
  return (await selectByIdempotencyKey(tx, { key }))[0];
}

/** The order an order reference id (P…/S…) belongs to. */
export async function findOrderByOrderReference(tx: Tx, amazonId: string): Promise<OrderRow | undefined> {
  return (await selectByOrderReference(tx, { amazonId }))[0];
}

/** The order a billing agreement was first charged for (not its upsells). */
export async function findFirstOrderOfBillingAgreement(tx: Tx, amazonId: string): Promise<OrderRow | undefined> {
  return (await selectByBillingAgreement(tx, { amazonId }))[0];
}

const countAttempts = preparedStatement((db) =>
  db
    .select({ n: count() })
    .from(transactions)
    .where(and(eq(transactions.orderId, param("orderId")), inArray(transactions.type, CHARGE_ATTEMPT_TYPES))),
);

/** How many sale or authorization attempts an order has had. */
export async function countChargeAttempts(tx: Tx, orderId: number): Promise<number> {
  return (await countAttempts(tx, { orderId }))[0]?.n ?? 0;
}

const ORDER_COLUMNS = [
  "campaignId",
  "midId",
  "parentOrderId",
  "amazonOrderReferenceId",
  "amazonBillingAgreementId",
  "status",
  "currency",
  "subtotalMinor",
  "shippingMinor",
  "totalMinor",
  "source",
  "idempotencyKey",
  "email",
  "firstName",
  "lastName",
  "phone",
  "ipAddress",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof NewOrderRow)[];
type NewOrder = Required<Pick<NewOrderRow, (typeof ORDER_COLUMNS)[number]>>;

const insertOrderRow = preparedStatement((db) => db.insert(orders).values(paramsFor<NewOrder>(ORDER_COLUMNS)).returning({ id: orders.id }));

/** A new order row; answers its id. */
export async function insertOrder(tx: Tx, order: NewOrder): Promise<number> {
  return (await insertOrderRow(tx, order))[0].id;
}

const ITEM_COLUMNS = [
  "orderId",
  "productId",
  "name",
  "sku",
  "quantity",
  "unitPriceMinor",
  "shippingMinor",
  "billingType",
] as const satisfies readonly (keyof NewOrderItemRow)[];
type NewItem = Required<Pick<NewOrderItemRow, (typeof ITEM_COLUMNS)[number]>>;
const insertItemRow = preparedStatement((db) => db.insert(orderItems).values(paramsFor<NewItem>(ITEM_COLUMNS)));

export async function insertOrderItem(tx: Tx, item: NewItem): Promise<void> {
  await insertItemRow(tx, item);
}

const CHARGE_COLUMNS = [
  "orderId",
  "midId",
  "type",
  "status",
  "amountMinor",
  "currency",
  "referenceId",
  "amazonOrderReferenceId",
  "amazonBillingAgreementId",
  "capMonth",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof NewTransactionRow)[];
type NewCharge = Required<Pick<NewTransactionRow, (typeof CHARGE_COLUMNS)[number]>>;
const insertChargeRow = preparedStatement((db) => db.insert(transactions).values(paramsFor<NewCharge>(CHARGE_COLUMNS)).returning({ id: transactions.id }));

/** A new sale or authorization row (PENDING until Amazon answers); answers its id. */
export async function insertCharge(tx: Tx, charge: NewCharge): Promise<number> {
  return (await insertChargeRow(tx, charge))[0].id;
}

/** Changes columns of an order by id. */
export const updateOrder = updateRowById(orders);

/** Changes columns of a transaction by id. */
export const updateTransaction = updateRowById(transactions);
