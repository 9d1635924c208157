"use client";

import { useId } from "react";
import { fieldIdIn, useFieldScope } from "@/components/forms/field-scope";
import { cn } from "./cn";

/** A text input or select at the one control height (see CONTROL_HEIGHT in button.tsx). */
const INPUT =
  "block h-9 w-full rounded-md border-0 bg-surface px-3 py-0 text-sm text-fg shadow-sm ring-1 ring-inset ring-line-strong placeholder:text-zinc-500 focus:ring-2 focus:ring-inset focus:ring-accent-600";
const INPUT_ERROR = "ring-red-400 focus:ring-red-500 bg-red-50/30";

type Common = { label: string; name: string; error?: string; hint?: React.ReactNode; className?: string };

/** Inside a FieldScope the id its form's error summary links to; elsewhere still unique, for pages with repeated names. */
function useFieldId(name: string): string {
  const scope = useFieldScope();
  const own = `${name}-${useId().replace(/[^\w-]/g, "")}`;
  return scope ? fieldIdIn(scope, name) : own;
}

function describedBy(id: string, error?: string, hint?: React.ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({ id, label, name, error, hint, className, children }: Common & { id: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700" data-field-error={name}>
          {error}
        </p>
      )}
    </div>
  );
}

/** `leading`/`trailing`: a unit shown inside the input (a currency code, "%"), also read out with it. */
export function TextField({
  label,
  name,
  error,
  hint,
  className,
  leading,
  trailing,
  ...input
}: Common & { leading?: string; trailing?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const id = useFieldId(name);
  const adornment = leading ?? trailing;
  const describedByIds = [describedBy(id, error, hint), adornment ? `${id}-unit` : null].filter(Boolean).join(" ") || undefined;
  const control = (
    <input
      id={id}
      name={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedByIds}
      className={cn(INPUT, error && INPUT_ERROR, leading && (leading.length > 1 ? "pl-12" : "pl-7"), trailing && "pr-9")}
      {...input}
    />
  );
  return (
    <FieldShell id={id} label={label} name={name} error={error} hint={hint} className={className}>
      {adornment ? (
        <div className="relative">
          {control}
          <span
            id={`${id}-unit`}
            data-unit-for={name}
            className={cn("pointer-events-none absolute inset-y-0 flex items-center text-sm text-muted", leading ? "left-0 pl-3" : "right-0 pr-3")}
          >
            {adornment}
          </span>
        </div>
      ) : (
        control
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  className,
  options,
  ...select
}: Common & {
  options: ReadonlyArray<{ value: string; label: string }>;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  const id = useFieldId(name);
  return (
    <FieldShell id={id} label={label} name={name} error={error} hint={hint} className={className}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={cn(INPUT, "pr-8", error && INPUT_ERROR)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  label,
  name,
  hint,
  defaultChecked,
  className,
}: {
  label: string;
  name: string;
  hint?: string;
  defaultChecked?: boolean;
  className?: string;
}) {
  const id = useFieldId(name);
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        id={id}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        className="mt-0.5 h-4 w-4 rounded border-zinc-300 text-accent-600 focus:ring-accent-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-zinc-800">
          {label}
        </label>
        {hint && <p className="text-xs text-muted">{hint}</p>}
      </div>
    </div>
  );
}

export function FormMessage({ tone, children }: { tone: "error" | "success" | "info"; children: React.ReactNode }) {
  const styles = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    info: "border-sky-200 bg-sky-50 text-sky-800",
  }[tone];
  return (
    <div className={cn("rounded-md border px-4 py-3 text-sm", styles)} data-form-message={tone} aria-live="polite">
      {children}
    </div>
  );
}
