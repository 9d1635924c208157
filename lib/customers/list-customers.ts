import { desc, eq, lt, and, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, orders } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { DomainError } from "@/lib/errors";
import { readCustomerFigures, type CustomerFigures } from "./customer-figures";
import { customerSearchCondition } from "@/lib/search/search-conditions";

export async function listCustomers(db: Db, actor: Actor, filter: { q?: string; before?: number; perPage: number }) {
  assertCan(actor, "customers.read");
  const conditions: SQL[] = [];
  if (filter.q?.trim()) conditions.push(customerSearchCondition(db, filter.q));
  if (filter.before) conditions.push(lt(customers.id, filter.before));
  const rows = await db
    .select({
      id: customers.id,
      email: customers.email,
      firstName: customers.firstName,
      lastName: customers.lastName,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(customers.id))
    .limit(filter.perPage + 1);
  const shown = rows.slice(0, filter.perPage);
  const figures = await readCustomerFigures(
    db,
    shown.map((c) => c.id),
  );
  return {
    rows: shown.map((c) => ({ ...c, ...(figures.get(c.id) as CustomerFigures) })),
    nextBefore: rows.length > filter.perPage ? shown[shown.length - 1].id : null,
  };
}

export async function getCustomer(db: Db, actor: Actor, customerId: number) {
  assertCan(actor, "customers.read");
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new DomainError("Customer not found.");
  const customerOrders = await db
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      status: orders.status,
      totalMinor: orders.totalMinor,
      refundedMinor: orders.refundedMinor,
      currency: orders.currency,
      amazonId: sql<string | null>`coalesce(${orders.amazonOrderReferenceId}, ${orders.amazonBillingAgreementId})`,
    })
    .from(orders)
    .where(eq(orders.customerId, customerId))
    .orderBy(desc(orders.id));
  return { customer, orders: customerOrders };
}
