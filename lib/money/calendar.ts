/** Calendar helpers in APP_TIMEZONE: the cap month and "today" are local to the merchant. */

export function appTimeZone(): string {
  return process.env.APP_TIMEZONE || "UTC";
}

// Building an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsInZone(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** `YYYY-MM` of the instant in the zone — the key of mid_monthly_usage. */
export function monthKey(at: Date, timeZone = appTimeZone()): string {
  const { year, month } = partsInZone(at, timeZone);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Epoch ms of local midnight (in the zone) of the day containing `at`. */
export function startOfDayMs(at: Date, timeZone = appTimeZone()): number {
  const p = partsInZone(at, timeZone);
  const sinceMidnightMs = ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + at.getUTCMilliseconds();
  return at.getTime() - sinceMidnightMs;
}

/** Epoch ms of the first instant of the month containing `at`, in the zone. */
export function startOfMonthMs(at: Date, timeZone = appTimeZone()): number {
  const day = partsInZone(at, timeZone).day;
  const midnight = startOfDayMs(at, timeZone);
  return startOfDayMs(new Date(midnight - (day - 1) * 86_400_000 + 12 * 3_600_000), timeZone);
}

/**
 * Epoch ms of local midnight (in the zone) of a calendar day, or null when there is no such day
 * (month 13, 2026-02-30, year 0). Years are taken as written: 0099 is not 1999.
 */
export function startOfCalendarDayMs(year: number, month: number, day: number, timeZone = appTimeZone()): number | null {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999) return null;
  const noonUtc = new Date(Date.UTC(2000, 0, 1, 12));
  noonUtc.setUTCFullYear(year, month - 1, day);
  if (noonUtc.getUTCFullYear() !== year || noonUtc.getUTCMonth() !== month - 1 || noonUtc.getUTCDate() !== day) return null;
  return startOfDayMs(noonUtc, timeZone);
}

/** "YYYY-MM-DD" → local midnight of that day, or null when the text is not a real day. */
export function startOfIsoDayMs(text: string, timeZone = appTimeZone()): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? startOfCalendarDayMs(Number(match[1]), Number(match[2]), Number(match[3]), timeZone) : null;
}

/**
 * "Nov 3"-style labels for `count` consecutive days starting at the local midnight `fromMs`,
 * in the zone. Read at each day's noon so a 23- or 25-hour DST day still gets its own date.
 */
export function labelDays(fromMs: number, count: number, timeZone = appTimeZone()): string[] {
  const format = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone });
  return Array.from({ length: count }, (_, day) => format.format(new Date(fromMs + day * 86_400_000 + 12 * 3_600_000)));
}
