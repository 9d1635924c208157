"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import type { FormState } from "@/lib/form-state";
import { formatWait } from "@/lib/auth/sign-in-throttle";

function messageFor(code: string): string {
  if (code.startsWith("throttled:")) {
    const [, reason, secondsText] = code.split(":");
    const wait = formatWait(Number(secondsText) || 60);
    if (reason === "account") return `This account is locked after too many failed sign-ins. Try again in ${wait}, or ask an admin to unlock it.`;
    if (reason === "address") return `Too many failed sign-ins from your network. Try again in ${wait}.`;
    if (reason === "account_and_address") return `Too many failed sign-ins for this account from your network. Try again in ${wait}.`;
    return `Too many failed sign-ins in a row. Wait ${wait} and try again.`;
  }
  if (code === "disabled") return "This account is disabled. Ask an admin to enable it.";
  return "Email or password is incorrect.";
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // The arguments are whatever the client sent, not necessarily the login form.
  if (!(formData instanceof FormData)) return { status: "error", message: "Enter your email and password." };
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const fieldErrors: Record<string, string> = {};
  if (!email) fieldErrors.email = "Enter your email.";
  if (!password) fieldErrors.password = "Enter your password.";
  if (Object.keys(fieldErrors).length) return { status: "error", message: "Enter your email and password.", fieldErrors };

  const next = String(formData.get("next") ?? "/");
  try {
    await signIn("credentials", { email, password, redirectTo: next.startsWith("/") && !next.startsWith("//") ? next : "/" });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { status: "error", message: messageFor(error.code) };
    if (error instanceof AuthError) return { status: "error", message: "Sign-in failed. Try again." };
    throw error; // the redirect after a successful sign-in
  }
  return { status: "success" };
}
