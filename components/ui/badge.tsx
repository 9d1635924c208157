import { cn } from "./cn";

export type BadgeTone = "green" | "amber" | "red" | "slate" | "blue" | "violet";

const TONES: Record<BadgeTone, string> = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  blue: "bg-sky-50 text-sky-700 ring-sky-600/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
};

export function Badge({ tone = "slate", children, className }: { tone?: BadgeTone; children: React.ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap", TONES[tone], className)}>
      {children}
    </span>
  );
}

/** The one status vocabulary of design.md §6, used by every table. */
export function StatusBadge({ status }: { status: string }) {
  const tone: BadgeTone =
    status === "SUCCESS" ? "green" : status === "SOFT_DECLINE" ? "amber" : status === "HARD_DECLINE" || status === "ERROR" ? "red" : "slate";
  return <Badge tone={tone}>{status.replace("_", " ")}</Badge>;
}

export function ModeBadge({ testMode }: { testMode: boolean }) {
  return testMode ? <Badge tone="amber">Sandbox</Badge> : <Badge tone="violet">Live</Badge>;
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="slate">Disabled</Badge>;
}
