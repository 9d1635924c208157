import type { IgnoredParam } from "@/lib/search-params/read-search-params";

/** Says which values in the address were not used as filters, and why (instead of failing the page). */
export function IgnoredParamsNote({ ignored }: { ignored: IgnoredParam[] }) {
  if (ignored.length === 0) return null;
  return (
    <div className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="ignored-params">
      <p className="font-medium">{ignored.length === 1 ? "One value in the address was ignored" : `${ignored.length} values in the address were ignored`}</p>
      <ul className="mt-1 space-y-0.5">
        {ignored.map((param) => (
          <li key={param.name} data-ignored-param={param.name}>
            <code className="rounded bg-amber-100 px-1 font-mono text-xs">
              {param.name}={param.value.length > 40 ? `${param.value.slice(0, 40)}…` : param.value}
            </code>{" "}
            {param.rule}.
          </li>
        ))}
      </ul>
    </div>
  );
}
