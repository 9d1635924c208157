import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listCustomers } from "@/lib/customers/list-customers";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { LocalTime } from "@/components/ui/local-time";
import { Money } from "@/components/ui/money";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("customers.read");
  const urlValues = readSearchParams(await searchParams);
  const q = urlValues.text("q");
  const { rows, nextBefore } = await listCustomers(getDb(), actor, { q, before: urlValues.id("before"), perPage: 50 });
  return (
    <>
      <PageHeader title="Customers" description="Buyers, de-duplicated by email, newest first. Lifetime value is captured less refunded, per currency." />
      <form method="get" role="search" aria-label="Search customers" className="mb-4 flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search customers
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q ?? ""}
          placeholder="Email or name…"
          className="min-w-64 flex-1 rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-zinc-300"
        />
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
      </form>
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {rows.length === 0 ? (
        <EmptyState
          title={q ? "No customer matches" : "No customers yet"}
          description={q ? "Try the full email address." : "Customers appear with their first order."}
        />
      ) : (
        <Table label="Customers">
          <thead>
            <tr>
              <Th>Customer</Th>
              <Th align="right" priority="md">
                Orders
              </Th>
              <Th align="right">Lifetime value (net)</Th>
              <Th align="right" priority="md">
                Refunds
              </Th>
              <Th priority="lg">Last order</Th>
              <Th priority="lg">Subscriptions</Th>
              <Th priority="xl">Since</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="hover:bg-zinc-50">
                <Td>
                  <a href={`/customers/${c.id}`} className="font-medium text-accent-700 hover:underline">
                    {[c.firstName, c.lastName].filter(Boolean).join(" ") || `#${c.id}`}
                  </a>
                  <span className="block text-xs text-muted">{c.email}</span>
                </Td>
                <Td align="right" priority="md">
                  {c.orderCount}
                </Td>
                <Td align="right">
                  {c.money.length === 0 ? (
                    <span className="text-muted">—</span>
                  ) : (
                    c.money.map((m) => (
                      <span key={m.currency} className="block font-medium">
                        <Money minor={m.capturedMinor - m.refundedMinor} currency={m.currency} code={c.money.length > 1 || m.currency !== "USD"} />
                      </span>
                    ))
                  )}
                </Td>
                <Td align="right" priority="md">
                  {c.money.every((m) => m.refundedMinor === 0) ? (
                    <span className="text-muted">—</span>
                  ) : (
                    c.money
                      .filter((m) => m.refundedMinor > 0)
                      .map((m) => (
                        <span key={m.currency} className="block text-violet-700">
                          <Money minor={-m.refundedMinor} currency={m.currency} code={c.money.length > 1 || m.currency !== "USD"} />
                        </span>
                      ))
                  )}
                </Td>
                <Td priority="lg">
                  {c.lastOrderId ? (
                    <>
                      <a href={`/orders/${c.lastOrderId}`} className="text-accent-700 hover:underline">
                        #{c.lastOrderId}
                      </a>
                      <span className="block text-xs text-muted">
                        <LocalTime ms={c.lastOrderAt as number} />
                      </span>
                    </>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td priority="lg">
                  {c.subscriptions === 0 ? (
                    <span className="text-muted">None</span>
                  ) : (
                    <span className="flex flex-wrap gap-1">
                      {c.activeSubscriptions > 0 && <StatusBadge kind="subscription" status="active" />}
                      <span className="text-xs text-zinc-600">
                        {c.activeSubscriptions} of {c.subscriptions} active
                      </span>
                    </span>
                  )}
                </Td>
                <Td priority="xl">
                  <LocalTime ms={c.createdAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {nextBefore && (
        <div className="mt-4 flex justify-end">
          <Link href={`/customers?${new URLSearchParams({ ...(q && { q }), before: String(nextBefore) })}`} className={buttonClasses("secondary", "sm")}>
            Older →
          </Link>
        </div>
      )}
    </>
  );
}
