"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** A note for the order's timeline: what the customer said, what was promised. */
export function OrderNoteForm({ action, maxLength }: { action: FormAction; maxLength: number }) {
  const { state, pending, onSubmit, formRef, errors } = useFormAction(action, { resetOnSuccess: true });
  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} noValidate aria-label="Add a note" className="space-y-2">
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <label htmlFor="order-note" className="block text-sm font-medium text-zinc-800">
        Add a note
      </label>
      <textarea
        id="order-note"
        name="note"
        rows={2}
        maxLength={maxLength}
        aria-invalid={errors.note ? true : undefined}
        aria-describedby={errors.note ? "order-note-error" : "order-note-hint"}
        placeholder="Customer called about delivery; promised a refund if it has not arrived by Friday."
        className={`block w-full rounded-md border-0 bg-surface px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-inset placeholder:text-zinc-500 focus:ring-2 focus:ring-inset focus:ring-accent-600 ${errors.note ? "bg-red-50/30 ring-red-400" : "ring-zinc-300"}`}
      />
      {errors.note ? (
        <p id="order-note-error" className="text-xs font-medium text-red-600" data-field-error="note">
          {errors.note}
        </p>
      ) : (
        <p id="order-note-hint" className="text-xs text-muted">
          Staff only; kept with your name and the time, and cannot be edited later.
        </p>
      )}
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Saving…" : "Add note"}
      </Button>
    </form>
  );
}
