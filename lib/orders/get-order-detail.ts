import { asc, desc, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, customers, gatewayCalls, ipnEvents, mids, orderItems, orders, subscriptions, transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { DomainError } from "@/lib/errors";

/** Everything the order page shows; gateway call params are stored redacted already. */
export async function getOrderDetail(db: Db, actor: Actor, orderId: number) {
  assertCan(actor, "orders.read");
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new DomainError("Order not found.");
  const [mid] = await db
    .select({ id: mids.id, title: mids.title, merchantId: mids.merchantId, testMode: mids.testMode })
    .from(mids)
    .where(eq(mids.id, order.midId));
  const campaign = order.campaignId
    ? (await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(eq(campaigns.id, order.campaignId)))[0]
    : undefined;
  const customer = order.customerId ? (await db.select().from(customers).where(eq(customers.id, order.customerId)))[0] : undefined;
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
  const charges = await db.select().from(transactions).where(eq(transactions.orderId, orderId)).orderBy(asc(transactions.id));
  const calls = await db.select().from(gatewayCalls).where(eq(gatewayCalls.orderId, orderId)).orderBy(asc(gatewayCalls.id));
  const ipns = await db
    .select({
      id: ipnEvents.id,
      type: ipnEvents.notificationType,
      verified: ipnEvents.verified,
      disposition: ipnEvents.disposition,
      applied: ipnEvents.applied,
      applyResult: ipnEvents.applyResult,
      receivedAt: ipnEvents.receivedAt,
    })
    .from(ipnEvents)
    .where(eq(ipnEvents.orderId, orderId))
    .orderBy(asc(ipnEvents.id));
  const related = await db
    .select({ id: orders.id, status: orders.status, totalMinor: orders.totalMinor, parentOrderId: orders.parentOrderId })
    .from(orders)
    .where(or(eq(orders.parentOrderId, orderId), order.parentOrderId ? eq(orders.id, order.parentOrderId) : eq(orders.id, -1)))
    .orderBy(desc(orders.id));
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.orderId, orderId));
  return {
    order,
    mid,
    campaign,
    customer,
    items,
    charges,
    calls,
    ipns,
    parent: related.find((r) => r.id === order.parentOrderId) ?? null,
    upsells: related.filter((r) => r.parentOrderId === orderId),
    subscription,
  };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrderDetail>>;
