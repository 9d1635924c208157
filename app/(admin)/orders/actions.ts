"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError, type FormState } from "@/lib/form-state";
import { parseMajorToMinor } from "@/lib/money/money";
import { refundOrder } from "@/lib/orders/refund-order";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { markRefundedExternally } from "@/lib/orders/mark-refunded-externally";
import { captureOrder } from "@/lib/orders/capture-order";
import { voidAuthorization } from "@/lib/orders/void-authorization";

/** The amount field in the order's currency, or the field error a user sees. */
function readAmount(formData: FormData, currency: string): { amountMinor: number } | FormState {
  const amountMinor = parseMajorToMinor(String(formData.get("amount") ?? ""), currency);
  if (amountMinor === null) return { status: "error", message: "Check the highlighted fields.", fieldErrors: { amount: `Enter an amount in ${currency}, e.g. 10.00.` } };
  return { amountMinor };
}

export async function refundOrderAction(orderId: number, currency: string, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const amount = readAmount(formData, currency);
    if (!("amountMinor" in amount)) return amount;
    const result = await refundOrder(getDb(), actor, { orderId, amountMinor: amount.amountMinor, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: result.status === "PENDING" ? "Refund sent to Amazon; it shows as pending until Amazon confirms it." : `Refund ${result.status.toLowerCase()}.` };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function markRefundedExternallyAction(orderId: number, currency: string, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const amount = readAmount(formData, currency);
    if (!("amountMinor" in amount)) return amount;
    markRefundedExternally(getDb(), actor, { orderId, amountMinor: amount.amountMinor, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: "Recorded as refunded outside MID Console." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function cancelOrderAction(orderId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    await cancelOrder(getDb(), actor, { orderId, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: "Order canceled at Amazon." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function captureOrderAction(orderId: number, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const result = await captureOrder(getDb(), actor, { orderId });
    revalidatePath(`/orders/${orderId}`);
    if (result.status === "SUCCESS") return { status: "success", message: "Captured at Amazon; the order is complete." };
    if (result.status === "PENDING") return { status: "success", message: "Capture sent to Amazon; it shows as pending until Amazon confirms it." };
    return { status: "error", message: "Amazon declined the capture; see the transaction below." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function voidAuthorizationAction(orderId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    await voidAuthorization(getDb(), actor, { orderId, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: "Authorization voided at Amazon; nothing was charged." };
  } catch (error) {
    return formStateFromError(error);
  }
}
