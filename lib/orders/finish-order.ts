import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { campaignProducts, customers, orderItems, orders, subscriptions, transactions } from "@/db/schema";
import { settleReservation } from "@/lib/mids/cap-ledger";
import { mapDecline } from "@/lib/declines/map-decline";
import type { DeclineReasonCode } from "@/lib/declines/default-decline-rules";
import type { BuyerFacts, ChargeOutcome } from "./charge-with-amazon";


const DAY_MS = 86_400_000;

function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  if (!name) return {};
  const parts = name.trim().split(/\s+/);
  return parts.length === 1 ? { firstName: parts[0] } : { firstName: parts.slice(0, -1).join(" "), lastName: parts[parts.length - 1] };
}

/** Customer de-duplicated by email; what the lander sent wins, Amazon fills the gaps. */
function upsertCustomer(tx: Tx, order: typeof orders.$inferSelect, facts: BuyerFacts, at: number): number | null {
  const email = (order.email ?? facts.buyer?.email)?.toLowerCase();
  if (!email) return null;
  const fromAmazon = splitName(facts.buyer?.name);
  const firstName = order.firstName ?? fromAmazon.firstName ?? null;
  const lastName = order.lastName ?? fromAmazon.lastName ?? null;
  const phone = order.phone ?? facts.buyer?.phone ?? null;
  const existing = tx.select().from(customers).where(eq(customers.email, email)).get();
  if (existing) {
    tx.update(customers)
      .set({ firstName: existing.firstName ?? firstName, lastName: existing.lastName ?? lastName, phone: existing.phone ?? phone, amazonUserId: existing.amazonUserId ?? facts.amazonUserId ?? null, updatedAt: at })
      .where(eq(customers.id, existing.id))
      .run();
    return existing.id;
  }
  return tx.insert(customers).values({ email, firstName, lastName, phone, amazonUserId: facts.amazonUserId ?? null, createdAt: at, updatedAt: at }).returning({ id: customers.id }).get().id;
}

function buyerColumns(order: typeof orders.$inferSelect, facts: BuyerFacts) {
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

function startSubscription(tx: Tx, order: typeof orders.$inferSelect, at: number): void {
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
 * The second transaction: record Amazon's answer exactly once (only while the charge is still
 * PENDING), turn the reservation into volume, keep it (open authorization) or release it, map
 * declines. Shared by the request path and the reconciler.
 */
export function finishOrder(db: Db, transactionId: number, outcome: ChargeOutcome, at = Date.now()): "applied" | "already-final" | "still-pending" {
  if (outcome.kind === "unknown") return "still-pending";
  return db.transaction(
    (tx) => {
      const charge = tx.select().from(transactions).where(eq(transactions.id, transactionId)).get();
      if (!charge || charge.status !== "PENDING") return "already-final";
      const order = tx.select().from(orders).where(eq(orders.id, charge.orderId)).get();
      if (!order) return "already-final";
      const capMonth = charge.capMonth ?? "";
      const buyer = buyerColumns(order, outcome.facts);

      if (outcome.kind === "pending") {
        tx.update(transactions).set({ amazonAuthorizationId: outcome.authorization.amazonAuthorizationId, amazonOrderReferenceId: outcome.amazonOrderReferenceId, amazonState: "Pending", updatedAt: at }).where(eq(transactions.id, charge.id)).run();
        tx.update(orders).set({ ...buyer, updatedAt: at }).where(eq(orders.id, order.id)).run();
        return "still-pending";
      }

      if (outcome.kind === "captured") {
        const auth = outcome.authorization;
        const captureId = auth.captureIds[0] ?? null;
        tx.update(transactions)
          .set({ status: "SUCCESS", amazonAuthorizationId: auth.amazonAuthorizationId, amazonCaptureId: captureId, amazonOrderReferenceId: outcome.amazonOrderReferenceId, amazonState: auth.status.state, reasonCode: auth.status.reasonCode ?? null, updatedAt: at })
          .where(eq(transactions.id, charge.id))
          .run();
        settleReservation(tx, charge.midId, capMonth, charge.amountMinor, charge.amountMinor);
        const customerId = upsertCustomer(tx, order, outcome.facts, at);
        const after = { ...order, customerId };
        tx.update(orders).set({ ...buyer, customerId, status: "COMPLETE", declineReason: null, customerMessage: null, updatedAt: at }).where(eq(orders.id, order.id)).run();
        if (order.amazonBillingAgreementId) startSubscription(tx, after, at);
        return "applied";
      }

      if (outcome.kind === "authorized") {
        const auth = outcome.authorization;
        tx.update(transactions)
          .set({ status: "SUCCESS", amazonAuthorizationId: auth.amazonAuthorizationId, amazonOrderReferenceId: outcome.amazonOrderReferenceId, amazonState: auth.status.state, reasonCode: auth.status.reasonCode ?? null, updatedAt: at })
          .where(eq(transactions.id, charge.id))
          .run();
        // The reservation stays: Amazon holds the funds, and capture may still take them, so the
        // cap must keep room for them until capture (settles) or void/cancel (releases).
        const customerId = upsertCustomer(tx, order, outcome.facts, at);
        tx.update(orders).set({ ...buyer, customerId, status: "AUTHORIZED", declineReason: null, customerMessage: null, updatedAt: at }).where(eq(orders.id, order.id)).run();
        return "applied";
      }

      settleReservation(tx, charge.midId, capMonth, charge.amountMinor, 0);
      const reason: DeclineReasonCode = outcome.kind === "declined" ? outcome.reason : outcome.unavailable ? "AmazonUnavailable" : "ApiError";
      const mapped = mapDecline(tx, charge.midId, reason);
      const status = outcome.kind === "declined" ? (mapped.kind === "soft" ? "SOFT_DECLINE" : "HARD_DECLINE") : "ERROR";
      const amazonReason = outcome.kind === "declined" ? outcome.amazonReasonCode : outcome.amazonCode;
      tx.update(transactions)
        .set({
          status,
          amazonAuthorizationId: outcome.kind === "declined" ? (outcome.authorization?.amazonAuthorizationId ?? null) : null,
          amazonState: outcome.kind === "declined" ? "Declined" : null,
          reasonCode: amazonReason,
          customerMessage: mapped.message,
          updatedAt: at,
        })
        .where(eq(transactions.id, charge.id))
        .run();
      tx.update(orders)
        .set({ ...buyer, status: outcome.kind === "declined" ? "DECLINED" : "ERROR", declineReason: amazonReason, customerMessage: mapped.message, updatedAt: at })
        .where(eq(orders.id, order.id))
        .run();
      return "applied";
    },
    { behavior: "immediate" },
  );
}
