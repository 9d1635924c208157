"use client";

import { signInAction } from "./actions";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export function LoginForm({ next }: { next: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(signInAction);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.status === "error" && state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus error={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
