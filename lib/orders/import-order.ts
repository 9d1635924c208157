import type { Db } from "@/db/client";
import { ApiError } from "@/lib/api/api-error";
import { amazonClientForMid, loginWithAmazonForMid } from "./amazon-client-for-mid";
import { chargeWithAmazon } from "./charge-with-amazon";
import type { ChargeOutcome } from "./charge-state";
import { finishOrder } from "./finish-order";
import type { ImportOrderInput } from "./import-order-input";
import { loadOrderResult, type OrderResult } from "./order-result";
import { planOrder } from "./plan-order";
import { startOrder } from "./start-order";

export type ImportOrderAnswer = { ok: true; result: OrderResult } | { ok: false; error: ApiError; result: OrderResult };

function refusalFor(outcome: ChargeOutcome, result: OrderResult): ApiError {
  const extra = { orderId: result.orderId, declineReason: result.declineReason };
  if (outcome.kind === "declined") {
    return new ApiError(result.responseType === "SOFT_DECLINE" ? "DECLINED_SOFT" : "DECLINED_HARD", result.message ?? "The payment was declined.", extra);
  }
  if (outcome.kind === "failed") {
    return outcome.unavailable
      ? new ApiError("AMAZON_UNAVAILABLE", `Amazon Pay is unavailable (${outcome.amazonCode}); nothing was charged. Try again shortly.`, extra)
      : new ApiError("AMAZON_REJECTED_REQUEST", `Amazon refused the request: ${outcome.amazonCode} — ${outcome.message}`, {
          ...extra,
          amazonErrorCode: outcome.amazonCode,
        });
  }
  // Amazon may have charged: sending the order again would only return this pending order.
  return new ApiError(
    "ORDER_PENDING",
    `Amazon did not confirm the payment in time. Order ${result.orderId} is pending and will be completed or released automatically within minutes; query it instead of retrying.`,
    { ...extra, orderStatus: result.orderStatus },
  );
}

/**
 * The order pipeline of design.md §4 for Import Order, Import Upsale and Order Entry:
 * plan (refusals before money) → start (reserve cap, PENDING rows) → Amazon → finish.
 * The same Amazon id or idempotency key returns the first result, never a second charge.
 */
export async function importOrder(db: Db, input: ImportOrderInput, source: "api" | "order_entry"): Promise<ImportOrderAnswer> {
  const plan = await planOrder(db, input);
  const started = await startOrder(db, plan, input, source);
  if (started.kind === "existing") return { ok: true, result: await loadOrderResult(db, started.orderId) };

  const { charge } = started;
  const client = amazonClientForMid(db, plan.mid, { orderId: charge.orderId, transactionId: charge.transactionId });
  const outcome = await chargeWithAmazon(client, loginWithAmazonForMid(plan.mid), {
    amazonId: input.amazonOrderId,
    kind: plan.kind,
    accessToken: input.amazonAddressConsent,
    referenceId: charge.referenceId,
    amount: { amountMinor: charge.amountMinor, currency: plan.mid.currency },
    sellerOrderId: String(charge.orderId),
    storeName: plan.campaign.storeName,
    softDescriptor: plan.mid.descriptor,
    captureNow: plan.captureNow,
    sandboxSimulation: plan.mid.testMode ? input.sandboxSimulation?.authorizationNote : undefined,
    sellerNote: plan.mid.testMode ? input.sandboxSimulation?.sellerNote : undefined,
  });
  await finishOrder(db, charge.transactionId, outcome);
  const result = await loadOrderResult(db, charge.orderId);
  // What is recorded decides, not this answer alone: the charge's IPN may have finished it first.
  const charged = result.orderStatus === "COMPLETE" || result.orderStatus === "AUTHORIZED";
  const underway = result.orderStatus === "PENDING" && (outcome.kind === "pending" || outcome.kind === "open");
  if (charged || underway) return { ok: true, result };
  return { ok: false, error: refusalFor(outcome, result), result };
}
