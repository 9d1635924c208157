import { startOfCalendarDayMs } from "@/lib/money/calendar";
import { invalidField } from "./api-error";

/** "MM/DD/YYYY" (Konnektive) or "YYYY-MM-DD" → the first instant of that day in APP_TIMEZONE. */
export function parseApiDay(fields: Record<string, string>, name: string): number | undefined {
  const raw = (fields[name] ?? "").trim();
  if (!raw) return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const [year, month, day] = us ? [Number(us[3]), Number(us[1]), Number(us[2])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
  const start = startOfCalendarDayMs(year, month, day);
  if (start === null) throw invalidField(name, "must be a real date as MM/DD/YYYY or YYYY-MM-DD.");
  return start;
}

export function parsePaging(fields: Record<string, string>): { page: number; perPage: number } {
  const page = (fields.page ?? "1").trim() || "1";
  const perPage = (fields.resultsPerPage ?? "25").trim() || "25";
  if (!/^\d{1,6}$/.test(page) || Number(page) < 1) throw invalidField("page", "must be a whole number from 1.");
  if (!/^\d{1,3}$/.test(perPage) || Number(perPage) < 1 || Number(perPage) > 200) throw invalidField("resultsPerPage", "must be a whole number from 1 to 200.");
  return { page: Number(page), perPage: Number(perPage) };
}
