"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { requireActionActor } from "@/lib/auth/current-user";
import { DomainError } from "@/lib/errors";
import { formStateFromError } from "@/lib/form-state-from-error";
import { type FormState } from "@/lib/form-state";
import { parseIdParam } from "@/lib/parse-id-param";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "@/lib/users/manage-users";
import { revokeUserSessions } from "@/lib/users/revoke-user-sessions";
import { unlockUser } from "@/lib/users/unlock-user";
import type { Role } from "@/lib/values/roles";

// Bound arguments arrive from the browser like any other input: check them.
function boundUserId(value: unknown): number {
  const id = parseIdParam(typeof value === "number" ? String(value) : typeof value === "string" ? value : null);
  if (id === null) throw new DomainError("userId: must be a positive whole number.");
  return id;
}

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
    await changeUserRole(getDb(), actor, boundUserId(userId), String(formData.get("role") ?? "") as Role);
    revalidatePath("/settings/users");
    return { status: "success", message: "Role changed; the user signs in again." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function setUserDisabledAction(userId: number, disabled: boolean, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("users.manage");
    if (typeof disabled !== "boolean") throw new DomainError("disabled: must be true or false.");
    await setUserDisabled(getDb(), actor, boundUserId(userId), disabled);
    revalidatePath("/settings/users");
    return { status: "success", message: disabled ? "User disabled." : "User enabled." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function resetPasswordAction(userId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("users.manage");
    await resetUserPassword(getDb(), actor, boundUserId(userId), String(formData.get("password") ?? ""));
    return { status: "success", message: "Password reset and the user's sessions ended. Share it with the user securely." };
  } catch (error) {
    return formStateFromError(error);
  }
}

export async function revokeUserSessionsAction(userId: number, _prev: FormState, _formData: FormData): Promise<FormState> {
  let isOwn = false;
  try {
    const actor = await requireActionActor("users.manage");
    const id = boundUserId(userId);
    await revokeUserSessions(getDb(), actor, id);
    isOwn = id === actor.userId;
  } catch (error) {
    return formStateFromError(error);
  }
  if (isOwn) await signOut({ redirectTo: "/login" });
  return { status: "success", message: "Signed out everywhere." };
}

export async function unlockUserAction(userId: number, _prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor("users.manage");
    await unlockUser(getDb(), actor, boundUserId(userId));
    revalidatePath("/settings/users");
    return { status: "success", message: "Unlocked: failed sign-ins cleared." };
  } catch (error) {
    return formStateFromError(error);
  }
}
