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
async function upsertCustomer(tx: Tx, order: Order, facts: BuyerFacts, at: number): Promise<number | null> {
  const email = (order.email ?? facts.buyer?.email)?.toLowerCase();
  if (!email) return null;
  const fromAmazon = splitName(facts.buyer?.name);
  const firstName = order.firstName ?? fromAmazon.firstName ?? null;
  const lastName = order.lastName ?? fromAmazon.lastName ?? null;
  const phone = order.phone ?? facts.buyer?.phone ?? null;
  const [existing] = await tx.select().from(customers).where(eq(customers.email, email));
  if (existing) {
    await tx
      .update(customers)
      .set({
        firstName: existing.firstName ?? firstName,
        lastName: existing.lastName ?? lastName,
        phone: existing.phone ?? phone,
        amazonUserId: existing.amazonUserId ?? facts.amazonUserId ?? null,
        updatedAt: at,
      })
      .where(eq(customers.id, existing.id));
    return existing.id;
  }
  return (
    await tx
      .insert(customers)
      .values({ email, firstName, lastName, phone, amazonUserId: facts.amazonUserId ?? null, createdAt: at, updatedAt: at })
      .returning({ id: customers.id })
  )[0].id;
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

export async function startSubscription(tx: Tx, order: Order, at: number): Promise<void> {
  const [line] = await tx
    .select({ item: orderItems, product: campaignProducts })
    .from(orderItems)
    .leftJoin(campaignProducts, eq(campaignProducts.id, orderItems.productId))
    .where(and(eq(orderItems.orderId, order.id), eq(orderItems.billingType, "recurring")));
  if (!line?.product || !order.amazonBillingAgreementId) return;
  const cycleDays = line.product.cycleDays ?? 30;
  const firstRebillDays = line.product.trialDays ? line.product.trialDays : cycleDays;
  await tx
    .insert(subscriptions)
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
    .onConflictDoNothing();
}

/**
 * What Amazon told us about the buyer of a charged order, whichever message brought it: the
 * order's empty buyer and shipping columns filled, the customer found or created, and linked
 * to the order and its subscription if they had none. Returns the customer id.
 */
export async function recordBuyer(tx: Tx, order: Order, facts: BuyerFacts, at: number): Promise<number | null> {
  const customerId = (await upsertCustomer(tx, order, facts, at)) ?? order.customerId;
  await tx
    .update(orders)
    .set({ ...buyerColumns(order, facts), customerId, updatedAt: at })
    .where(eq(orders.id, order.id));
  if (customerId !== null) {
    await tx
      .update(subscriptions)
      .set({ customerId, updatedAt: at })
      .where(and(eq(subscriptions.orderId, order.id), isNull(subscriptions.customerId)));
  }
  return customerId;
}
