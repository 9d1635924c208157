"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { formValues, type FormState } from "@/lib/form-state";
import { parseMidForm } from "@/lib/mids/parse-mid-form";
import { createMid, setMidEnabled, updateMid } from "@/lib/mids/save-mid";
import { verifyMidCredentials } from "@/lib/mids/verify-mid-credentials";
import { readBoundBoolean, readBoundId } from "@/lib/read-bound-args";

const CHECK_FIELDS = "Check the highlighted fields.";

export async function createMidAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let midId: number;
  try {
    const actor = await requireActionActor("mids.write");
    const parsed = parseMidForm(formValues(formData), "create");
    if (!parsed.ok) return { status: "error", message: CHECK_FIELDS, fieldErrors: parsed.fieldErrors };
    midId = (await createMid(getDb(), actor, parsed.input)).id;
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/mids");
  redirect(`/mids/${midId}?saved=created`);
}

export async function updateMidAction(boundMidId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  let midId: number;
  try {
    const actor = await requireActionActor("mids.write");
    midId = readBoundId(boundMidId, "midId");
    const parsed = parseMidForm(formValues(formData), "edit");
    if (!parsed.ok) return { status: "error", message: CHECK_FIELDS, fieldErrors: parsed.fieldErrors };
    await updateMid(getDb(), actor, midId, parsed.input);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/mids");
  redirect(`/mids/${midId}?saved=updated`);
}

export async function setMidEnabledAction(boundMidId: unknown, boundEnabled: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  let midId: number;
  let enabled: boolean;
  try {
    const actor = await requireActionActor("mids.write");
    midId = readBoundId(boundMidId, "midId");
    enabled = readBoundBoolean(boundEnabled, "enabled");
    await setMidEnabled(getDb(), actor, midId, enabled);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/mids");
  revalidatePath(`/mids/${midId}`);
  return { status: "success", message: enabled ? "MID enabled." : "MID disabled." };
}

export async function verifyMidAction(boundMidId: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("mids.write");
    const midId = readBoundId(boundMidId, "midId");
    const result = await verifyMidCredentials(getDb(), actor, midId);
    revalidatePath(`/mids/${midId}`);
    revalidatePath("/mids");
    return { status: result.ok ? "success" : "error", message: result.summary };
  } catch (error) {
    return formStateFromError(error);
  }
}
