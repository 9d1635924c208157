export function UtilizationBar({ percent, alertPercent }: { percent: number; alertPercent: number }) {
  const width = Math.min(100, Math.max(0, percent));
  const tone = percent >= 100 ? "fill-red-500" : percent >= alertPercent ? "fill-amber-500" : "fill-accent-500";
  return (
    <div className="flex items-center gap-2" title={`${percent.toFixed(1)}% of cap used; alert at ${alertPercent}%`}>
      <div
        className="h-1.5 w-20 overflow-hidden rounded-full bg-zinc-100"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(width)}
        aria-label="Cap utilization"
      >
        {/* An SVG width, not a style attribute: the Content-Security-Policy allows no inline styles. */}
        <svg viewBox="0 0 100 2" preserveAspectRatio="none" className="block h-full w-full" aria-hidden>
          <rect width={width} height="2" className={tone} />
        </svg>
      </div>
      <span className="tabular w-10 text-right text-xs text-muted">{Math.round(percent)}%</span>
    </div>
  );
}
