import { CURRENCIES } from "@/lib/values/currencies";
import { REGIONS } from "@/lib/values/regions";
import type { MidListFilter } from "@/lib/mids/list-mids";
import { buttonClasses } from "@/components/ui/button";
import Link from "next/link";

const SELECT = "rounded-md border-0 bg-surface py-1.5 pl-2.5 pr-8 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600";

function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: ReadonlyArray<readonly [string, string]> }) {
  return (
    <>
      <label className="sr-only" htmlFor={name}>
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={SELECT}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

/** A plain GET form: every filter lands in the URL, so a view can be bookmarked and shared. */
export function MidFilters({ filter }: { filter: MidListFilter }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filter MIDs">
      <div className="min-w-56 flex-1">
        <label htmlFor="q" className="sr-only">
          Search MIDs
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          placeholder="Search title, Seller ID, number…"
          className={`${SELECT} w-full pr-2.5`}
        />
      </div>
      <FilterSelect name="region" label="Region" value={filter.region} options={[["", "All regions"], ...REGIONS.map((r) => [r, r] as const)]} />
      <FilterSelect name="currency" label="Currency" value={filter.currency} options={[["", "All currencies"], ...CURRENCIES.map((c) => [c, c] as const)]} />
      <FilterSelect
        name="mode"
        label="Mode"
        value={filter.mode}
        options={[
          ["", "Sandbox & live"],
          ["sandbox", "Sandbox"],
          ["live", "Live"],
        ]}
      />
      <FilterSelect
        name="status"
        label="Status"
        value={filter.status}
        options={[
          ["", "Enabled & disabled"],
          ["enabled", "Enabled"],
          ["disabled", "Disabled"],
        ]}
      />
      <button type="submit" className={buttonClasses("primary")}>
        Apply
      </button>
      <Link href="/mids" className={buttonClasses("ghost")}>
        Reset
      </Link>
    </form>
  );
}
