import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { PageHeader } from "@/components/ui/page-header";
import { LinkButton, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th, Td } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "Campaigns" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("campaigns.read");
  const urlValues = readSearchParams(await searchParams);
  const shown = urlValues.oneOf("status", ["active", "archived", "all"] as const) ?? "active";
  const status = shown === "all" ? undefined : shown;
  const q = urlValues.text("q");
  const campaigns = await listCampaigns(getDb(), actor, { status, q });
  const mayWrite = can(actor.role, "campaigns.write");
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="What landers sell, and which MIDs take the orders."
        actions={mayWrite && <LinkButton href="/campaigns/new">New campaign</LinkButton>}
      />
      <form method="get" className="mb-4 flex flex-wrap gap-2" role="search" aria-label="Filter campaigns">
        <label htmlFor="q" className="sr-only">
          Search campaigns
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q ?? ""}
          placeholder="Search name, store or id…"
          className="min-w-56 flex-1 rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-zinc-300"
        />
        <label htmlFor="status" className="sr-only">
          Status
        </label>
        <select
          id="status"
          name="status"
          defaultValue={shown}
          className="rounded-md border-0 py-1.5 pl-2.5 pr-8 text-sm shadow-sm ring-1 ring-inset ring-zinc-300"
        >
          <option value="active">Active</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </select>
        <button type="submit" className={buttonClasses("primary")}>
          Apply
        </button>
      </form>
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {campaigns.length === 0 ? (
        <EmptyState
          title={q || status !== "active" ? "No campaigns match" : "No campaigns yet"}
          description={
            mayWrite ? "Create a campaign, add its products and assign the MIDs that take its orders." : "A campaign manager has not created campaigns yet."
          }
          action={mayWrite && <LinkButton href="/campaigns/new">New campaign</LinkButton>}
        />
      ) : (
        <Table label="Campaigns">
          <thead>
            <tr>
              <Th priority="md">ID</Th>
              <Th>Campaign</Th>
              <Th priority="md">Currency</Th>
              <Th priority="lg">Routing</Th>
              <Th priority="lg">Capture</Th>
              <Th align="right" priority="lg">
                Products
              </Th>
              <Th align="right" priority="md">
                MIDs taking orders
              </Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} className="hover:bg-zinc-50">
                <Td priority="md" className="tabular text-muted">
                  {c.id}
                </Td>
                <Td>
                  <Link href={`/campaigns/${c.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                    {c.name}
                  </Link>
                  <span className="block text-xs text-muted">{c.storeName}</span>
                </Td>
                <Td priority="md">{c.currency}</Td>
                <Td priority="lg" className="capitalize">
                  {c.routingMode}
                </Td>
                <Td priority="lg">{c.captureMode === "authorize" ? <Badge tone="blue">Later</Badge> : "Immediately"}</Td>
                <Td align="right" priority="lg">
                  {c.productCount}
                </Td>
                <Td align="right" priority="md">
                  <span className={c.enabledMidCount === 0 ? "font-medium text-amber-700" : undefined}>{c.enabledMidCount}</span>
                  <span className="text-muted"> / {c.midCount}</span>
                </Td>
                <Td>{c.status === "active" ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Archived</Badge>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
