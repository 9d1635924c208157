"use server";

import { getDb } from "@/db/client";
import { ApiError } from "@/lib/api/api-error";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { formValues } from "@/lib/form-state";
import { parseImportOrderFields } from "@/lib/orders/import-order-input";
import { importOrder } from "@/lib/orders/import-order";
import type { CheckoutState, OrderEntryState } from "@/lib/orders/order-entry-state";
import { findSimulation } from "@/lib/orders/sandbox-simulations";
import { labelFieldMessage, orderEntryLabels } from "@/lib/orders/order-entry-labels";
import { eq } from "drizzle-orm";
import { campaignProducts } from "@/db/schema";
import { createSandboxCheckout } from "@/lib/orders/create-sandbox-checkout";
import { parseIdParam } from "@/lib/parse-id-param";
import { readBoundId } from "@/lib/read-bound-args";

/** Whether the chosen first product is recurring: its Amazon id field is then a billing agreement id. */
async function isRecurringProduct(productId: string | undefined): Promise<boolean> {
  const id = parseIdParam(productId ?? "");
  if (!id) return false;
  return (
    (await getDb().select({ billingType: campaignProducts.billingType }).from(campaignProducts).where(eq(campaignProducts.id, id)))[0]?.billingType ===
    "recurring"
  );
}

/** Order Entry: the same parsing and pipeline as Import Order, as the signed-in operator. */
export async function placeOrderAction(boundCampaignId: unknown, _prev: OrderEntryState, formData: FormData): Promise<OrderEntryState> {
  let values: Record<string, string> = {};
  try {
    await requireActionActor("orders.create");
    const campaignId = readBoundId(boundCampaignId, "campaignId");
    values = formValues(formData);
    const input = parseImportOrderFields({ ...values, campaignId: String(campaignId), paySource: "AMAZON" });
    const simulation = findSimulation(values.sandbox_simulation);
    if (simulation?.target === "authorization") input.sandboxSimulation = { authorizationNote: simulation.value };
    if (simulation?.target === "order-note") input.sandboxSimulation = { sellerNote: simulation.value };
    const answer = await importOrder(getDb(), input, "order_entry");
    if (answer.ok) return { status: "success", message: `Order ${answer.result.orderId} is ${answer.result.orderStatus}.`, result: answer.result };
    return { status: "error", message: answer.error.message, result: answer.result, errorCode: answer.error.code };
  } catch (error) {
    if (error instanceof ApiError) {
      const field = typeof error.extra.field === "string" ? error.extra.field : undefined;
      if (!field) return { status: "error", message: error.message, errorCode: error.code };
      return {
        status: "error",
        message: "Check the highlighted fields.",
        errorCode: error.code,
        fieldErrors: { [field]: labelFieldMessage(field, error.message, orderEntryLabels(await isRecurringProduct(values.product1_id))) },
      };
    }
    return formStateFromError(error);
  }
}

export async function createSandboxCheckoutAction(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  try {
    await requireActionActor("orders.create");
    const midId = parseIdParam(String(formData.get("amazonBillerId") ?? ""));
    if (!midId) return { status: "error", message: "Choose a MID first." };
    const type = formData.get("checkout_type") === "BillingAgreement" ? "BillingAgreement" : "OrderReference";
    const checkout = await createSandboxCheckout(getDb(), midId, type);
    return {
      status: "success",
      message: `Sandbox ${type === "BillingAgreement" ? "billing agreement" : "order reference"} ${checkout.amazonOrderId} created.`,
      ...checkout,
    };
  } catch (error) {
    return formStateFromError(error);
  }
}
