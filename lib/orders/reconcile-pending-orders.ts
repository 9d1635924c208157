import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, mids, orders, transactions } from "@/db/schema";
import { CHARGE_ATTEMPT_TYPES } from "@/lib/values/transaction-types";
import { AmazonPayError, type AmazonPayClient } from "@/lib/amazon-pay";
import { workOnClaimedRows } from "@/lib/jobs/claim-pending-rows";
import { amazonClientForMid } from "./amazon-client-for-mid";
import { toOutcome, type ChargeOutcome } from "./charge-state";
import { finishOrder } from "./finish-order";

type Charge = typeof transactions.$inferSelect;

/** Asks Amazon what became of one PENDING charge, without ever creating a new one-time charge. */
async function lookUpCharge(client: AmazonPayClient, charge: Charge, context: { descriptor: string; storeName: string }): Promise<ChargeOutcome> {
  try {
    if (charge.amazonAuthorizationId) {
      const { authorization } = await client.getAuthorizationDetails({ amazonAuthorizationId: charge.amazonAuthorizationId });
      return toOutcome(authorization, charge.amazonOrderReferenceId ?? "", {});
    }
    if (charge.amazonOrderReferenceId) {
      const { orderReference } = await client.getOrderReferenceDetails({ amazonOrderReferenceId: charge.amazonOrderReferenceId });
      for (const authorizationId of orderReference.authorizationIds) {
        const { authorization } = await client.getAuthorizationDetails({ amazonAuthorizationId: authorizationId });
        if (authorization.authorizationReferenceId === charge.referenceId) return toOutcome(authorization, orderReference.amazonOrderReferenceId, {});
      }
      return {
        kind: "failed",
        unavailable: false,
        amazonCode: "NotAuthorized",
        message: `Amazon has no authorization ${charge.referenceId}; nothing was charged.`,
        facts: {},
      };
    }
    // Only sales reach this point: capture-later campaigns authorize order references, never
    // billing agreements. A billing agreement does not list the order references it created,
    // so the only way to learn the fate of AuthorizeOnBillingAgreement is Amazon's idempotent
    // replay of the same request: it returns the original authorization if the first call was applied.
    const result = await client.authorizeOnBillingAgreement({
      amazonBillingAgreementId: charge.amazonBillingAgreementId ?? "",
      authorizationReferenceId: charge.referenceId,
      authorizationAmount: { amountMinor: charge.amountMinor, currency: charge.currency },
      transactionTimeout: 0,
      captureNow: true,
      softDescriptor: context.descriptor,
      sellerOrderId: String(charge.orderId),
      storeName: context.storeName,
    });
    return toOutcome(result.authorization, result.amazonOrderReferenceId, {});
  } catch (error) {
    if (error instanceof AmazonPayError && !error.retriable && error.code !== "DuplicateReferenceId") {
      return { kind: "failed", unavailable: false, amazonCode: error.code, message: error.message, facts: {} };
    }
    return { kind: "unknown", message: error instanceof Error ? error.message : "lookup failed", facts: {} };
  }
}

export type ReconcileReport = { checked: number; finished: number; stillPending: number };

/**
 * Finishes PENDING charges older than `olderThanMs` (default 5 minutes: longer than the request
 * path can still be retrying) by asking Amazon; each is applied at most once. The charges are
 * claimed first, so several processes running this at once each look up different ones.
 */
export async function reconcilePendingOrders(db: Db, options: { olderThanMs?: number; limit?: number; now?: number } = {}): Promise<ReconcileReport> {
  const now = options.now ?? Date.now();
  const report: ReconcileReport = { checked: 0, finished: 0, stillPending: 0 };
  const wanted = { types: CHARGE_ATTEMPT_TYPES, createdBefore: now - (options.olderThanMs ?? 5 * 60_000), limit: options.limit ?? 50, now };
  report.checked = await workOnClaimedRows(db, wanted, async (claimed) => {
    const pending = await db
      .select({ charge: transactions, mid: mids, storeName: campaigns.storeName })
      .from(transactions)
      .innerJoin(mids, eq(mids.id, transactions.midId))
      .innerJoin(orders, eq(orders.id, transactions.orderId))
      .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
      .where(inArray(transactions.id, claimed))
      .orderBy(asc(transactions.id));
    for (const row of pending) {
      const client = amazonClientForMid(db, row.mid, { orderId: row.charge.orderId, transactionId: row.charge.id });
      const outcome = await lookUpCharge(client, row.charge, { descriptor: row.mid.descriptor, storeName: row.storeName ?? "" });
      if ((await finishOrder(db, row.charge.id, outcome)) === "applied") report.finished += 1;
      else report.stillPending += 1;
    }
  });
  return report;
}
