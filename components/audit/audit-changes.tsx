function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** Before → after per changed field; secrets arrive here only as "set" / "changed". */
export function AuditChanges({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="text-muted">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {keys.map((key) => (
        <div key={key} className="contents">
          <dt className="font-mono text-muted">{key}</dt>
          <dd className="break-all text-zinc-800">
            {before && key in before && <span className="text-muted line-through decoration-zinc-300">{show(before[key])}</span>}
            {before && key in before && after && key in after && <span className="px-1 text-muted">→</span>}
            {after && key in after && <span>{show(after[key])}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
