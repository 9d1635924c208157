import type { Tx } from "@/db/client";
import {
  findCustomerByEmail,
  findRecurringLine,
  insertCustomer,
  insertSubscriptionIfMissing,
  linkSubscriptionCustomer,
  updateCustomer,
} from "@/db/queries/orders/record-buyer-statements";
import { updateOrder } from "@/db/queries/orders/start-order-statements";
import type { OrderRow as Order } from "@/db/queries/rows";
import type { BuyerFacts } from "./charge-state";

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
  const existing = await findCustomerByEmail(tx, email);
  if (existing) {
    await updateCustomer(tx, existing.id, {
      firstName: existing.firstName ?? firstName,
      lastName: existing.lastName ?? lastName,
      phone: existing.phone ?? phone,
      amazonUserId: existing.amazonUserId ?? facts.amazonUserId ?? null,
      updatedAt: at,
    });
    return existing.id;
  }
  return insertCustomer(tx, { email, firstName, lastName, phone, amazonUserId: facts.amazonUserId ?? null, createdAt: at, updatedAt: at });
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
  const line = await findRecurringLine(tx, order.id);
  if (!line?.product || !order.amazonBillingAgreementId) return;
  const cycleDays = line.product.cycleDays ?? 30;
  const firstRebillDays = line.product.trialDays ? line.product.trialDays : cycleDays;
  await insertSubscriptionIfMissing(tx, {
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
  });
}

/**
 * What Amazon told us about the buyer of a charged order, whichever message brought it: the
 * order's empty buyer and shipping columns filled, the customer found or created, and linked
 * to the order and its subscription if they had none. `orderChanges` (the order's new status)
 * go into the same write. Returns the customer id.
 */
export async function recordBuyer(tx: Tx, order: Order, facts: BuyerFacts, at: number, orderChanges: Partial<Order> = {}): Promise<number | null> {
  const customerId = (await upsertCustomer(tx, order, facts, at)) ?? order.customerId;
  await updateOrder(tx, order.id, { ...buyerColumns(order, facts), customerId, ...orderChanges, updatedAt: at });
  // Only an order on a billing agreement has a subscription.
  if (customerId !== null && order.amazonBillingAgreementId) await linkSubscriptionCustomer(tx, order.id, customerId, at);
  return customerId;
}
