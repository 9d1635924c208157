"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { useConfirmStep } from "@/components/ui/use-confirm-step";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldScope } from "@/components/forms/field-scope";
import { formatMoney, parseMajorToMinor } from "@/lib/money/money";
import { validateRefundFields } from "@/lib/orders/validate-order-forms";

const LABELS = { amount: "Amount", reason: "Reason" };

/**
 * Refund with a required reason and a confirmation that restates amount, currency and MID. The
 * amount starts empty (a full refund is one click on "Full amount", never the default), and the
 * fields are checked before the confirmation is shown.
 */
export function RefundForm({
  action,
  refundable,
  currency,
  midLabel,
  external = false,
}: {
  action: FormAction;
  refundable: string;
  currency: string;
  midLabel: string;
  external?: boolean;
}) {
  const { state, pending, onSubmit, formRef, errors: serverErrors } = useFormAction(action, { resetOnSuccess: true });
  const refundableMinor = parseMajorToMinor(refundable, currency) ?? 0;
  const {
    review,
    invalid,
    onSubmit: onReviewOrSubmit,
    back,
  } = useConfirmStep(
    onSubmit,
    (data) => ({ amount: String(data.get("amount") ?? "").trim(), reason: String(data.get("reason") ?? "") }),
    (data) =>
      validateRefundFields({ amount: String(data.get("amount") ?? ""), reason: String(data.get("reason") ?? "") }, { refundableMinor, currency, external }),
  );
  const shown = invalid ?? state;
  const errors = invalid?.fieldErrors ?? serverErrors;
  const fillFullAmount = () => {
    const amount = formRef.current?.elements.namedItem("amount");
    if (amount instanceof HTMLInputElement) {
      amount.value = refundable;
      amount.focus();
    }
  };
  return (
    <FieldScope>
      <form
        method="post"
        ref={formRef}
        onSubmit={onReviewOrSubmit}
        noValidate
        aria-label={external ? "Mark refunded externally" : "Refund"}
        className="space-y-3"
      >
        {state.status === "success" && state.message && !invalid && <FormMessage tone="success">{state.message}</FormMessage>}
        <ErrorSummary state={shown} labels={LABELS} />
        <div className={review ? "hidden" : "grid gap-3 sm:grid-cols-[12rem_1fr]"}>
          <div>
            <TextField
              label={`Amount (${currency})`}
              name="amount"
              inputMode="decimal"
              leading={currency}
              placeholder="0.00"
              autoComplete="off"
              error={errors.amount}
              hint={`Up to ${formatMoney(refundableMinor, currency)}`}
            />
            <Button variant="secondary" size="sm" className="mt-2" onClick={fillFullAmount}>
              Full amount
            </Button>
          </div>
          <TextField label="Reason" name="reason" error={errors.reason} placeholder="Customer returned the product" />
        </div>
        {review ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="group" aria-label="Confirm refund">
            <p className="font-medium">
              {external
                ? `Record ${review.amount} ${currency} as refunded outside MID Console on ${midLabel}?`
                : `Refund ${review.amount} ${currency} through ${midLabel}?`}
            </p>
            <p className="mt-1 text-xs">
              Reason: {review.reason || "—"}.{" "}
              {external
                ? "No call is made to Amazon; the order and the MID's volume are updated."
                : "Amazon returns the money to the buyer's payment method; this cannot be undone."}
            </p>
            <div className="mt-3 flex gap-2">
              <Button type="submit" variant="danger" disabled={pending}>
                {external ? "Confirm" : "Confirm refund"}
              </Button>
              <Button variant="secondary" onClick={back}>
                Back
              </Button>
            </div>
          </div>
        ) : (
          <Button type="submit" variant="secondary" disabled={pending}>
            {external ? "Review" : "Review refund"}
          </Button>
        )}
      </form>
    </FieldScope>
  );
}
