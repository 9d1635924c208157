import { cn } from "./cn";

export function UtilizationBar({ percent, alertPercent }: { percent: number; alertPercent: number }) {
  const width = Math.min(100, Math.max(0, percent));
  const tone = percent >= 100 ? "bg-red-500" : percent >= alertPercent ? "bg-amber-500" : "bg-accent-500";
  return (
    <div className="flex items-center gap-2" title={`${percent.toFixed(1)}% of cap used; alert at ${alertPercent}%`}>
      <div className="h-1.5 w-20 overflow-hidden rounded-full bg-zinc-100" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(width)} aria-label="Cap utilization">
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${width}%` }} />
      </div>
      <span className="tabular w-10 text-right text-xs text-zinc-500">{Math.round(percent)}%</span>
    </div>
  );
}
