import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listTransactions, parseCursor } from "@/lib/transactions/list-transactions";
import { summarizeTransactions } from "@/lib/transactions/summarize-transactions";
import { readTransactionFilter, transactionFilterParams } from "@/lib/transactions/transaction-filter";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { listFilterOptions } from "@/lib/transactions/filter-options";
import { listDatePresets } from "@/lib/search-params/date-presets";
import { appTimeZone } from "@/lib/money/calendar";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Th, Td } from "@/components/ui/table";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { TransactionFilters } from "@/components/transactions/transaction-filters";
import { TransactionSummaryPanel } from "@/components/transactions/transaction-summary";
import { TransactionAmount } from "@/components/transactions/transaction-amount";
import { ReasonNote } from "@/components/transactions/reason-note";
import { DatePresets } from "@/components/filters/filter-panel";
import { statusLabel } from "@/lib/status-vocabulary";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";

export const metadata = { title: "Transactions" };

const PAGE_SIZES = ["25", "50", "100"] as const;

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("transactions.read");
  const urlValues = readSearchParams(await searchParams);
  const filter = readTransactionFilter(urlValues);
  const perPage = Number(urlValues.oneOf("per", PAGE_SIZES) ?? 25);
  const after = urlValues.read("after", (raw) => (parseCursor(raw) ? raw : null), "must be a page cursor from the Older link");
  const before = urlValues.read("before", (raw) => (parseCursor(raw) ? raw : null), "must be a page cursor from the Newer link");
  const db = getDb();
  const { rows, previousCursor, nextCursor } = await listTransactions(db, actor, filter, { perPage, after, before });
  const summary = await summarizeTransactions(db, actor, filter);
  const options = await listFilterOptions(db, actor);
  const params = transactionFilterParams(filter);
  if (perPage !== 25) params.set("per", String(perPage));
  const withParams = (extra: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return `/transactions?${p}`;
  };
  const timeZone = appTimeZone();

  return (
    <>
      <PageHeader
        title="Transactions"
        description="Every sale, capture, refund and void, newest first. Refunds show as negative amounts."
        actions={
          <a href={`/transactions/export?${params}`} className={buttonClasses("secondary")} download>
            Export CSV
          </a>
        }
      />
      <DatePresets presets={listDatePresets(new Date(), timeZone)} href={(range) => withParams(range)} active={filter} timeZone={timeZone} />
      <TransactionFilters
        filter={filter}
        perPage={perPage}
        mids={options.mids.map((m) => ({ id: m.id, label: m.title }))}
        campaigns={options.campaigns.map((c) => ({ id: c.id, label: c.name }))}
      />
      <IgnoredParamsNote ignored={urlValues.ignored} />
      <TransactionSummaryPanel summary={summary} />
      {rows.length === 0 ? (
        <EmptyState
          title="No transactions match"
          description="Widen the dates or clear a filter."
          action={
            <Link href="/transactions" className="text-sm font-medium text-accent-700 hover:underline">
              Clear filters
            </Link>
          }
        />
      ) : (
        <Table label="Transactions">
          <thead>
            <tr>
              <Th priority="md">Date</Th>
              <Th>Order</Th>
              <Th>Type</Th>
              <Th>Response</Th>
              <Th align="right">Amount</Th>
              <Th priority="lg">MID</Th>
              <Th priority="md">Customer</Th>
              <Th priority="xl">Amazon id</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.id} className={t.type === "REFUND" ? "bg-violet-50/40 hover:bg-violet-50" : "hover:bg-zinc-50"}>
                <Td priority="md">
                  <LocalTime ms={t.createdAt} />
                </Td>
                {/* A plain link: next/link would prefetch every order page in the list on each view. */}
                <Td>
                  <a href={`/orders/${t.orderId}`} className="font-medium text-accent-700 hover:underline">
                    #{t.orderId}
                  </a>
                </Td>
                <Td className={t.type === "REFUND" ? "text-xs font-medium text-violet-700" : "text-xs"}>{statusLabel("transactionType", t.type)}</Td>
                <Td>
                  <StatusBadge status={t.status} />
                  <ReasonNote status={t.status} reasonCode={t.reasonCode} />
                </Td>
                <Td align="right">
                  <TransactionAmount type={t.type} status={t.status} minor={t.amountMinor} currency={t.currency} />
                </Td>
                <Td priority="lg" className="text-xs">
                  #{t.midId} {t.midTitle}
                  {t.campaignName && <span className="block text-muted">{t.campaignName}</span>}
                </Td>
                <Td priority="md" className="text-xs">
                  {t.email ?? "—"}
                </Td>
                <Td priority="xl" className="font-mono text-[11px]">
                  {t.amazonId ?? t.referenceId}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
        <span className="text-muted">{rows.length} shown</span>
        <span className="flex gap-2">
          {previousCursor && (
            <Link href={withParams({ before: previousCursor })} className={buttonClasses("secondary", "sm")}>
              ← Newer
            </Link>
          )}
          {nextCursor && (
            <Link href={withParams({ after: nextCursor })} className={buttonClasses("secondary", "sm")}>
              Older →
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
