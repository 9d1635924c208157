import { cn } from "./cn";

/** A grey placeholder block that pulses while the real content loads. */
export function Skeleton({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded-md bg-zinc-200/70", className)} />;
}

/** Page header, an optional filter bar and a table's rows: the shape of every list page. */
export function ListPageSkeleton({ label, filters = true, rows = 8 }: { label: string; filters?: boolean; rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-label={`Loading ${label}`} data-testid="page-skeleton">
      <div className="mb-6 space-y-2">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      {filters && (
        <div className="mb-4 flex flex-wrap gap-3 rounded-lg border border-line bg-surface p-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-9 w-full sm:w-40" />
          ))}
        </div>
      )}
      <div className="overflow-hidden rounded-lg border border-line bg-surface shadow-sm">
        <div className="border-b border-line bg-zinc-50 px-3 py-2.5">
          <Skeleton className="h-3 w-1/3" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-zinc-100 px-3 py-3 last:border-0">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 flex-1" />
            <Skeleton className="hidden h-4 w-20 sm:block" />
            <Skeleton className="h-4 w-16" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading {label}…</span>
    </div>
  );
}

/** A header and a grid of cards: the shape of the overview and of detail pages. */
export function DetailPageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" aria-label={`Loading ${label}`} data-testid="page-skeleton">
      <div className="mb-6 space-y-2">
        <Skeleton className="h-3 w-16" />
        <Skeleton className="h-6 w-56" />
        <Skeleton className="h-4 w-full max-w-sm" />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-3 rounded-lg border border-line bg-surface p-5 shadow-sm">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-7 w-32" />
            <Skeleton className="h-3 w-full" />
          </div>
        ))}
        <div className="space-y-3 rounded-lg border border-line bg-surface p-5 shadow-sm lg:col-span-3">
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </div>
      </div>
      <span className="sr-only">Loading {label}…</span>
    </div>
  );
}
