"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError, type FormState } from "@/lib/form-state";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/users/manage-users";
import type { Role } from "@/db/schema/users";

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("users.manage");
    const user = await createUser(getDb(), actor, {
      email: String(formData.get("email") ?? ""),
      name: String(formData.get("name") ?? ""),
      role: String(formData.get("role") ?? "") as Role,
      password: String(formData.get("password") ?? ""),
    });
    revalidatePath("/settings/users");
    return { status: "success", message: `${user.email} can now sign in.` };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function changeRoleAction(userId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("users.manage");
    changeUserRole(getDb(), actor, userId, String(formData.get("role") ?? "") as Role);
    revalidatePath("/settings/users");
    return { status: "success", message: "Role changed." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function setUserDisabledAction(userId: number, disabled: boolean, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("users.manage");
    setUserDisabled(getDb(), actor, userId, disabled);
    revalidatePath("/settings/users");
    return { status: "success", message: disabled ? "User disabled." : "User enabled." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function resetPasswordAction(userId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("users.manage");
    await resetUserPassword(getDb(), actor, userId, String(formData.get("password") ?? ""));
    return { status: "success", message: "Password reset. Share it with the user securely." };
  } catch (error) {
    return formStateFromError(error);
  }
}
