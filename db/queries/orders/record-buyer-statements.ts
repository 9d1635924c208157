import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../client";
import { campaignProducts, customers, orderItems, subscriptions } from "../../schema";
import { param, paramsFor, preparedStatement } from "../prepared-statement";
import type { CampaignProductRow, CustomerRow, OrderItemRow } from "../rows";
import { updateRowById } from "../update-row-by-id";

/* The buyer's customer row and the subscription of a charged order (lib/orders/record-buyer.ts), prepared once. */

const selectCustomerByEmail = preparedStatement((db) =>
  db
    .select()
    .from(customers)
    .where(eq(customers.email, param("email"))),
);

/** The customer with this (lowercased) email. */
export async function findCustomerByEmail(tx: Tx, email: string): Promise<CustomerRow | undefined> {
  return (await selectCustomerByEmail(tx, { email }))[0];
}

/** Changes columns of a customer by id. */
export const updateCustomer = updateRowById(customers);

const CUSTOMER_COLUMNS = ["email", "firstName", "lastName", "phone", "amazonUserId", "createdAt", "updatedAt"] as const;
type NewCustomer = { [K in (typeof CUSTOMER_COLUMNS)[number]]: CustomerRow[K] };
const insertCustomerRow = preparedStatement((db) => db.insert(customers).values(paramsFor<NewCustomer>(CUSTOMER_COLUMNS)).returning({ id: customers.id }));

/** A new customer; answers its id. */
export async function insertCustomer(tx: Tx, customer: NewCustomer): Promise<number> {
  return (await insertCustomerRow(tx, customer))[0].id;
}

const linkCustomer = preparedStatement((db) =>
  db
    .update(subscriptions)
    .set(paramsFor<{ customerId: number; updatedAt: number }>(["customerId", "updatedAt"]))
    .where(and(eq(subscriptions.orderId, param("orderId")), isNull(subscriptions.customerId))),
);

/** Gives the order's subscription this customer, if it has none yet. */
export async function linkSubscriptionCustomer(tx: Tx, orderId: number, customerId: number, at: number): Promise<void> {
  await linkCustomer(tx, { orderId, customerId, updatedAt: at });
}

const selectRecurringLine = preparedStatement((db) =>
  db
    .select({ item: orderItems, product: campaignProducts })
    .from(orderItems)
    .leftJoin(campaignProducts, eq(campaignProducts.id, orderItems.productId))
    .where(and(eq(orderItems.orderId, param("orderId")), eq(orderItems.billingType, "recurring"))),
);

/** The order's recurring line with its product (null when the product is gone). */
export async function findRecurringLine(tx: Tx, orderId: number): Promise<{ item: OrderItemRow; product: CampaignProductRow | null } | undefined> {
  return (await selectRecurringLine(tx, { orderId }))[0];
}

const SUBSCRIPTION_COLUMNS = [
  "orderId",
  "productId",
  "midId",
  "customerId",
  "amazonBillingAgreementId",
  "status",
  "cycleDays",
  "rebillPriceMinor",
  "currency",
  "nextBillAt",
  "createdAt",
  "updatedAt",
] as const;
type NewSubscription = { [K in (typeof SUBSCRIPTION_COLUMNS)[number]]: (typeof subscriptions.$inferInsert)[K] };
const insertSubscriptionRow = preparedStatement((db) =>
  db.insert(subscriptions).values(paramsFor<NewSubscription>(SUBSCRIPTION_COLUMNS)).onConflictDoNothing(),
);

/** The order's subscription, unless it has one already. */
export async function insertSubscriptionIfMissing(tx: Tx, subscription: NewSubscription): Promise<void> {
  await insertSubscriptionRow(tx, subscription);
}
