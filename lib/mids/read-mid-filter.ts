import { CURRENCIES } from "@/lib/values/currencies";
import { REGIONS } from "@/lib/values/regions";
import type { SearchReader } from "@/lib/search-params/read-search-params";
import type { MidListFilter } from "./list-mids";

/** The MID list's URL values → its filter; values that are not one of the options are left out (the reader lists them). */
export function readMidFilter(params: SearchReader): MidListFilter {
  return {
    q: params.text("q"),
    region: params.oneOf("region", REGIONS),
    currency: params.oneOf("currency", CURRENCIES),
    mode: params.oneOf("mode", ["sandbox", "live"] as const),
    status: params.oneOf("status", ["enabled", "disabled"] as const),
  };
}
