import { formatMoney } from "@/lib/money/money";
import { SERIES_COLORS } from "@/components/charts/chart-colors";
import { DailyBarChart } from "@/components/charts/daily-bar-chart";

type Series = { midId: number; title: string; values: number[] };

/** 30 days of captured volume, stacked per MID; one chart per currency (sums across currencies mean nothing). */
export function VolumeChart({ currency, series, dayLabels }: { currency: string; series: Series[]; dayLabels: string[] }) {
  const rows = dayLabels.map((label, day) => Object.fromEntries([["label", label], ...series.map((s) => [`mid${s.midId}`, s.values[day] ?? 0])]));
  const total = series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-zinc-600">{currency}</figcaption>
      <DailyBarChart
        rows={rows}
        currency={currency}
        series={series.map((s, i) => ({ key: `mid${s.midId}`, label: s.title, color: SERIES_COLORS[i % SERIES_COLORS.length] }))}
        summary={`Captured volume per day in ${currency}, last 30 days: ${formatMoney(total, currency)} in all, ${series
          .map(
            (s) =>
              `${s.title} ${formatMoney(
                s.values.reduce((a, b) => a + b, 0),
                currency,
              )}`,
          )
          .join(", ")}.`}
      />
    </figure>
  );
}
