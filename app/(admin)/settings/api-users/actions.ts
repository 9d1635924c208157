"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { type FormState } from "@/lib/form-state";
import type { CreateApiUserState } from "@/lib/api-users/create-state";
import { createApiUser, setApiUserDisabled, updateApiUserAccess } from "@/lib/api-users/manage-api-users";
import { readBoundBoolean, readBoundId } from "@/lib/read-bound-args";

export async function createApiUserAction(_prev: CreateApiUserState, formData: FormData): Promise<CreateApiUserState> {
  try {
    const actor = await requireActionActor("api_users.manage");
    const { user, password } = await createApiUser(getDb(), actor, {
      loginId: String(formData.get("login_id") ?? ""),
      name: String(formData.get("name") ?? ""),
      endpoints: formData.getAll("endpoints").map(String),
      ips: String(formData.get("allowed_ips") ?? ""),
    });
    revalidatePath("/settings/api-users");
    // The generated password is an API credential made for this moment: shown once, never again.
    return { status: "success", message: `API user ${user.loginId} created.`, credentials: { loginId: user.loginId, password } };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function updateApiUserAccessAction(boundId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("api_users.manage");
    await updateApiUserAccess(
      getDb(),
      actor,
      readBoundId(boundId, "apiUserId"),
      formData.getAll("endpoints").map(String),
      String(formData.get("allowed_ips") ?? ""),
    );
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings/api-users");
  redirect("/settings/api-users?saved=1");
}

export async function setApiUserDisabledAction(boundId: unknown, boundDisabled: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  let disabled: boolean;
  try {
    const actor = await requireActionActor("api_users.manage");
    disabled = readBoundBoolean(boundDisabled, "disabled");
    await setApiUserDisabled(getDb(), actor, readBoundId(boundId, "apiUserId"), disabled);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/settings/api-users");
  return { status: "success", message: disabled ? "Disabled." : "Enabled." };
}
