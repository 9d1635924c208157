"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";

const NUMBER = "w-16 rounded-md border-0 px-2 py-1 text-xs tabular ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600";

/** Priority, weight and the on/off switch of one assigned MID, saved together. */
export function AssignmentControls({
  midTitle,
  priority,
  weight,
  enabled,
  action,
}: {
  midTitle: string;
  priority: number;
  weight: number;
  enabled: boolean;
  action: FormAction;
}) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const error = errors.priority ?? errors.weight ?? (state.status === "error" ? state.message : undefined);
  return (
    <form method="post" onSubmit={onSubmit} aria-label={`Routing of ${midTitle}`} className="flex flex-wrap items-center gap-2">
      <label className="text-xs text-muted">
        <span className="sr-only">Priority of {midTitle}</span>
        <input name="priority" defaultValue={priority} inputMode="numeric" className={NUMBER} aria-label={`Priority of ${midTitle}`} />
      </label>
      <label className="text-xs text-muted">
        <span className="sr-only">Weight of {midTitle}</span>
        <input name="weight" defaultValue={weight} inputMode="numeric" className={NUMBER} aria-label={`Weight of ${midTitle}`} />
      </label>
      <label className="flex items-center gap-1.5 text-xs text-zinc-700">
        <input
          type="checkbox"
          name="enabled"
          defaultChecked={enabled}
          className="h-4 w-4 rounded border-zinc-300 text-accent-700"
          aria-label={`${midTitle} takes orders`}
        />
        On
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Save
      </Button>
      {error && <span className="text-xs text-red-700">{error}</span>}
      {state.status === "success" && <span className="text-xs text-emerald-700">Saved</span>}
    </form>
  );
}
