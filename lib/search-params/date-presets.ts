import { appTimeZone } from "@/lib/money/calendar";

export type DatePreset = { label: string; from: string; to: string };

const isoDay = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/**
 * The list filters' quick ranges (Today, 7 days, This month, Last month) as from/to days in the
 * merchant's time zone: the same whole days the from/to fields mean.
 */
export function listDatePresets(now = new Date(), timeZone = appTimeZone()): DatePreset[] {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(now)
    .split("-")
    .map(Number);
  const at = (m: number, d: number) => isoDay(Date.UTC(year, m - 1, d));
  const today = at(month, day);
  return [
    { label: "Today", from: today, to: today },
    { label: "7 days", from: at(month, day - 6), to: today },
    { label: "This month", from: at(month, 1), to: today },
    // Day 0 of this month is the last day of the previous one.
    { label: "Last month", from: at(month - 1, 1), to: at(month, 0) },
  ];
}
