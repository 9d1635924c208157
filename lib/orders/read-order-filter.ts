import { ORDER_STATUSES } from "@/db/schema/orders";
import { startOfIsoDayMs } from "@/lib/money/calendar";
import type { SearchReader } from "@/lib/search-params/read-search-params";
import type { OrderListFilter } from "./list-orders";

const ORDER_PAGE_SIZES = ["25", "50", "100"] as const;

/** The order list's URL values → its filter; values that break their rule are left out (the reader lists them). */
export function readOrderFilter(params: SearchReader): OrderListFilter & { from?: string; to?: string } {
  const from = params.day("from");
  const to = params.day("to");
  return {
    status: params.oneOf("status", ORDER_STATUSES),
    campaignId: params.id("campaign"),
    midId: params.id("mid"),
    fromMs: from === undefined ? undefined : (startOfIsoDayMs(from) as number),
    toMs: to === undefined ? undefined : (startOfIsoDayMs(to) as number) + 86_400_000,
    from,
    to,
    q: params.text("q"),
    before: params.id("before"),
    perPage: Number(params.oneOf("per", ORDER_PAGE_SIZES) ?? 25),
  };
}
