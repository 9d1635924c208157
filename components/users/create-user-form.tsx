"use client";

import type { FormState } from "@/lib/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLE_OPTIONS } from "./role-options";
import { TextField, SelectField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export function CreateUserForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const { state, pending, onSubmit, formRef, errors } = useFormAction(action, { resetOnSuccess: true });
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add user">
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <TextField label="Name" name="name" error={errors.name} autoComplete="off" />
      <TextField label="Email" name="email" type="email" error={errors.email} autoComplete="off" />
      <SelectField label="Role" name="role" defaultValue="support" error={errors.role} options={ROLE_OPTIONS} />
      <TextField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters; the user can change it under Account."
        error={errors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}
