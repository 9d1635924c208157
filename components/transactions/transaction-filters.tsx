import { TRANSACTION_STATUSES } from "@/lib/values/transaction-statuses";
import { TRANSACTION_TYPES } from "@/lib/values/transaction-types";
import type { TransactionFilter } from "@/lib/transactions/transaction-filter";
import { statusLabel } from "@/lib/status-vocabulary";
import { FilterInput, FilterPanel, FilterSelect } from "@/components/filters/filter-panel";

type Option = { id: number; label: string };

export function TransactionFilters({ filter, perPage, mids, campaigns }: { filter: TransactionFilter; perPage: number; mids: Option[]; campaigns: Option[] }) {
  return (
    <FilterPanel label="Filter transactions" resetHref="/transactions">
      <FilterInput name="q" label="Search" type="search" value={filter.q} placeholder="Order id, email, S01-…, …-A…/C…/R…, reference" wide />
      <FilterInput name="from" label="From" type="date" value={filter.from} />
      <FilterInput name="to" label="To" type="date" value={filter.to} />
      <FilterInput name="min" label="Min amount" inputMode="decimal" value={filter.minAmount} />
      <FilterInput name="max" label="Max amount" inputMode="decimal" value={filter.maxAmount} />
      <FilterSelect
        name="mid"
        label="MID"
        value={filter.midId ? String(filter.midId) : ""}
        options={[["", "All MIDs"], ...mids.map((m) => [String(m.id), `#${m.id} ${m.label}`] as const)]}
      />
      <FilterSelect
        name="campaign"
        label="Campaign"
        value={filter.campaignId ? String(filter.campaignId) : ""}
        options={[["", "All campaigns"], ...campaigns.map((c) => [String(c.id), c.label] as const)]}
      />
      <FilterSelect
        name="type"
        label="Type"
        value={filter.type}
        options={[["", "All types"], ...TRANSACTION_TYPES.map((t) => [t, statusLabel("transactionType", t)] as const)]}
      />
      <FilterSelect
        name="status"
        label="Response"
        value={filter.status}
        options={[["", "All responses"], ...TRANSACTION_STATUSES.map((s) => [s, statusLabel("transaction", s)] as const)]}
      />
      <FilterSelect name="per" label="Per page" value={String(perPage)} options={["25", "50", "100"].map((n) => [n, n] as const)} />
    </FilterPanel>
  );
}
