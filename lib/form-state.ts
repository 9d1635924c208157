import { DomainError, type FieldErrors } from "./errors";
import { ForbiddenError } from "./auth/actor";
import { log } from "@/lib/log/logger.mjs";

/** One shape shared by every server action and the form that shows its result. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: FieldErrors;
};

export const IDLE: FormState = { status: "idle" };

/**
 * Turns what a domain function threw into something a form can show. Anything unexpected is
 * logged (message only) and reported generically, so internals never reach the browser.
 */
export function formStateFromError(error: unknown): FormState {
  if (error instanceof DomainError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ForbiddenError) return { status: "error", message: error.message };
  log.error({ err: error }, "action failed");
  return { status: "error", message: "Something went wrong on our side; nothing was saved. Try again." };
}

/** FormData → plain strings (files and repeated names are not used by these forms). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
