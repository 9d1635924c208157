"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** Cancel an uncharged order: a required reason, then a confirmation naming the Amazon object. */
export function CancelForm({ action, amazonId }: { action: FormAction; amazonId: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const { review: confirming, onSubmit: onReviewOrSubmit, back } = useConfirmStep(onSubmit, () => true);
  return (
    <form method="post"
      onSubmit={onReviewOrSubmit}
      noValidate
      aria-label="Cancel order"
      className="space-y-3"
    >
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <TextField label="Reason" name="reason" error={errors.reason} placeholder="Buyer asked to cancel" />
      {confirming ? (
        <div className="flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="group" aria-label="Confirm cancel">
          <span>Cancel {amazonId} at Amazon? Nothing was charged; the order becomes CANCELED.</span>
          <Button type="submit" variant="danger" size="sm" disabled={pending}>Confirm cancel</Button>
          <Button variant="secondary" size="sm" onClick={back}>Back</Button>
        </div>
      ) : (
        <Button type="submit" variant="secondary" disabled={pending}>Cancel order…</Button>
      )}
    </form>
  );
}
