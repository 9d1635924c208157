"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { type FormState } from "@/lib/form-state";
import { addOrderNote } from "@/lib/orders/add-order-note";
import { readBoundId } from "@/lib/read-bound-args";

export async function addOrderNoteAction(boundOrderId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("orders.note");
    const orderId = readBoundId(boundOrderId, "orderId");
    await addOrderNote(getDb(), actor, { orderId, note: formData.get("note") });
    revalidatePath(`/orders/${orderId}`);
    return { status: "success", message: "Note added." };
  } catch (error) {
    return formStateFromError(error);
  }
}
