import type { FormState } from "@/lib/form-state";

/** The create form's answer: on success it carries the one-time credentials to show. */
export type CreateApiUserState = FormState & { credentials?: { loginId: string; password: string } };
