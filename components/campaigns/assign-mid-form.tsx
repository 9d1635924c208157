"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { TextField, SelectField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export function AssignMidForm({ action, options }: { action: FormAction; options: Array<{ value: string; label: string }> }) {
  const { state, pending, onSubmit, formRef, errors } = useFormAction(action, { resetOnSuccess: true });
  if (options.length === 0) {
    return <p className="text-sm text-muted">Every MID in this currency is already assigned. Add a MID to assign more.</p>;
  }
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate aria-label="Assign MID" className="space-y-3">
      {state.message && <FormMessage tone={state.status === "success" ? "success" : "error"}>{state.message}</FormMessage>}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <SelectField label="MID" name="mid_id" error={errors.mid_id} options={options} />
        <TextField label="Priority" name="priority" inputMode="numeric" defaultValue="1" error={errors.priority} />
        <TextField label="Weight" name="weight" inputMode="numeric" defaultValue="100" error={errors.weight} />
        <input type="hidden" name="enabled" value="on" />
        <Button type="submit" disabled={pending}>
          Assign
        </Button>
      </div>
    </form>
  );
}
