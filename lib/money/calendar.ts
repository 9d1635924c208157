/** Calendar helpers in APP_TIMEZONE: the cap month and "today" are local to the merchant. */

export function appTimeZone(): string {
  return process.env.APP_TIMEZONE || "UTC";
}

// Building an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
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
