"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldScope } from "@/components/forms/field-scope";
import { validateReason } from "@/lib/orders/validate-order-forms";

function checkReason(data: FormData): Record<string, string> {
  const reason = validateReason(String(data.get("reason") ?? ""), "A reason is required to void an authorization.");
  return reason ? { reason } : {};
}

/** Void an open authorization: a required reason, then a confirmation restating amount, currency and MID. */
export function VoidForm({ action, amount, currency, midLabel }: { action: FormAction; amount: string; currency: string; midLabel: string }) {
  const { state, pending, onSubmit, formRef, errors: serverErrors } = useFormAction(action);
  const { review, invalid, onSubmit: onReviewOrSubmit, back } = useConfirmStep(onSubmit, (data) => ({ reason: String(data.get("reason") ?? "") }), checkReason);
  const errors = invalid?.fieldErrors ?? serverErrors;
  return (
    <FieldScope>
      <form method="post" ref={formRef} onSubmit={onReviewOrSubmit} noValidate aria-label="Void authorization" className="space-y-3">
        {state.status === "success" && state.message && !invalid && <FormMessage tone="success">{state.message}</FormMessage>}
        <ErrorSummary state={invalid ?? state} labels={{ reason: "Reason" }} />
        <div className={review ? "hidden" : undefined}>
          <TextField label="Reason" name="reason" error={errors.reason} placeholder="Out of stock, not shipping" hint="Amazon shows it to the buyer." />
        </div>
        {review ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="group" aria-label="Confirm void">
            <p className="font-medium">
              Void the authorization of {amount} {currency} on {midLabel}?
            </p>
            <p className="mt-1 text-xs">
              Reason: {review.reason || "—"}. Amazon releases the buyer&apos;s funds; nothing is charged and it cannot be captured afterwards.
            </p>
            <div className="mt-3 flex gap-2">
              <Button type="submit" variant="danger" disabled={pending}>
                Confirm void
              </Button>
              <Button variant="secondary" onClick={back}>
                Back
              </Button>
            </div>
          </div>
        ) : (
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Voiding…" : "Void authorization…"}
          </Button>
        )}
      </form>
    </FieldScope>
  );
}
