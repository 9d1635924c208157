"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError, type FormState } from "@/lib/form-state";
import { resetDeclineRule, saveDeclineRule } from "@/lib/declines/manage-decline-rules";

export async function saveDeclineRuleAction(midId: number | null, code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("declines.write");
    saveDeclineRule(getDb(), actor, { midId, code, kind: String(formData.get("kind") ?? ""), message: String(formData.get("message") ?? "") });
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings/declines");
  return { status: "success", message: "Saved." };
}

export async function resetDeclineRuleAction(midId: number | null, code: string, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("declines.write");
    resetDeclineRule(getDb(), actor, midId, code);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings/declines");
  return { status: "success", message: "Reset." };
}
