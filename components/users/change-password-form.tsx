"use client";

import type { FormState } from "@/lib/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export function ChangePasswordForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit, formRef, errors } = useFormAction(action, { resetOnSuccess: true });
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate aria-label="Change password">
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <TextField label="Current password" name="current_password" type="password" autoComplete="current-password" error={errors.current_password} />
      <TextField
        label="New password"
        name="new_password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.new_password}
      />
      <TextField label="Repeat new password" name="confirm_password" type="password" autoComplete="new-password" error={errors.confirm_password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
