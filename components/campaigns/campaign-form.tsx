"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { TextField, SelectField, FormMessage } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { CURRENCIES } from "@/lib/values/currencies";

export type CampaignFormDefaults = { name: string; currency: string; store_name: string; routing_mode: string; capture_mode: string };

export function CampaignForm({
  action,
  defaults,
  submitLabel,
  cancelHref,
}: {
  action: FormAction;
  defaults: CampaignFormDefaults;
  submitLabel: string;
  cancelHref: string;
}) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label="Campaign"
      className="max-w-2xl space-y-5 rounded-lg border border-zinc-200 bg-surface p-6 shadow-sm"
    >
      {state.status === "error" && state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <TextField label="Campaign name" name="name" defaultValue={defaults.name} error={errors.name} placeholder="GlowSkin serum — US" />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label="Currency"
          name="currency"
          defaultValue={defaults.currency}
          error={errors.currency}
          hint="Only MIDs in this currency can be assigned."
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
        <TextField
          label="Amazon store name"
          name="store_name"
          defaultValue={defaults.store_name}
          error={errors.store_name}
          hint="Sent to Amazon as StoreName; buyers see it."
        />
      </div>
      <SelectField
        label="MID routing"
        name="routing_mode"
        defaultValue={defaults.routing_mode}
        error={errors.routing_mode}
        hint="Priority: the first enabled MID with cap room takes the order. Weighted: orders are spread by weight among those with room."
        options={[
          { value: "priority", label: "Priority (fail over in order)" },
          { value: "weighted", label: "Weighted (spread by weight)" },
        ]}
      />
      <SelectField
        label="Capture"
        name="capture_mode"
        defaultValue={defaults.capture_mode}
        error={errors.capture_mode}
        hint="Later: Amazon only authorizes the one-time order (funds held for up to 30 days; the MID's cap stays reserved); support captures it when it ships or voids it. Recurring products are always charged immediately."
        options={[
          { value: "sale", label: "Immediately (sale)" },
          { value: "authorize", label: "Later (authorize only; capture or void from the order page)" },
        ]}
      />
      <div className="flex justify-end gap-3">
        <LinkButton href={cancelHref} variant="secondary">
          Cancel
        </LinkButton>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
