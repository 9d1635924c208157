import { CURRENCIES, REGIONS } from "@/db/schema/mids";
import type { MidListFilter } from "./list-mids";

type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** URL → filter, ignoring values that are not one of the allowed options. */
export function parseMidFilter(search: Search): MidListFilter {
  const region = one(search.region);
  const currency = one(search.currency);
  const mode = one(search.mode);
  const status = one(search.status);
  return {
    q: one(search.q)?.slice(0, 100) || undefined,
    region: REGIONS.includes(region as never) ? region : undefined,
    currency: CURRENCIES.includes(currency as never) ? currency : undefined,
    mode: mode === "sandbox" || mode === "live" ? mode : undefined,
    status: status === "enabled" || status === "disabled" ? status : undefined,
  };
}
