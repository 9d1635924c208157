import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { DatePreset } from "@/lib/search-params/date-presets";

/**
 * The labelled filter panel shared by the list screens (/transactions, /orders): a GET form, so
 * every filter lives in the URL and a view can be bookmarked and shared.
 */
const INPUT = "w-full rounded-md border-0 bg-surface py-1.5 px-2.5 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600";

export function FilterPanel({ label, resetHref, children }: { label: string; resetHref: string; children: React.ReactNode }) {
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
      className="mb-4 grid gap-2 rounded-lg border border-zinc-200 bg-surface p-3 shadow-sm sm:grid-cols-2 md:grid-cols-4 xl:grid-cols-6"
    >
      {children}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Apply
        </button>
        <Link href={resetHref} className={buttonClasses("ghost")}>
          Reset
        </Link>
      </div>
    </form>
  );
}

function Labelled({ id, label, wide, children }: { id: string; label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={cn("min-w-0", wide && "sm:col-span-2")}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

export function FilterInput({
  name,
  label,
  value,
  type = "text",
  placeholder,
  inputMode,
  wide,
}: {
  name: string;
  label: string;
  value?: string;
  type?: "text" | "search" | "date";
  placeholder?: string;
  inputMode?: "decimal";
  wide?: boolean;
}) {
  return (
    <Labelled id={name} label={label} wide={wide}>
      <input id={name} name={name} type={type} defaultValue={value ?? ""} placeholder={placeholder} inputMode={inputMode} className={INPUT} />
    </Labelled>
  );
}

export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <Labelled id={name} label={label}>
      <select id={name} name={name} defaultValue={value ?? ""} className={`${INPUT} pr-8`}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/**
 * Quick date ranges as links (the other filters kept), with the time zone the days are in named,
 * since "today" for the merchant is not "today" for every reader.
 */
export function DatePresets({
  presets,
  href,
  active,
  timeZone,
}: {
  presets: DatePreset[];
  href: (range: { from: string; to: string }) => string;
  active: { from?: string; to?: string };
  timeZone: string;
}) {
  return (
    <nav aria-label="Date range" className="mb-3 flex flex-wrap items-center gap-1.5 text-sm">
      {presets.map((p) => {
        const on = p.from === active.from && p.to === active.to;
        return (
          <Link
            key={p.label}
            href={href(p)}
            aria-current={on ? "true" : undefined}
            className={cn(
              "rounded-full px-3 py-1 ring-1 ring-inset",
              on ? "bg-accent-600 text-white ring-accent-600" : "bg-surface text-zinc-700 ring-zinc-300 hover:bg-zinc-50",
            )}
          >
            {p.label}
          </Link>
        );
      })}
      <span className="ml-1 text-xs text-muted">Days in {timeZone} (merchant time zone)</span>
    </nav>
  );
}
