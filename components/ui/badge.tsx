import { describeStatus, type StatusKind, type StatusTone } from "@/lib/status-vocabulary";
import { cn } from "./cn";

export type BadgeTone = StatusTone;

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

/** A state in the app's one vocabulary (lib/status-vocabulary.ts); a transaction response unless told. */
export function StatusBadge({ status, kind = "transaction" }: { status: string; kind?: StatusKind }) {
  const { label, tone } = describeStatus(kind, status);
  return <Badge tone={tone}>{label}</Badge>;
}

export function ModeBadge({ testMode }: { testMode: boolean }) {
  return testMode ? <Badge tone="amber">Sandbox</Badge> : <Badge tone="violet">Live</Badge>;
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return <StatusBadge kind="mid" status={enabled ? "enabled" : "disabled"} />;
}
