import { cn } from "./cn";

export function Table({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <div className="overflow-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, align = "left", className }: { children?: React.ReactNode; align?: "left" | "right"; className?: string }) {
  return (
    <th
      scope="col"
      className={cn(
        "sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50/95 px-3 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 backdrop-blur whitespace-nowrap",
        align === "right" ? "text-right" : "text-left",
        className,
      )}
    >
      {children}
    </th>
  );
}

export function Td({ children, align = "left", className }: { children?: React.ReactNode; align?: "left" | "right"; className?: string }) {
  return <td className={cn("border-b border-zinc-100 px-3 py-2.5 align-middle", align === "right" && "text-right tabular", className)}>{children}</td>;
}
