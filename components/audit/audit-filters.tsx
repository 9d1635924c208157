import Link from "next/link";
import { AUDIT_ENTITIES } from "@/lib/audit/describe-audit";
import { buttonClasses } from "@/components/ui/button";

const INPUT = "w-full rounded-md border-0 bg-surface py-1.5 px-2.5 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600";
const LABEL = "mb-1 block text-xs font-medium text-muted";

export type AuditFilterValues = { entity?: string; user?: number; from?: string; to?: string; q?: string };

/** A GET form, so a filtered view of the log can be bookmarked and shared. */
export function AuditFilters({ values, users }: { values: AuditFilterValues; users: Array<{ id: number; email: string }> }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter audit log"
      className="mb-4 grid gap-2 rounded-lg border border-zinc-200 bg-surface p-3 shadow-sm sm:grid-cols-2 lg:grid-cols-6"
    >
      <div className="sm:col-span-2">
        <label htmlFor="audit-q" className={LABEL}>
          Search
        </label>
        <input id="audit-q" name="q" type="search" defaultValue={values.q ?? ""} placeholder="Who, action, id, or a value (e.g. 50000)" className={INPUT} />
      </div>
      <div>
        <label htmlFor="audit-entity" className={LABEL}>
          Entity
        </label>
        <select id="audit-entity" name="entity" defaultValue={values.entity ?? ""} className={`${INPUT} pr-8`}>
          <option value="">All entities</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-user" className={LABEL}>
          User
        </label>
        <select id="audit-user" name="user" defaultValue={values.user ? String(values.user) : ""} className={`${INPUT} pr-8`}>
          <option value="">All users</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className={LABEL}>
          From
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} className={INPUT} />
      </div>
      <div>
        <label htmlFor="audit-to" className={LABEL}>
          To
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} className={INPUT} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6 lg:justify-end">
        <button type="submit" className={buttonClasses("primary")}>
          Apply
        </button>
        <Link href="/settings/audit" className={buttonClasses("ghost")}>
          Reset
        </Link>
      </div>
    </form>
  );
}
