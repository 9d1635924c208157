"use client";

import { useState } from "react";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { TextField, SelectField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export type ProductFormDefaults = {
  name: string;
  sku: string;
  price: string;
  shipping: string;
  billing_type: "one_time" | "recurring";
  cycle_days: string;
  rebill_price: string;
  trial_days: string;
};

export const EMPTY_PRODUCT: ProductFormDefaults = {
  name: "",
  sku: "",
  price: "",
  shipping: "0",
  billing_type: "one_time",
  cycle_days: "30",
  rebill_price: "",
  trial_days: "0",
};

export function ProductForm({
  action,
  defaults,
  currency,
  submitLabel,
}: {
  action: FormAction;
  defaults: ProductFormDefaults;
  currency: string;
  submitLabel: string;
}) {
  const { state, pending, onSubmit, formRef, errors } = useFormAction(action, { resetOnSuccess: true });
  const [billing, setBilling] = useState(defaults.billing_type);
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate aria-label={submitLabel} className="space-y-4">
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Product name" name="name" defaultValue={defaults.name} error={errors.name} />
        <TextField label="SKU" name="sku" defaultValue={defaults.sku} error={errors.sku} />
        <TextField label={`Price (${currency})`} name="price" inputMode="decimal" defaultValue={defaults.price} error={errors.price} />
        <TextField label={`Shipping (${currency})`} name="shipping" inputMode="decimal" defaultValue={defaults.shipping} error={errors.shipping} />
        <SelectField
          label="Billing"
          name="billing_type"
          value={billing}
          onChange={(e) => setBilling(e.target.value as ProductFormDefaults["billing_type"])}
          error={errors.billing_type}
          options={[
            { value: "one_time", label: "One-time" },
            { value: "recurring", label: "Recurring (billing agreement)" },
          ]}
          className="sm:col-span-2"
        />
        {billing === "recurring" && (
          <>
            <TextField label="Bill every (days)" name="cycle_days" inputMode="numeric" defaultValue={defaults.cycle_days} error={errors.cycle_days} />
            <TextField
              label={`Rebill price (${currency})`}
              name="rebill_price"
              inputMode="decimal"
              defaultValue={defaults.rebill_price}
              error={errors.rebill_price}
            />
            <TextField
              label="Trial (days)"
              name="trial_days"
              inputMode="numeric"
              defaultValue={defaults.trial_days}
              error={errors.trial_days}
              hint="0 for no trial: the first rebill comes one cycle after the order."
            />
          </>
        )}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
