import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listAudit } from "@/lib/audit/list-audit";
import { AUDIT_ENTITIES, auditActionLabel, auditEntityHref, auditEntityLabel } from "@/lib/audit/describe-audit";
import { dayBounds } from "@/lib/transactions/transaction-filter";
import { listUsers } from "@/lib/users/manage-users";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { AuditChanges } from "@/components/audit/audit-changes";
import { AuditFilters } from "@/components/audit/audit-filters";
import { buttonClasses } from "@/components/ui/button";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "Audit log" };

const ENTITY_VALUES = AUDIT_ENTITIES.map((e) => e.value);

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("audit.read");
  const urlValues = readSearchParams(await searchParams);
  const values = {
    entity: urlValues.oneOf("entity", ENTITY_VALUES),
    user: urlValues.id("user"),
    from: urlValues.day("from"),
    to: urlValues.day("to"),
    q: urlValues.text("q"),
  };
  const beforeId = urlValues.id("before");
  const { fromMs, toMs } = dayBounds({ from: values.from, to: values.to });
  const db = getDb();
  const { rows, hasMore } = await listAudit(db, actor, { entity: values.entity, actorUserId: values.user, fromMs, toMs, q: values.q, beforeId, limit: 50 });
  const users = await listUsers(db, actor);
  const isFiltered = Object.values(values).some((v) => v !== undefined);
  const query = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...values, user: values.user ? String(values.user) : undefined, ...extra })) if (v) params.set(k, String(v));
    return `/settings/audit?${params.toString()}`;
  };

  return (
    <>
      <PageHeader title="Audit log" description="Every change made in MID Console: who, what, when and from where. Secrets appear only as “changed”." />
      <AuditFilters values={values} users={users} />
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {rows.length === 0 ? (
        <EmptyState
          title="No audit entries"
          description={
            isFiltered
              ? "Nothing matches these filters. Widen the dates or clear the search."
              : "Changes to users, MIDs, campaigns and orders will appear here."
          }
        />
      ) : (
        <Table label="Audit log">
          <thead>
            <tr>
              <Th>When</Th>
              <Th priority="lg">Who</Th>
              <Th>Action</Th>
              <Th priority="md">Entity</Th>
              <Th>Changes</Th>
              <Th priority="xl">IP</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const href = auditEntityHref(row.entity, row.entityId);
              const label = auditEntityLabel(row.entity, row.entityId);
              return (
                <tr key={row.id} className="align-top">
                  <Td className="whitespace-nowrap">
                    <LocalTime ms={row.at} />
                    {/* Below lg the Who column gives its width to the changes; the name moves here. */}
                    <span className="block text-xs text-muted lg:hidden">{row.actorLabel}</span>
                  </Td>
                  <Td priority="lg" className="text-xs">
                    {row.actorLabel}
                  </Td>
                  <Td className="text-sm">
                    <span className="block font-medium text-zinc-900">{auditActionLabel(row.action)}</span>
                    <span className="block font-mono text-xs text-muted">{row.action}</span>
                  </Td>
                  <Td priority="md" className="text-xs whitespace-nowrap">
                    {href ? (
                      <Link href={href} className="text-accent-700 hover:underline">
                        {label}
                      </Link>
                    ) : (
                      label
                    )}
                  </Td>
                  <Td className="min-w-56 md:min-w-72">
                    <AuditChanges before={row.before} after={row.after} currency={row.currency} />
                  </Td>
                  <Td priority="xl" className="font-mono text-xs text-muted">
                    {row.ip ?? "—"}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex justify-end gap-2">
        {beforeId && (
          <Link href={query({})} className={buttonClasses("secondary", "sm")}>
            Newest
          </Link>
        )}
        {hasMore && (
          <Link href={query({ before: String(rows[rows.length - 1].id) })} className={buttonClasses("secondary", "sm")}>
            Older →
          </Link>
        )}
      </div>
    </>
  );
}
