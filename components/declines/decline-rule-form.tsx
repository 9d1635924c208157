"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";

export function DeclineRuleForm({ code, label, kind, message, action }: { code: string; label: string; kind: string; message: string; action: FormAction }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} aria-label={`Decline rule ${code}`} className="grid gap-3 sm:grid-cols-[1fr_auto]">
      <div className="space-y-2">
        <p className="font-mono text-xs font-semibold text-zinc-900">{label}</p>
        <label className="sr-only" htmlFor={`message-${code}`}>
          Message for {label}
        </label>
        <textarea
          id={`message-${code}`}
          name="message"
          rows={2}
          defaultValue={message}
          aria-invalid={errors.message ? true : undefined}
          className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600"
        />
        {errors.message && <p className="text-xs font-medium text-red-700">{errors.message}</p>}
      </div>
      <div className="flex items-start gap-2 sm:flex-col sm:items-end">
        <label className="sr-only" htmlFor={`kind-${code}`}>
          Kind for {label}
        </label>
        <select id={`kind-${code}`} name="kind" defaultValue={kind} className="rounded-md border-0 py-1.5 pl-2.5 pr-8 text-sm ring-1 ring-inset ring-zinc-300">
          <option value="soft">Soft (may retry)</option>
          <option value="hard">Hard (change method)</option>
        </select>
        <div className="flex items-center gap-2">
          {state.status === "success" && <span className="text-xs text-emerald-700">{state.message}</span>}
          {state.status === "error" && !errors.message && <span className="text-xs text-red-700">{state.message}</span>}
          <Button type="submit" size="sm" disabled={pending}>
            Save
          </Button>
        </div>
      </div>
    </form>
  );
}
