import { CURRENCIES, REGIONS } from "@/lib/mids/mid-rules";
import type { MidListFilter } from "@/lib/mids/list-mids";
import { buttonClasses } from "@/components/ui/button";
import Link from "next/link";

const SELECT = "rounded-md border-0 bg-white py-1.5 pl-2.5 pr-8 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600";

/** A plain GET form: every filter lands in the URL, so a view can be bookmarked and shared. */
export function MidFilters({ filter }: { filter: MidListFilter }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filter MIDs">
      <div className="min-w-56 flex-1">
        <label htmlFor="q" className="sr-only">
          Search MIDs
        </label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="Search title, Seller ID, number…" className={`${SELECT} w-full pr-2.5`} />
      </div>
      <label className="sr-only" htmlFor="region">Region</label>
      <select id="region" name="region" defaultValue={filter.region ?? ""} className={SELECT}>
        <option value="">All regions</option>
        {REGIONS.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      <label className="sr-only" htmlFor="currency">Currency</label>
      <select id="currency" name="currency" defaultValue={filter.currency ?? ""} className={SELECT}>
        <option value="">All currencies</option>
        {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <label className="sr-only" htmlFor="mode">Mode</label>
      <select id="mode" name="mode" defaultValue={filter.mode ?? ""} className={SELECT}>
        <option value="">Sandbox & live</option>
        <option value="sandbox">Sandbox</option>
        <option value="live">Live</option>
      </select>
      <label className="sr-only" htmlFor="status">Status</label>
      <select id="status" name="status" defaultValue={filter.status ?? ""} className={SELECT}>
        <option value="">Enabled & disabled</option>
        <option value="enabled">Enabled</option>
        <option value="disabled">Disabled</option>
      </select>
      <button type="submit" className={buttonClasses("secondary")}>Apply</button>
      <Link href="/mids" className={buttonClasses("ghost")}>Reset</Link>
    </form>
  );
}
