import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { campaignProducts, customers, orderItems, orders, subscriptions } from "@/db/schema";
import type { BuyerFacts } from "./charge-state";

type Order = typeof orders.$inferSelect;

const DAY_MS = 86_400_000;

function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  if (!name) return {};
  const parts = name.trim().split(/\s+/);
  return parts.length === 1 ? { firstName: parts[0] } : { firstName: parts.slice(0, -1).join(" "), lastName: parts[parts.length - 1] };
}

/** Customer de-duplicated by email; what the lander sent wins, Amazon fills the gaps. */
function upsertCustomer(tx: Tx, order: Order, facts: BuyerFacts, at: number): number | null {
  const email = (order.email ?? facts.buyer?.email)?.toLowerCase();
  if (!email) return null;
  const fromAmazon = splitName(facts.buyer?.name);
  const firstName = order.firstName ?? fromAmazon.firstName ?? null;
  const lastName = order.lastName ?? fromAmazon.lastName ?? null;
  const phone = order.phone ?? facts.buyer?.phone ?? null;
  const existing = tx.select().from(customers).where(eq(customers.email, email)).get();
  if (existing) {
    tx.update(customers)
      .set({
        firstName: existing.firstName ?? firstName,
        lastName: existing.lastName ?? lastName,
        phone: existing.phone ?? phone,
        amazonUserId: existing.amazonUserId ?? facts.amazonUserId ?? null,
        updatedAt: at,
      })
      .where(eq(customers.id, existing.id))
      .run();
    return existing.id;
  }
  return tx
    .insert(customers)
    .values({ email, firstName, lastName, phone, amazonUserId: facts.amazonUserId ?? null, createdAt: at, updatedAt: at })
    .returning({ id: customers.id })
    .get().id;
}

export function buyerColumns(order: Order, facts: BuyerFacts) {
  const fromAmazon = splitName(facts.buyer?.name);
  const address = facts.shippingAddress;
  return {
    email: order.email ?? facts.buyer?.email?.toLowerCase() ?? null,
    firstName: order.firstName ?? fromAmazon.firstName ?? null,
    lastName: order.lastName ?? fromAmazon.lastName ?? null,
    phone: order.phone ?? facts.buyer?.phone ?? null,
    shipName: order.shipName ?? address?.name ?? null,
    shipAddress1: order.shipAddress1 ?? address?.addressLine1 ?? null,
    shipAddress2: order.shipAddress2 ?? address?.addressLine2 ?? null,
    shipCity: order.shipCity ?? address?.city ?? null,
    shipState: order.shipState ?? address?.stateOrRegion ?? null,
    shipPostalCode: order.shipPostalCode ?? address?.postalCode ?? null,
    shipCountry: order.shipCountry ?? address?.countryCode ?? null,
  };
}

export function startSubscription(tx: Tx, order: Order, at: number): void {
  const line = tx
    .select({ item: orderItems, product: campaignProducts })
    .from(orderItems)
    .leftJoin(campaignProducts, eq(campaignProducts.id, orderItems.productId))
    .where(and(eq(orderItems.orderId, order.id), eq(orderItems.billingType, "recurring")))
    .get();
  if (!line?.product || !order.amazonBillingAgreementId) return;
  const cycleDays = line.product.cycleDays ?? 30;
  const firstRebillDays = line.product.trialDays ? line.product.trialDays : cycleDays;
  tx.insert(subscriptions)
    .values({
      orderId: order.id,
      productId: line.product.id,
      midId: order.midId,
      customerId: order.customerId,
      amazonBillingAgreementId: order.amazonBillingAgreementId,
      status: "active",
      cycleDays,
      rebillPriceMinor: line.product.rebillPriceMinor ?? line.item.unitPriceMinor,
      currency: order.currency,
      nextBillAt: at + firstRebillDays * DAY_MS,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing()
    .run();
}

/**
 * What Amazon told us about the buyer of a charged order, whichever message brought it: the
 * order's empty buyer and shipping columns filled, the customer found or created, and linked
 * to the order and its subscription if they had none. Returns the customer id.
 */
export function recordBuyer(tx: Tx, order: Order, facts: BuyerFacts, at: number): number | null {
  const customerId = upsertCustomer(tx, order, facts, at) ?? order.customerId;
  tx.update(orders)
    .set({ ...buyerColumns(order, facts), customerId, updatedAt: at })
    .where(eq(orders.id, order.id))
    .run();
  if (customerId !== null) {
    tx.update(subscriptions)
      .set({ customerId, updatedAt: at })
      .where(and(eq(subscriptions.orderId, order.id), isNull(subscriptions.customerId)))
      .run();
  }
  return customerId;
}
