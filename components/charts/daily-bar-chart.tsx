"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { currencyDecimals, formatMoney } from "@/lib/money/money";
import { AXIS_COLOR, GRID_COLOR } from "./chart-colors";
import { ChartFrame } from "./chart-frame";

export type DailySeries = { key: string; label: string; color: string };
export type DailyRow = { label: string } & Record<string, number | string>;

/**
 * Stacked bars per day. Values are minor units when `currency` is given (axis and tooltip
 * show money in that currency), plain counts otherwise.
 */
export function DailyBarChart({ rows, series, currency, summary }: { rows: DailyRow[]; series: DailySeries[]; currency?: string; summary: string }) {
  const format = (value: number) => (currency ? formatMoney(value, currency) : value.toLocaleString("en-US"));
  const formatAxis = (value: number) => (currency ? compactMoney(value, currency) : value.toLocaleString("en-US"));
  return (
    <ChartFrame summary={summary}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={GRID_COLOR} />
          <XAxis dataKey="label" tick={{ fill: AXIS_COLOR, fontSize: 11 }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={24} />
          <YAxis
            tick={{ fill: AXIS_COLOR, fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={64}
            tickFormatter={formatAxis}
            allowDecimals={!currency ? false : true}
          />
          <Tooltip formatter={(value) => format(Number(value))} cursor={{ fill: GRID_COLOR }} contentStyle={{ borderRadius: 6, fontSize: 12 }} />
          {series.length > 1 && <Legend iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="day" fill={s.color} maxBarSize={28} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** "$12.5k": axis ticks stay narrow; the tooltip shows the exact amount. */
function compactMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(
    minor / 10 ** currencyDecimals(currency),
  );
}
