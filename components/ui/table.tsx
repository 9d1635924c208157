import { cn } from "./cn";
import { TableScroll } from "./table-scroll";

/**
 * Which columns a narrow screen keeps. "key" columns (what the row is, its status, its amount, its
 * actions) always show; the others appear from the named breakpoint up (md 768 px, lg 1024 px,
 * xl 1280 px, 2xl 1536 px: beside the sidebar a 1440 px window leaves about 1,150 px for a table).
 * Give a column's Th and Td the same priority.
 */
export type ColumnPriority = "key" | "md" | "lg" | "xl" | "2xl";

const PRIORITY_CLASS: Record<ColumnPriority, string | undefined> = {
  key: undefined,
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
  xl: "hidden xl:table-cell",
  "2xl": "hidden 2xl:table-cell",
};

export function Table({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-surface shadow-sm">
      <TableScroll label={label}>
        {/* Cell styling lives here once rather than on every cell: a 100-row page is ~30% smaller. */}
        <table className="min-w-full text-sm [&_td]:border-b [&_td]:border-zinc-100 [&_td]:px-3 [&_td]:py-2.5 [&_td]:align-middle" aria-label={label}>
          {children}
        </table>
      </TableScroll>
    </div>
  );
}

/** A column header. A column of row actions still needs one: pass its name with `srOnly` to keep it out of sight. */
export function Th({
  children,
  align = "left",
  priority = "key",
  srOnly,
  className,
  sort,
}: {
  children: React.ReactNode;
  align?: "left" | "right";
  priority?: ColumnPriority;
  srOnly?: boolean;
  sort?: "ascending" | "descending" | "none";
  className?: string;
}) {
  return (
    <th
      scope="col"
      aria-sort={sort}
      className={cn(
        "sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50/95 px-3 py-2 text-xs font-medium uppercase tracking-wide text-muted backdrop-blur whitespace-nowrap",
        align === "right" ? "text-right" : "text-left",
        PRIORITY_CLASS[priority],
        className,
      )}
    >
      {srOnly ? <span className="sr-only">{children}</span> : children}
    </th>
  );
}

export function Td({
  children,
  align = "left",
  priority = "key",
  className,
}: {
  children?: React.ReactNode;
  align?: "left" | "right";
  priority?: ColumnPriority;
  className?: string;
}) {
  return <td className={cn(align === "right" && "text-right tabular", PRIORITY_CLASS[priority], className) || undefined}>{children}</td>;
}
