"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldScope } from "@/components/forms/field-scope";
import { validateReason } from "@/lib/orders/validate-order-forms";

function checkReason(data: FormData): Record<string, string> {
  const reason = validateReason(String(data.get("reason") ?? ""), "A reason is required.");
  return reason ? { reason } : {};
}

/** Cancel an uncharged order: a required reason, then a confirmation naming the Amazon object. */
export function CancelForm({ action, amazonId }: { action: FormAction; amazonId: string }) {
  const { state, pending, onSubmit, formRef, errors: serverErrors } = useFormAction(action);
  const { review: confirming, invalid, onSubmit: onReviewOrSubmit, back } = useConfirmStep(onSubmit, () => true, checkReason);
  const errors = invalid?.fieldErrors ?? serverErrors;
  return (
    <FieldScope>
      <form method="post" ref={formRef} onSubmit={onReviewOrSubmit} noValidate aria-label="Cancel order" className="space-y-3">
        {state.status === "success" && state.message && !invalid && <FormMessage tone="success">{state.message}</FormMessage>}
        <ErrorSummary state={invalid ?? state} labels={{ reason: "Reason" }} />
        <TextField label="Reason" name="reason" error={errors.reason} placeholder="Buyer asked to cancel" />
        {confirming ? (
          <div
            className="flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
            role="group"
            aria-label="Confirm cancel"
          >
            <span>Cancel {amazonId} at Amazon? Nothing was charged; the order becomes CANCELED.</span>
            <Button type="submit" variant="danger" size="sm" disabled={pending}>
              Confirm cancel
            </Button>
            <Button variant="secondary" size="sm" onClick={back}>
              Back
            </Button>
          </div>
        ) : (
          <Button type="submit" variant="secondary" disabled={pending}>
            Cancel order…
          </Button>
        )}
      </form>
    </FieldScope>
  );
}
