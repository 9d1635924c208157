import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, mids, orders } from "@/db/schema";
import { ORDER_STATUSES } from "@/db/schema/orders";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { orderSearchCondition } from "@/lib/search/search-conditions";

export type OrderListFilter = {
  status?: (typeof ORDER_STATUSES)[number];
  campaignId?: number;
  midId?: number;
  fromMs?: number;
  toMs?: number;
  q?: string;
  /** Keyset cursor: orders with id below this. */
  before?: number;
  perPage: number;
};

export type OrderListRow = {
  id: number;
  createdAt: number;
  status: string;
  email: string | null;
  name: string;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  midId: number;
  midTitle: string;
  campaignName: string | null;
  amazonId: string | null;
  source: string;
  parentOrderId: number | null;
};

export function listOrders(db: Db, actor: Actor, filter: OrderListFilter): { rows: OrderListRow[]; nextBefore: number | null } {
  assertCan(actor, "orders.read");
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.campaignId) conditions.push(eq(orders.campaignId, filter.campaignId));
  if (filter.midId) conditions.push(eq(orders.midId, filter.midId));
  if (filter.fromMs !== undefined) conditions.push(gte(orders.createdAt, filter.fromMs));
  if (filter.toMs !== undefined) conditions.push(lt(orders.createdAt, filter.toMs));
  if (filter.q) conditions.push(orderSearchCondition(filter.q));
  if (filter.before) conditions.push(lt(orders.id, filter.before));
  const rows = db
    .select({ order: orders, midTitle: mids.title, campaignName: campaigns.name })
    .from(orders)
    .innerJoin(mids, eq(mids.id, orders.midId))
    .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(orders.id))
    .limit(filter.perPage + 1)
    .all();
  const page = rows.slice(0, filter.perPage);
  return {
    nextBefore: rows.length > filter.perPage ? page[page.length - 1].order.id : null,
    rows: page.map(({ order, midTitle, campaignName }) => ({
      id: order.id,
      createdAt: order.createdAt,
      status: order.status,
      email: order.email,
      name: [order.firstName, order.lastName].filter(Boolean).join(" "),
      totalMinor: order.totalMinor,
      refundedMinor: order.refundedMinor,
      currency: order.currency,
      midId: order.midId,
      midTitle,
      campaignName,
      amazonId: order.amazonOrderReferenceId ?? order.amazonBillingAgreementId,
      source: order.source,
      parentOrderId: order.parentOrderId,
    })),
  };
}
