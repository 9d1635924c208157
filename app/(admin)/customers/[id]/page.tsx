import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { getCustomer } from "@/lib/customers/list-customers";
import { parseIdParam } from "@/lib/parse-id-param";
import { DomainError } from "@/lib/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { Money } from "@/components/ui/money";
import { LocalTime } from "@/components/ui/local-time";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderMoneyNote } from "@/components/orders/order-money-note";
import { titleOfCustomer } from "@/lib/page-titles/entity-titles";

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) => ({ title: await titleOfCustomer((await params).id) });

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("customers.read");
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  let detail;
  try {
    detail = await getCustomer(getDb(), actor, id);
  } catch (error) {
    if (error instanceof DomainError) notFound();
    throw error;
  }
  const { customer, orders } = detail;
  return (
    <>
      <PageHeader
        back={{ href: "/customers", label: "Customers" }}
        title={[customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email}
        description={`${customer.email}${customer.phone ? ` · ${customer.phone}` : ""}`}
      />
      <Table label="Customer orders">
        <thead>
          <tr>
            <Th>Order</Th>
            <Th priority="md">Date</Th>
            <Th priority="lg">Amazon id</Th>
            <Th>Status</Th>
            <Th align="right">Total</Th>
            <Th align="right" priority="md">
              Refunded
            </Th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <Td>
                <Link href={`/orders/${o.id}`} className="font-medium text-accent-700 hover:underline">
                  #{o.id}
                </Link>
              </Td>
              <Td priority="md">
                <LocalTime ms={o.createdAt} />
              </Td>
              <Td priority="lg" className="font-mono text-xs">
                {o.amazonId ?? "—"}
              </Td>
              <Td>
                <OrderStatusBadge status={o.status} />
                <OrderMoneyNote status={o.status} totalMinor={o.totalMinor} currency={o.currency} />
              </Td>
              <Td align="right">
                <Money minor={o.totalMinor} currency={o.currency} />
              </Td>
              <Td align="right" priority="md">
                {o.refundedMinor > 0 ? (
                  <span className="text-violet-700">
                    <Money minor={-o.refundedMinor} currency={o.currency} />
                  </span>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
