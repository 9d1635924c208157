import type { FieldErrors } from "./errors";

// Client components import this file (IDLE, the types): it must not import server code such as the logger.

/** One shape shared by every server action and the form that shows its result. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: FieldErrors;
};

export const IDLE: FormState = { status: "idle" };

/** FormData → plain strings (files and repeated names are not used by these forms). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
