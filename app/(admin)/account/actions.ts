"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signIn, signOut } from "@/lib/auth/auth";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { type FormState } from "@/lib/form-state";
import { changeOwnPassword } from "@/lib/users/manage-users";
import { revokeUserSessions } from "@/lib/users/revoke-user-sessions";

export async function changeOwnPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let email: string;
  let next: string;
  try {
    const actor = await requireActionActor();
    // An action is a public endpoint: what arrives as the form may be anything.
    if (!(formData instanceof FormData)) return { status: "error", message: "Fill in the password form and send it again." };
    next = String(formData.get("new_password") ?? "");
    if (next !== String(formData.get("confirm_password") ?? "")) {
      return { status: "error", message: "Check the highlighted fields.", fieldErrors: { confirm_password: "The two new passwords do not match." } };
    }
    await changeOwnPassword(getDb(), actor, String(formData.get("current_password") ?? ""), next);
    email = actor.email;
  } catch (error) {
    return formStateFromError(error);
  }
  // The change ended every session, this one too; signing in with the new password keeps this
  // device in. The page is then loaded afresh: a re-render inside this request would still see the
  // old cookie, which is no longer valid.
  try {
    await signIn("credentials", { email, password: next, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login");
    throw error;
  }
  redirect("/account?changed=password");
}

export async function signOutEverywhereAction(_prev: FormState, _formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor();
    if (actor.userId === null) return { status: "error", message: "Only signed-in users have sessions to end." };
    await revokeUserSessions(getDb(), actor, actor.userId);
  } catch (error) {
    return formStateFromError(error);
  }
  await signOut({ redirectTo: "/login" });
  return { status: "success" };
}
