import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listIpnEvents } from "@/lib/ipn/ipn-inbox";
import { parseIdParam } from "@/lib/parse-id-param";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClasses } from "@/components/ui/button";
import { replayIpnAction } from "./actions";

export const metadata = { title: "IPN inbox" };

export default async function IpnInboxPage({ searchParams }: { searchParams: Promise<{ show?: string; before?: string }> }) {
  const actor = await requirePageActor("ipn.read");
  const { show, before } = await searchParams;
  const verified = show === "rejected" ? false : show === "verified" ? true : undefined;
  const { rows, nextBefore } = listIpnEvents(getDb(), actor, { verified, before: parseIdParam(before) ?? undefined, perPage: 50 });
  const tab = (value: string | undefined, label: string) => (
    <Link href={value ? `/ipn?show=${value}` : "/ipn"} aria-current={show === value ? "page" : undefined} className={show === value ? "rounded-md bg-white px-3 py-1 text-xs font-medium text-zinc-900 shadow-sm" : "rounded-md px-3 py-1 text-xs font-medium text-zinc-600 hover:text-zinc-900"}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title="IPN inbox" description="Every notification Amazon (or anyone) posted to /api/amazon/ipn: whether its signature verified, what it matched and what it changed." />
      <nav aria-label="IPN filter" className="mb-4 inline-flex rounded-md bg-zinc-100 p-0.5">
        {tab(undefined, "All")}
        {tab("verified", "Verified")}
        {tab("rejected", "Rejected")}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title="No notifications" description="Amazon sends one for every authorization, capture, refund and order reference change." />
      ) : (
        <Table label="IPN events">
          <thead>
            <tr>
              <Th>Received</Th>
              <Th>Type</Th>
              <Th>Signature</Th>
              <Th>Order</Th>
              <Th>Result</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-ipn-event={e.id}>
                <Td><LocalTime ms={e.receivedAt} /></Td>
                <Td className="font-mono text-xs">{e.type ?? "—"}<span className="block text-[11px] text-zinc-400">{e.notificationReferenceId ?? ""}</span></Td>
                <Td>{e.verified ? <Badge tone="green">Verified</Badge> : <Badge tone="red">Rejected</Badge>}{e.rejectReason && <span className="block max-w-xs text-[11px] text-red-700">{e.rejectReason}</span>}</Td>
                <Td>{e.orderId ? <a href={`/orders/${e.orderId}`} className="text-accent-700 hover:underline">#{e.orderId}</a> : "—"}</Td>
                <Td className="text-xs">{e.applyResult ?? (e.verified ? "" : "not applied")}</Td>
                <Td align="right">{e.verified && <ActionButton label="Replay" size="sm" variant="ghost" action={replayIpnAction.bind(null, e.id)} showSuccess />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {nextBefore && (
        <div className="mt-4 flex justify-end">
          <Link href={`/ipn?${new URLSearchParams({ ...(show && { show }), before: String(nextBefore) })}`} className={buttonClasses("secondary", "sm")}>Older →</Link>
        </div>
      )}
    </>
  );
}
