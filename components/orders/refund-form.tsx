"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** Refund with a required reason and a confirmation that restates amount, currency and MID. */
export function RefundForm({ action, refundable, currency, midLabel, external = false }: { action: FormAction; refundable: string; currency: string; midLabel: string; external?: boolean }) {
  const { state, pending, onSubmit, formRef, errors } = useFormAction(action, { resetOnSuccess: true });
  const { review, onSubmit: onReviewOrSubmit, back } = useConfirmStep(onSubmit, (data) => ({ amount: String(data.get("amount") ?? ""), reason: String(data.get("reason") ?? "") }));
  return (
    <form method="post"
      ref={formRef}
      onSubmit={onReviewOrSubmit}
      noValidate
      aria-label={external ? "Mark refunded externally" : "Refund"}
      className="space-y-3"
    >
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <div className={review ? "hidden" : "grid gap-3 sm:grid-cols-[10rem_1fr]"}>
        <TextField label={`Amount (${currency})`} name="amount" inputMode="decimal" defaultValue={refundable} error={errors.amount} hint={`Up to ${refundable}`} />
        <TextField label="Reason" name="reason" error={errors.reason} placeholder="Customer returned the product" />
      </div>
      {review ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="group" aria-label="Confirm refund">
          <p className="font-medium">
            {external ? `Record ${review.amount} ${currency} as refunded outside MID Console on ${midLabel}?` : `Refund ${review.amount} ${currency} through ${midLabel}?`}
          </p>
          <p className="mt-1 text-xs">
            Reason: {review.reason || "—"}. {external ? "No call is made to Amazon; the order and the MID's volume are updated." : "Amazon returns the money to the buyer's payment method; this cannot be undone."}
          </p>
          <div className="mt-3 flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>{external ? "Confirm" : "Confirm refund"}</Button>
            <Button variant="secondary" onClick={back}>Back</Button>
          </div>
        </div>
      ) : (
        <Button type="submit" variant="secondary" disabled={pending}>{external ? "Review" : "Review refund"}</Button>
      )}
    </form>
  );
}
