import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { countOrders, listOrders, type OrderPage, type OrderSort } from "@/lib/orders/list-orders";
import { orderFilterParams, readOrderFilter } from "@/lib/orders/read-order-filter";
import { readSearchParams, type IgnoredParam, type SearchParams } from "@/lib/search-params/read-search-params";
import { listFilterOptions } from "@/lib/transactions/filter-options";
import { listDatePresets } from "@/lib/search-params/date-presets";
import { appTimeZone } from "@/lib/money/calendar";
import { statusLabel } from "@/lib/status-vocabulary";
import { ORDER_STATUSES } from "@/lib/values/order-statuses";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { Money } from "@/components/ui/money";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderMoneyNote } from "@/components/orders/order-money-note";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";
import { DatePresets, FilterInput, FilterPanel, FilterSelect } from "@/components/filters/filter-panel";
import { SortLink } from "@/components/filters/sort-link";

export const metadata = { title: "Orders" };

/** A column's sort state and the sort its header link asks for (high to low first, then flipped). */
function columnSort(current: OrderSort, column: "date" | "amount"): { state: "ascending" | "descending" | "none"; next: OrderSort } {
  const [high, low]: [OrderSort, OrderSort] = column === "date" ? ["newest", "oldest"] : ["amount-desc", "amount-asc"];
  if (current === high) return { state: "descending", next: low };
  if (current === low) return { state: "ascending", next: high };
  return { state: "none", next: high };
}

/**
 * The one currency the filter narrows the list to (through its MID or campaign), if any. Totals
 * are compared in minor units, which mean different money in each currency (and JPY has none), so
 * sorting by total is offered only within one currency.
 */
function pinnedCurrency(
  filter: { midId?: number; campaignId?: number },
  options: { mids: { id: number; currency: string }[]; campaigns: { id: number; currency: string }[] },
): string | undefined {
  if (filter.midId) return options.mids.find((m) => m.id === filter.midId)?.currency;
  if (filter.campaignId) return options.campaigns.find((c) => c.id === filter.campaignId)?.currency;
  return undefined;
}

/** An amount sort without one currency falls back to newest first (its cursors meant totals), and says so. */
function honestSort(page: OrderPage, currency: string | undefined): { page: OrderPage; ignored: IgnoredParam[] } {
  if (currency || !page.sort.startsWith("amount")) return { page, ignored: [] };
  return {
    page: { sort: "newest", perPage: page.perPage },
    ignored: [{ name: "sort", value: page.sort, rule: "sorting by total compares one currency: choose a MID or campaign first" }],
  };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("orders.read");
  const urlValues = readSearchParams(await searchParams);
  const { filter, page: asked } = readOrderFilter(urlValues);
  const db = getDb();
  const options = await listFilterOptions(db, actor);
  const currency = pinnedCurrency(filter, options);
  const { page, ignored } = honestSort(asked, currency);
  const { rows, previous, next } = await listOrders(db, actor, filter, page);
  const total = await countOrders(db, actor, filter);
  const params = orderFilterParams(filter, page);
  const link = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(extra)) {
      if (v === undefined) p.delete(k);
      else p.set(k, v);
    }
    return `/orders?${p}`;
  };
  const byDate = columnSort(page.sort, "date");
  const byAmount = columnSort(page.sort, "amount");
  const [back, forward] = page.sort === "newest" ? ["Newer", "Older"] : page.sort === "oldest" ? ["Older", "Newer"] : ["Previous", "Next"];
  const timeZone = appTimeZone();
  const filtered = Boolean(filter.q || filter.status || filter.from || filter.to || filter.campaignId || filter.midId);

  return (
    <>
      <PageHeader
        title="Orders"
        description="Every order placed through the API, Order Entry or a rebill."
        actions={
          <a href={`/orders/export?${orderFilterParams(filter, { sort: page.sort, perPage: 25 })}`} className={buttonClasses("secondary")} download>
            Export CSV
          </a>
        }
      />
      <DatePresets
        presets={listDatePresets(new Date(), timeZone)}
        href={(range) => link({ ...range, after: undefined, before: undefined })}
        active={filter}
        timeZone={timeZone}
      />
      <FilterPanel label="Filter orders" resetHref="/orders">
        <FilterInput name="q" label="Search orders" type="search" value={filter.q} placeholder="Order id, email, S01-…, C01-…" wide />
        <FilterInput name="from" label="From" type="date" value={filter.from} />
        <FilterInput name="to" label="To" type="date" value={filter.to} />
        <FilterSelect
          name="status"
          label="Status"
          value={filter.status}
          options={[["", "All statuses"], ...ORDER_STATUSES.map((s) => [s, statusLabel("order", s)] as const)]}
        />
        <FilterSelect
          name="campaign"
          label="Campaign"
          value={filter.campaignId ? String(filter.campaignId) : ""}
          options={[["", "All campaigns"], ...options.campaigns.map((c) => [String(c.id), c.name] as const)]}
        />
        <FilterSelect
          name="mid"
          label="MID"
          value={filter.midId ? String(filter.midId) : ""}
          options={[["", "All MIDs"], ...options.mids.map((m) => [String(m.id), `#${m.id} ${m.title}`] as const)]}
        />
        <FilterSelect name="per" label="Per page" value={String(page.perPage)} options={["25", "50", "100"].map((n) => [n, n] as const)} />
        {page.sort !== "newest" && <input type="hidden" name="sort" value={page.sort} />}
      </FilterPanel>
      <IgnoredParamsNote ignored={[...urlValues.ignored, ...ignored]} />
      <p className="mb-3 text-sm text-zinc-600" data-testid="orders-count">
        <span className="font-medium text-zinc-900">{total.toLocaleString("en-US")}</span> order{total === 1 ? "" : "s"}
        {filtered && " match"}
      </p>
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No orders match" : "No orders yet"}
          description={filtered ? "Check the id or email, widen the dates, or clear a filter." : "Orders placed through the API or Order Entry appear here."}
          action={
            filtered ? (
              <Link href="/orders" className="text-sm font-medium text-accent-700 hover:underline">
                Clear filters
              </Link>
            ) : undefined
          }
        />
      ) : (
        <Table label="Orders">
          <thead>
            <tr>
              <Th>Order</Th>
              <Th priority="md" sort={byDate.state}>
                <SortLink label="Date" href={link({ sort: byDate.next, after: undefined, before: undefined })} state={byDate.state} />
              </Th>
              <Th priority="md">Customer</Th>
              <Th priority="lg">Campaign · MID</Th>
              <Th priority="xl">Amazon id</Th>
              <Th>Status</Th>
              {currency ? (
                <Th align="right" sort={byAmount.state}>
                  <SortLink label="Total" href={link({ sort: byAmount.next, after: undefined, before: undefined })} state={byAmount.state} />
                </Th>
              ) : (
                <Th align="right">
                  <span title="Choose a MID or campaign (one currency) to sort by total">Total</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id} className="hover:bg-zinc-50">
                <Td>
                  <a href={`/orders/${o.id}`} className="font-medium text-accent-700 hover:underline">
                    #{o.id}
                  </a>
                  {o.parentOrderId && <span className="block text-xs text-muted">upsell of #{o.parentOrderId}</span>}
                </Td>
                <Td priority="md">
                  <LocalTime ms={o.createdAt} />
                </Td>
                <Td priority="md">
                  <span className="block">{o.name || "—"}</span>
                  <span className="block text-xs text-muted">{o.email ?? ""}</span>
                </Td>
                <Td priority="lg" className="text-xs">
                  <span className="block">{o.campaignName ?? "—"}</span>
                  <span className="block text-muted">
                    #{o.midId} {o.midTitle}
                  </span>
                </Td>
                <Td priority="xl" className="font-mono text-xs">
                  {o.amazonId ?? "—"}
                </Td>
                <Td>
                  <OrderStatusBadge status={o.status} />
                  <OrderMoneyNote
                    status={o.status}
                    totalMinor={o.totalMinor}
                    currency={o.currency}
                    refundPendingMinor={o.refundPendingMinor}
                    capturePendingMinor={o.capturePendingMinor}
                  />
                </Td>
                <Td align="right">
                  <Money minor={o.totalMinor} currency={o.currency} />
                  {o.refundedMinor > 0 && (
                    <span className="block text-xs text-violet-700">
                      <Money minor={-o.refundedMinor} currency={o.currency} /> refunded
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
        <span className="text-muted">{rows.length} shown</span>
        <span className="flex gap-2">
          {previous && (
            <Link href={link({ before: previous, after: undefined })} className={buttonClasses("secondary", "sm")}>
              ← {back}
            </Link>
          )}
          {next && (
            <Link href={link({ after: next, before: undefined })} className={buttonClasses("secondary", "sm")}>
              {forward} →
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
