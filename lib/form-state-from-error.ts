import { DomainError } from "./errors";
import { ForbiddenError } from "./auth/actor";
import type { FormState } from "./form-state";
import { log } from "@/lib/log/logger.mjs";

/**
 * Turns what a domain function threw into something a form can show. Anything unexpected is
 * logged (serialize-error.mjs says what of an error is kept) and reported generically, so
 * internals never reach the browser.
 */
export function formStateFromError(error: unknown): FormState {
  if (error instanceof DomainError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ForbiddenError) return { status: "error", message: error.message };
  log.error({ err: error }, "action failed");
  return { status: "error", message: "Something went wrong on our side; nothing was saved. Try again." };
}
