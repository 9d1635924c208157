import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listCustomers } from "@/lib/customers/list-customers";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("customers.read");
  const urlValues = readSearchParams(await searchParams);
  const q = urlValues.text("q");
  const { rows, nextBefore } = listCustomers(getDb(), actor, { q, before: urlValues.id("before"), perPage: 50 });
  return (
    <>
      <PageHeader title="Customers" description="Buyers, de-duplicated by email, with their orders." />
      <form method="get" role="search" aria-label="Search customers" className="mb-4 flex gap-2">
        <label htmlFor="q" className="sr-only">Search customers</label>
        <input id="q" name="q" type="search" defaultValue={q ?? ""} placeholder="Email or name…" className="min-w-64 flex-1 rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-zinc-300" />
        <button type="submit" className={buttonClasses("secondary")}>Search</button>
      </form>
      <IgnoredParamsNote ignored={urlValues.ignored} />
      {rows.length === 0 ? (
        <EmptyState title={q ? "No customer matches" : "No customers yet"} description={q ? "Try the full email address." : "Customers appear with their first order."} />
      ) : (
        <Table label="Customers">
          <thead><tr><Th>Customer</Th><Th>Email</Th><Th align="right">Orders</Th><Th priority="md">Since</Th></tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="hover:bg-zinc-50">
                <Td><a href={`/customers/${c.id}`} className="font-medium text-accent-700 hover:underline">{[c.firstName, c.lastName].filter(Boolean).join(" ") || `#${c.id}`}</a></Td>
                <Td className="text-xs">{c.email}</Td>
                <Td align="right">{c.orderCount}</Td>
                <Td priority="md"><LocalTime ms={c.createdAt} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {nextBefore && <div className="mt-4 flex justify-end"><Link href={`/customers?${new URLSearchParams({ ...(q && { q }), before: String(nextBefore) })}`} className={buttonClasses("secondary", "sm")}>Older →</Link></div>}
    </>
  );
}
