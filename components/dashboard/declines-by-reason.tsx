import { StatusBadge } from "@/components/ui/badge";

export type ReasonCount = { reason: string; status: string; count: number };

/** Declines counted by Amazon reason code, most first: the overview's and each MID page's list. */
export function DeclinesByReason({ declines, label, empty }: { declines: ReasonCount[]; label: string; empty: string }) {
  if (declines.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label={label}>
      {declines.map((d) => (
        <li key={`${d.reason}-${d.status}`} className="flex items-center justify-between gap-2">
          <span className="flex min-w-0 items-center gap-2">
            <StatusBadge status={d.status} />
            <span className="truncate font-mono text-xs">{d.reason}</span>
          </span>
          <span className="tabular font-medium">{d.count}</span>
        </li>
      ))}
    </ul>
  );
}
