import { parseMajorToMinor } from "@/lib/money/money";
import { startOfIsoDayMs } from "@/lib/money/calendar";
import { parseIdParam } from "@/lib/parse-id-param";

/** A page's `searchParams` as Next.js hands them over (a name given twice is a list). */
export type SearchParams = Record<string, string | string[] | undefined>;

/** A value from the address that was not used, and the rule it broke (pages show these). */
export type IgnoredParam = { name: string; value: string; rule: string };

/** The query string of a route handler's URL, shaped like a page's `searchParams`. */
export function searchParamsOf(url: string): SearchParams {
  const search: SearchParams = {};
  for (const [name, value] of new URL(url).searchParams) {
    const seen = search[name];
    search[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return search;
}

/**
 * Readers for a page's query values. An empty value means "no filter"; a value that breaks
 * its rule is left out and listed in `ignored`, so the page still renders (and says what it
 * ignored) and a route can answer 400. A name given twice counts once: the first value.
 */
export function readSearchParams(search: SearchParams) {
  const ignored: IgnoredParam[] = [];

  function read<T>(name: string, parse: (raw: string) => T | null, rule: string): T | undefined {
    const value = search[name];
    const raw = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!raw) return undefined;
    const parsed = parse(raw);
    if (parsed === null) {
      ignored.push({ name, value: raw, rule });
      return undefined;
    }
    return parsed;
  }

  return {
    ignored,
    read,
    text: (name: string, max = 100) => read(name, (raw) => (raw.length <= max ? raw : null), `must be at most ${max} characters`),
    id: (name: string) => read(name, parseIdParam, "must be a positive whole number"),
    day: (name: string) => read(name, (raw) => (startOfIsoDayMs(raw) === null ? null : raw), "must be a real date as YYYY-MM-DD"),
    amount: (name: string) => read(name, (raw) => (parseMajorToMinor(raw, "USD") === null ? null : raw), "must be an amount such as 10.00"),
    oneOf: <T extends string>(name: string, allowed: readonly T[]) =>
      read(name, (raw) => (allowed.includes(raw as T) ? (raw as T) : null), `must be one of ${allowed.join(", ")}`),
  };
}

export type SearchReader = ReturnType<typeof readSearchParams>;
