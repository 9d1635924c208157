"use server";

import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError, type FormState } from "@/lib/form-state";
import { changeOwnPassword } from "@/lib/users/manage-users";

export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor();
    const next = String(formData.get("new_password") ?? "");
    if (next !== String(formData.get("confirm_password") ?? "")) {
      return { status: "error", message: "Check the highlighted fields.", fieldErrors: { confirm_password: "The two new passwords do not match." } };
    }
    await changeOwnPassword(getDb(), actor, String(formData.get("current_password") ?? ""), next);
  } catch (error) {
    return formStateFromError(error);
  }
  return { status: "success", message: "Password changed." };
}
