import Link from "next/link";
import { TRANSACTION_STATUSES, TRANSACTION_TYPES } from "@/db/schema";
import type { TransactionFilter } from "@/lib/transactions/transaction-filter";
import { buttonClasses } from "@/components/ui/button";

const INPUT = "rounded-md border-0 bg-white py-1.5 px-2.5 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600";

type Option = { id: number; label: string };

/** A GET form: every filter lives in the URL, so a view can be bookmarked and shared. */
export function TransactionFilters({ filter, perPage, mids, campaigns }: { filter: TransactionFilter; perPage: number; mids: Option[]; campaigns: Option[] }) {
  return (
    <form method="get" role="search" aria-label="Filter transactions" className="mb-4 grid gap-2 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm md:grid-cols-3 xl:grid-cols-6">
      <div className="md:col-span-2">
        <label htmlFor="q" className="mb-1 block text-xs font-medium text-zinc-500">Search</label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="Order id, email, S01-…, …-A…/C…/R…, reference" className={`${INPUT} w-full`} />
      </div>
      <div>
        <label htmlFor="from" className="mb-1 block text-xs font-medium text-zinc-500">From</label>
        <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={`${INPUT} w-full`} />
      </div>
      <div>
        <label htmlFor="to" className="mb-1 block text-xs font-medium text-zinc-500">To</label>
        <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={`${INPUT} w-full`} />
      </div>
      <div>
        <label htmlFor="min" className="mb-1 block text-xs font-medium text-zinc-500">Min amount</label>
        <input id="min" name="min" inputMode="decimal" defaultValue={filter.minAmount ?? ""} className={`${INPUT} w-full`} />
      </div>
      <div>
        <label htmlFor="max" className="mb-1 block text-xs font-medium text-zinc-500">Max amount</label>
        <input id="max" name="max" inputMode="decimal" defaultValue={filter.maxAmount ?? ""} className={`${INPUT} w-full`} />
      </div>
      <div>
        <label htmlFor="mid" className="mb-1 block text-xs font-medium text-zinc-500">MID</label>
        <select id="mid" name="mid" defaultValue={filter.midId ? String(filter.midId) : ""} className={`${INPUT} w-full pr-8`}>
          <option value="">All MIDs</option>
          {mids.map((m) => <option key={m.id} value={m.id}>#{m.id} {m.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="campaign" className="mb-1 block text-xs font-medium text-zinc-500">Campaign</label>
        <select id="campaign" name="campaign" defaultValue={filter.campaignId ? String(filter.campaignId) : ""} className={`${INPUT} w-full pr-8`}>
          <option value="">All campaigns</option>
          {campaigns.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="type" className="mb-1 block text-xs font-medium text-zinc-500">Type</label>
        <select id="type" name="type" defaultValue={filter.type ?? ""} className={`${INPUT} w-full pr-8`}>
          <option value="">All types</option>
          {TRANSACTION_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="status" className="mb-1 block text-xs font-medium text-zinc-500">Response</label>
        <select id="status" name="status" defaultValue={filter.status ?? ""} className={`${INPUT} w-full pr-8`}>
          <option value="">All responses</option>
          {TRANSACTION_STATUSES.map((s) => <option key={s} value={s}>{s.replace("_", " ")}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="per" className="mb-1 block text-xs font-medium text-zinc-500">Per page</label>
        <select id="per" name="per" defaultValue={String(perPage)} className={`${INPUT} w-full pr-8`}>
          {[25, 50, 100].map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <button type="submit" className={buttonClasses("primary")}>Apply</button>
        <Link href="/transactions" className={buttonClasses("ghost")}>Reset</Link>
      </div>
    </form>
  );
}
