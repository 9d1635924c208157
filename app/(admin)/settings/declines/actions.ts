"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { type FormState } from "@/lib/form-state";
import { resetDeclineRule, saveDeclineRule } from "@/lib/declines/manage-decline-rules";
import { DECLINE_REASONS } from "@/lib/declines/default-decline-rules";
import { readBoundChoice, readBoundOptionalId } from "@/lib/read-bound-args";

const DECLINE_CODES = DECLINE_REASONS.map((reason) => reason.code);

export async function saveDeclineRuleAction(boundMidId: unknown, boundCode: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("declines.write");
    const midId = readBoundOptionalId(boundMidId, "midId");
    const code = readBoundChoice(boundCode, "code", DECLINE_CODES);
    await saveDeclineRule(getDb(), actor, { midId, code, kind: String(formData.get("kind") ?? ""), message: String(formData.get("message") ?? "") });
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings/declines");
  return { status: "success", message: "Saved." };
}

export async function resetDeclineRuleAction(boundMidId: unknown, boundCode: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("declines.write");
    await resetDeclineRule(getDb(), actor, readBoundOptionalId(boundMidId, "midId"), readBoundChoice(boundCode, "code", DECLINE_CODES));
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings/declines");
  return { status: "success", message: "Reset." };
}
