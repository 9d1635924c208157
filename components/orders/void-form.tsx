"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** Void an open authorization: a required reason, then a confirmation restating amount, currency and MID. */
export function VoidForm({ action, amount, currency, midLabel }: { action: FormAction; amount: string; currency: string; midLabel: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const { review, onSubmit: onReviewOrSubmit, back } = useConfirmStep(onSubmit, (data) => ({ reason: String(data.get("reason") ?? "") }));
  return (
    <form method="post"
      onSubmit={onReviewOrSubmit}
      noValidate
      aria-label="Void authorization"
      className="space-y-3"
    >
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <div className={review ? "hidden" : undefined}>
        <TextField label="Reason" name="reason" error={errors.reason} placeholder="Out of stock, not shipping" hint="Amazon shows it to the buyer." />
      </div>
      {review ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="group" aria-label="Confirm void">
          <p className="font-medium">Void the authorization of {amount} {currency} on {midLabel}?</p>
          <p className="mt-1 text-xs">Reason: {review.reason || "—"}. Amazon releases the buyer&apos;s funds; nothing is charged and it cannot be captured afterwards.</p>
          <div className="mt-3 flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>Confirm void</Button>
            <Button variant="secondary" onClick={back}>Back</Button>
          </div>
        </div>
      ) : (
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Voiding…" : "Void authorization…"}</Button>
      )}
    </form>
  );
}
