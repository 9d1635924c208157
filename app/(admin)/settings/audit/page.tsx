import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listAudit } from "@/lib/audit/list-audit";
import { listUsers } from "@/lib/users/manage-users";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { AuditChanges } from "@/components/audit/audit-changes";
import { buttonClasses } from "@/components/ui/button";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "Audit log" };

const ENTITIES = ["mid", "user"] as const;
const SELECT = "rounded-md border-0 bg-white py-1.5 pl-2.5 pr-8 text-sm shadow-sm ring-1 ring-inset ring-zinc-300";

function entityHref(entity: string, entityId: string | null): string | null {
  if (!entityId) return null;
  if (entity === "mid") return `/mids/${entityId}`;
  return null;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("audit.read");
  const urlValues = readSearchParams(await searchParams);
  const entity = urlValues.oneOf("entity", ENTITIES);
  const userId = urlValues.id("user");
  const beforeId = urlValues.id("before");
  const db = getDb();
  const { rows, hasMore } = listAudit(db, actor, { entity, actorUserId: userId, beforeId, limit: 50 });
  const users = listUsers(db, actor);
  const query = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ entity, user: userId ? String(userId) : undefined, ...extra })) if (v) params.set(k, v);
    return `/settings/audit?${params.toString()}`;
  };

  return (
    <>
      <PageHeader title="Audit log" description="Every change to users and MIDs: who, what, when and from where. Secrets appear only as “changed”." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter audit log">
        <label htmlFor="entity" className="sr-only">Entity</label>
        <select id="entity" name="entity" defaultValue={entity ?? ""} className={SELECT}>
          <option value="">All entities</option>
          <option value="mid">MIDs</option>
          <option value="user">Users</option>
        </select>
        <label htmlFor="user" className="sr-only">User</label>
        <select id="user" name="user" defaultValue={userId ? String(userId) : ""} className={SELECT}>
          <option value="">All users</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.email}</option>)}
        </select>
        <button type="submit" className={buttonClasses("secondary")}>Apply</button>
        <Link href="/settings/audit" className={buttonClasses("ghost")}>Reset</Link>
      </form>
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {rows.length === 0 ? (
        <EmptyState title="No audit entries" description={entity || userId ? "Nothing matches these filters." : "Changes to users and MIDs will appear here."} />
      ) : (
        <Table label="Audit log">
          <thead>
            <tr>
              <Th>When</Th>
              <Th priority="md">Who</Th>
              <Th>Action</Th>
              <Th priority="md">Entity</Th>
              <Th>Changes</Th>
              <Th priority="xl">IP</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const href = entityHref(row.entity, row.entityId);
              return (
                <tr key={row.id} className="align-top">
                  <Td><LocalTime ms={row.at} /></Td>
                  <Td priority="md" className="text-xs">{row.actorLabel}</Td>
                  <Td className="font-mono text-xs">{row.action}</Td>
                  <Td priority="md" className="text-xs">
                    {href ? <Link href={href} className="text-accent-700 hover:underline">{row.entity} #{row.entityId}</Link> : `${row.entity} #${row.entityId ?? "—"}`}
                  </Td>
                  <Td className="min-w-56 md:min-w-72"><AuditChanges before={row.before} after={row.after} /></Td>
                  <Td priority="xl" className="font-mono text-xs text-zinc-500">{row.ip ?? "—"}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex justify-end gap-2">
        {beforeId && <Link href={query({})} className={buttonClasses("secondary", "sm")}>Newest</Link>}
        {hasMore && <Link href={query({ before: String(rows[rows.length - 1].id) })} className={buttonClasses("secondary", "sm")}>Older →</Link>}
      </div>
    </>
  );
}
