import { describeChanges } from "@/lib/audit/describe-audit";

/** Before → after per changed field, labelled and formatted; secrets arrive here only as "set" / "changed". */
export function AuditChanges({
  before,
  after,
  currency = null,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  currency?: string | null;
}) {
  const changes = describeChanges(before, after, currency);
  if (changes.length === 0) return <span className="text-muted">—</span>;
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1 text-xs">
      {changes.map((change) => (
        <div key={change.key} className="contents">
          <dt className="text-muted">{change.label}</dt>
          <dd className="min-w-0 break-words text-zinc-800">
            {change.before !== undefined && <span className="text-muted line-through decoration-zinc-400">{change.before}</span>}
            {change.before !== undefined && change.after !== undefined && (
              <span aria-label="changed to" className="px-1 text-muted">
                →
              </span>
            )}
            {change.after !== undefined && <span className="font-medium">{change.after}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
