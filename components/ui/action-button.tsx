"use client";

import { useFormAction, type FormAction } from "./use-form-action";
import { Button } from "./button";

/** One button that runs one server action, optionally after a confirmation, and shows its answer. */
export function ActionButton({ label, action, confirmMessage, variant = "secondary", size = "md", showSuccess = false }: {
  label: string;
  action: FormAction;
  confirmMessage?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md";
  showSuccess?: boolean;
}) {
  const { state, pending, onSubmit } = useFormAction(action);
  return (
    <form method="post"
      onSubmit={(e) => {
        if (confirmMessage && !window.confirm(confirmMessage)) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="inline-flex items-center gap-2"
    >
      {state.status === "error" && <span className="text-xs text-red-600">{state.message}</span>}
      {showSuccess && state.status === "success" && <span className="text-xs text-emerald-700">{state.message}</span>}
      <Button type="submit" variant={variant} size={size} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
