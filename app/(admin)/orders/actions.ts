"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { type FormState } from "@/lib/form-state";
import { parseRefundAmount, refundOrder } from "@/lib/orders/refund-order";
import { readBoundId } from "@/lib/read-bound-args";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { markRefundedExternally } from "@/lib/orders/mark-refunded-externally";
import { captureOrder } from "@/lib/orders/capture-order";
import { voidAuthorization } from "@/lib/orders/void-authorization";

export async function refundOrderAction(boundOrderId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const orderId = readBoundId(boundOrderId, "orderId");
    const db = getDb();
    const amountMinor = await parseRefundAmount(db, orderId, String(formData.get("amount") ?? ""));
    const result = await refundOrder(db, actor, { orderId, amountMinor, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return {
      status: "success",
      message: result.status === "PENDING" ? "Refund sent to Amazon; it shows as pending until Amazon confirms it." : `Refund ${result.status.toLowerCase()}.`,
    };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function markRefundedExternallyAction(boundOrderId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const orderId = readBoundId(boundOrderId, "orderId");
    const db = getDb();
    const amountMinor = await parseRefundAmount(db, orderId, String(formData.get("amount") ?? ""));
    await markRefundedExternally(db, actor, { orderId, amountMinor, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: "Recorded as refunded outside MID Console." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function cancelOrderAction(boundOrderId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const orderId = readBoundId(boundOrderId, "orderId");
    await cancelOrder(getDb(), actor, { orderId, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: "Order canceled at Amazon." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function captureOrderAction(boundOrderId: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const orderId = readBoundId(boundOrderId, "orderId");
    const result = await captureOrder(getDb(), actor, { orderId });
    revalidatePath(`/orders/${orderId}`);
    if (result.status === "SUCCESS") return { status: "success", message: "Captured at Amazon; the order is complete." };
    if (result.status === "PENDING") return { status: "success", message: "Capture sent to Amazon; it shows as pending until Amazon confirms it." };
    return { status: "error", message: "Amazon declined the capture; see the transaction below." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function voidAuthorizationAction(boundOrderId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.refund");
    const orderId = readBoundId(boundOrderId, "orderId");
    await voidAuthorization(getDb(), actor, { orderId, reason: String(formData.get("reason") ?? "") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: "Authorization voided at Amazon; nothing was charged." };
  } catch (error) {
    return formStateFromError(error);
  }
}
