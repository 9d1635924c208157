"use client";

import { useActionState, startTransition } from "react";
import { signInAction } from "./actions";
import { IDLE } from "@/lib/form-state";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  return (
    <form
      // Submitted without the form action prop so a refused sign-in keeps the typed email.
      onSubmit={(e) => {
        e.preventDefault();
        const formData = new FormData(e.currentTarget);
        startTransition(() => action(formData));
      }}
      className="space-y-4"
      noValidate
    >
      <input type="hidden" name="next" value={next} />
      {state.status === "error" && state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus error={state.fieldErrors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
