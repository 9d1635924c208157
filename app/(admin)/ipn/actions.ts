"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { type FormState } from "@/lib/form-state";
import { replayIpnEvent } from "@/lib/ipn/ipn-inbox";

export async function replayIpnAction(eventId: number, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("ipn.read");
    const summary = await replayIpnEvent(getDb(), actor, eventId);
    revalidatePath("/ipn");
    return { status: "success", message: summary };
  } catch (error) {
    return formStateFromError(error);
  }
}
