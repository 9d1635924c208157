import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listOrders } from "@/lib/orders/list-orders";
import { readOrderFilter } from "@/lib/orders/read-order-filter";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { ORDER_STATUSES } from "@/db/schema/orders";
import { can } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { Money } from "@/components/ui/money";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "Orders" };

const INPUT = "rounded-md border-0 py-1.5 px-2.5 text-sm shadow-sm ring-1 ring-inset ring-zinc-300";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("orders.read");
  const urlValues = readSearchParams(await searchParams);
  const filter = readOrderFilter(urlValues);
  const db = getDb();
  const { rows, nextBefore } = listOrders(db, actor, filter);
  const campaigns = can(actor.role, "campaigns.read") ? listCampaigns(db, actor, {}) : [];
  const query = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const base = { status: filter.status, campaign: filter.campaignId?.toString(), mid: filter.midId?.toString(), from: filter.from, to: filter.to, q: filter.q, per: String(filter.perPage) };
    for (const [k, v] of Object.entries({ ...base, ...extra })) if (v) params.set(k, v);
    return `/orders?${params}`;
  };
  return (
    <>
      <PageHeader title="Orders" description="Newest first. Search by order id, email or Amazon order reference / billing agreement id." />
      <form method="get" role="search" aria-label="Filter orders" className="mb-4 flex flex-wrap items-end gap-2">
        <label htmlFor="q" className="sr-only">Search orders</label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="Order id, email, S01-…" className={`${INPUT} min-w-56 flex-1`} />
        <label htmlFor="status" className="sr-only">Status</label>
        <select id="status" name="status" defaultValue={filter.status ?? ""} className={`${INPUT} pr-8`}>
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((s) => <option key={s} value={s}>{s.replace("_", " ")}</option>)}
        </select>
        {campaigns.length > 0 && (
          <>
            <label htmlFor="campaign" className="sr-only">Campaign</label>
            <select id="campaign" name="campaign" defaultValue={filter.campaignId ? String(filter.campaignId) : ""} className={`${INPUT} pr-8`}>
              <option value="">All campaigns</option>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </>
        )}
        <label className="text-xs text-zinc-500" htmlFor="from">From</label>
        <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={INPUT} />
        <label className="text-xs text-zinc-500" htmlFor="to">To</label>
        <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={INPUT} />
        <button type="submit" className={buttonClasses("secondary")}>Apply</button>
        <Link href="/orders" className={buttonClasses("ghost")}>Reset</Link>
      </form>
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {rows.length === 0 ? (
        <EmptyState title={filter.q || filter.status || filter.from ? "No orders match" : "No orders yet"} description={filter.q ? "Check the id or email, or clear the filters." : "Orders placed through the API or Order Entry appear here."} />
      ) : (
        <Table label="Orders">
          <thead>
            <tr>
              <Th>Order</Th>
              <Th priority="md">Date</Th>
              <Th priority="md">Customer</Th>
              <Th priority="lg">Campaign · MID</Th>
              <Th priority="xl">Amazon id</Th>
              <Th>Status</Th>
              <Th align="right">Total</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id} className="hover:bg-zinc-50">
                <Td><a href={`/orders/${o.id}`} className="font-medium text-accent-700 hover:underline">#{o.id}</a>{o.parentOrderId && <span className="block text-xs text-zinc-500">upsell of #{o.parentOrderId}</span>}</Td>
                <Td priority="md"><LocalTime ms={o.createdAt} /></Td>
                <Td priority="md"><span className="block">{o.name || "—"}</span><span className="block text-xs text-zinc-500">{o.email ?? ""}</span></Td>
                <Td priority="lg" className="text-xs"><span className="block">{o.campaignName ?? "—"}</span><span className="block text-zinc-500">#{o.midId} {o.midTitle}</span></Td>
                <Td priority="xl" className="font-mono text-xs">{o.amazonId ?? "—"}</Td>
                <Td><OrderStatusBadge status={o.status} /></Td>
                <Td align="right"><Money minor={o.totalMinor} currency={o.currency} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex items-center justify-between text-sm">
        <span className="text-zinc-500">{rows.length} shown</span>
        <span className="flex gap-2">
          {filter.before && <Link href={query({ before: undefined })} className={buttonClasses("secondary", "sm")}>Newest</Link>}
          {nextBefore && <Link href={query({ before: String(nextBefore) })} className={buttonClasses("secondary", "sm")}>Older →</Link>}
        </span>
      </div>
    </>
  );
}
