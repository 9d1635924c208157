import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listIpnEvents } from "@/lib/ipn/ipn-inbox";
import { IPN_DISPOSITIONS, isIpnDisposition } from "@/lib/ipn/ipn-disposition";
import { listSourcesOverCap, REFUSED_PER_SOURCE_PER_HOUR } from "@/lib/ipn/refused-ipn-storage";
import { parseIdParam } from "@/lib/parse-id-param";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClasses } from "@/components/ui/button";
import { DispositionBadge, DISPOSITION_LABELS } from "@/components/ipn/disposition-badge";
import { replayIpnAction } from "./actions";

export const metadata = { title: "IPN inbox" };

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export default async function IpnInboxPage({ searchParams }: { searchParams: Promise<{ show?: string; before?: string }> }) {
  const actor = await requirePageActor("ipn.read");
  const { show, before } = await searchParams;
  // `verified` is kept for old links; any other unknown value shows everything.
  const disposition = isIpnDisposition(show) ? show : undefined;
  const verified = show === "verified" ? true : undefined;
  const current = disposition ?? (verified ? "verified" : undefined);
  const db = getDb();
  const { rows, nextBefore } = await listIpnEvents(db, actor, { verified, disposition, before: parseIdParam(before) ?? undefined, perPage: 50 });
  const capped = await listSourcesOverCap(db);
  const tab = (value: string | undefined, label: string) => (
    <Link
      key={value ?? "all"}
      href={value ? `/ipn?show=${value}` : "/ipn"}
      aria-current={current === value ? "page" : undefined}
      className={
        current === value
          ? "rounded-md bg-surface px-3 py-1 text-xs font-medium text-zinc-900 shadow-sm"
          : "rounded-md px-3 py-1 text-xs font-medium text-zinc-600 hover:text-zinc-900"
      }
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="IPN inbox"
        description="Every notification Amazon (or anyone) posted to /api/amazon/ipn: whether its signature verified, which seller and MID it belongs to, and what it changed or why it was not applied."
      />
      {capped.length > 0 && (
        <div className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" aria-label="Refused sources">
          <p className="font-medium">Rejected notifications are being refused from {capped.length === 1 ? "one address" : `${capped.length} addresses`}.</p>
          <p className="mt-1 text-amber-800">
            Each address may store {REFUSED_PER_SOURCE_PER_HOUR} rejected or unknown-seller notifications per hour; beyond that they are answered 429 and not
            stored.{" "}
            {capped.map((c) => (
              <span key={c.sourceIp} className="mr-3 inline-block font-mono text-xs">
                {c.sourceIp} ({c.refused} stored, last <LocalTime ms={c.lastAt} />)
              </span>
            ))}
          </p>
        </div>
      )}
      <nav aria-label="IPN filter" className="mb-4 inline-flex flex-wrap rounded-md bg-zinc-100 p-0.5">
        {tab(undefined, "All")}
        {IPN_DISPOSITIONS.map((d) => tab(d, DISPOSITION_LABELS[d]))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title="No notifications" description="Amazon sends one for every authorization, capture, refund and order reference change." />
      ) : (
        <Table label="IPN events">
          <thead>
            <tr>
              <Th priority="md">Received</Th>
              <Th>Type</Th>
              <Th priority="lg">Seller · MID</Th>
              <Th>Disposition</Th>
              <Th priority="md">Order</Th>
              <Th priority="xl">Source</Th>
              <Th srOnly>Actions</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-ipn-event={e.id}>
                <Td priority="md">
                  <LocalTime ms={e.receivedAt} />
                </Td>
                <Td className="font-mono text-xs">
                  {e.type ?? "—"}
                  <span className="block text-[11px] text-muted">{e.notificationReferenceId ?? ""}</span>
                </Td>
                <Td priority="lg" className="text-xs">
                  <span className="font-mono">{e.sellerId ?? "—"}</span>
                  {e.midId && (
                    <Link href={`/mids/${e.midId}`} className="block text-accent-700 hover:underline">
                      MID #{e.midId}
                      {e.midTitle ? ` ${e.midTitle}` : ""}
                    </Link>
                  )}
                </Td>
                <Td className="min-w-48 max-w-md md:min-w-64">
                  <DispositionBadge disposition={e.disposition} />
                  {(e.rejectReason ?? e.applyResult) && (
                    <span
                      className={`mt-1 block text-xs ${e.disposition === "applied" || e.disposition === "duplicate" ? "text-zinc-600" : e.disposition === "unmatched" ? "text-zinc-700" : "text-red-700"}`}
                    >
                      {e.rejectReason ?? e.applyResult}
                    </span>
                  )}
                  {e.bodyBytes !== null && e.storedBytes < e.bodyBytes && (
                    <span className="block text-[11px] text-muted">
                      kept the first {formatBytes(e.storedBytes)} of {formatBytes(e.bodyBytes)}
                    </span>
                  )}
                </Td>
                <Td priority="md">
                  {e.orderId ? (
                    <Link href={`/orders/${e.orderId}`} className="text-accent-700 hover:underline">
                      #{e.orderId}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td priority="xl" className="font-mono text-xs text-muted">
                  {e.sourceIp ?? "—"}
                </Td>
                <Td align="right">
                  {e.verified && <ActionButton label="Replay" size="sm" variant="ghost" action={replayIpnAction.bind(null, e.id)} showSuccess />}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {nextBefore && (
        <div className="mt-4 flex justify-end">
          <Link href={`/ipn?${new URLSearchParams({ ...(show && { show }), before: String(nextBefore) })}`} className={buttonClasses("secondary", "sm")}>
            Older →
          </Link>
        </div>
      )}
    </>
  );
}
