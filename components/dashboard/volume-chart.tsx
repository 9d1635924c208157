import { formatMoney } from "@/lib/money/money";

const COLORS = ["#4f46e5", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6"];

type Series = { midId: number; title: string; values: number[] };

/** 30 days of captured volume, stacked per MID; one chart per currency (sums across currencies mean nothing). */
export function VolumeChart({ currency, series, start }: { currency: string; series: Series[]; start: number }) {
  const totals = series[0]?.values.map((_, day) => series.reduce((sum, s) => sum + s.values[day], 0)) ?? [];
  const max = Math.max(1, ...totals);
  const width = 600;
  const height = 160;
  const barWidth = width / 30;
  const dayLabel = (day: number) => new Date(start + day * 86_400_000).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height + 18}`} className="h-48 w-full" role="img" aria-label={`Captured volume per day in ${currency}, last 30 days`}>
        <line x1="0" y1={height} x2={width} y2={height} stroke="#e4e4e7" />
        {totals.map((_, day) => {
          let y = height;
          return (
            <g key={day}>
              <title>{`${dayLabel(day)}: ${formatMoney(totals[day], currency)}`}</title>
              {series.map((s, i) => {
                const h = (s.values[day] / max) * (height - 8);
                y -= h;
                return h > 0 ? <rect key={s.midId} x={day * barWidth + 2} y={y} width={barWidth - 4} height={h} rx="1.5" fill={COLORS[i % COLORS.length]} /> : null;
              })}
            </g>
          );
        })}
        {[0, 10, 20, 29].map((day) => (
          <text key={day} x={day * barWidth + barWidth / 2} y={height + 14} textAnchor="middle" fontSize="10" fill="#71717a">{dayLabel(day)}</text>
        ))}
        <text x="4" y="10" fontSize="10" fill="#71717a">{formatMoney(max, currency)}</text>
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-3 text-xs text-zinc-600">
        {series.map((s, i) => (
          <span key={s.midId} className="inline-flex items-center gap-1.5">
            <svg viewBox="0 0 10 10" className="h-2.5 w-2.5" aria-hidden><rect width="10" height="10" rx="2" fill={COLORS[i % COLORS.length]} /></svg>
            {s.title}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
