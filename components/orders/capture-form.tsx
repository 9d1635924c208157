"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** Capture an open authorization in full, after a confirmation that restates amount, currency and MID. */
export function CaptureForm({ action, amount, currency, midLabel }: { action: FormAction; amount: string; currency: string; midLabel: string }) {
  const { state, pending, onSubmit } = useFormAction(action);
  const { review: confirming, onSubmit: onReviewOrSubmit, back } = useConfirmStep(onSubmit, () => true);
  return (
    <form method="post" onSubmit={onReviewOrSubmit} noValidate aria-label="Capture" className="space-y-3">
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      {confirming ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="group" aria-label="Confirm capture">
          <p className="font-medium">
            Capture {amount} {currency} through {midLabel}?
          </p>
          <p className="mt-1 text-xs">Amazon charges the buyer now; the order becomes COMPLETE and can then only be refunded.</p>
          <div className="mt-3 flex gap-2">
            <Button type="submit" disabled={pending}>
              Confirm capture
            </Button>
            <Button variant="secondary" onClick={back}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" disabled={pending}>
          {pending ? "Capturing…" : `Capture ${amount} ${currency}…`}
        </Button>
      )}
    </form>
  );
}
