import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listMids } from "@/lib/mids/list-mids";
import { readMidFilter } from "@/lib/mids/read-mid-filter";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { MidFilters } from "@/components/mids/mid-filters";
import { MidTable } from "@/components/mids/mid-table";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "MIDs" };

export default async function MidsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("mids.read");
  const urlValues = readSearchParams(await searchParams);
  const filter = readMidFilter(urlValues);
  const mids = await listMids(getDb(), actor, filter);
  const isFiltered = Object.values(filter).some(Boolean);
  const mayWrite = can(actor.role, "mids.write");
  return (
    <>
      <PageHeader
        title="MIDs"
        description="Your Amazon Pay merchant accounts, with this month's volume against each cap."
        actions={mayWrite && <LinkButton href="/mids/new">New MID</LinkButton>}
      />
      <MidFilters filter={filter} />
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {mids.length === 0 ? (
        isFiltered ? (
          <EmptyState
            title="No MIDs match these filters"
            description="Try a different search or clear the filters."
            action={
              <Link href="/mids" className="text-sm font-medium text-accent-700 hover:underline">
                Clear filters
              </Link>
            }
          />
        ) : (
          <EmptyState
            title="No MIDs yet"
            description={
              mayWrite
                ? "Add your first Amazon Pay merchant account to start taking orders."
                : "An operator has not added any Amazon Pay merchant accounts yet."
            }
            action={mayWrite && <LinkButton href="/mids/new">New MID</LinkButton>}
          />
        )
      ) : (
        <MidTable mids={mids} />
      )}
    </>
  );
}
