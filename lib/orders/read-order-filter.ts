import { ORDER_STATUSES } from "@/lib/values/order-statuses";
import { startOfIsoDayMs } from "@/lib/money/calendar";
import type { SearchReader } from "@/lib/search-params/read-search-params";
import { parseCursor } from "@/lib/transactions/list-transactions";
import { ORDER_SORTS, type OrderListFilter, type OrderPage } from "./list-orders";

const ORDER_PAGE_SIZES = ["25", "50", "100"] as const;

export type OrderListView = OrderListFilter & { from?: string; to?: string };

/** The order list's URL values → its filter and page; values that break their rule are left out (the reader lists them). */
export function readOrderFilter(params: SearchReader): { filter: OrderListView; page: OrderPage } {
  const from = params.day("from");
  const to = params.day("to");
  const cursor = (name: string) => params.read(name, (raw) => (parseCursor(raw) ? raw : null), "must be a page cursor from the Newer or Older link");
  return {
    filter: {
      status: params.oneOf("status", ORDER_STATUSES),
      campaignId: params.id("campaign"),
      midId: params.id("mid"),
      fromMs: from === undefined ? undefined : (startOfIsoDayMs(from) as number),
      toMs: to === undefined ? undefined : (startOfIsoDayMs(to) as number) + 86_400_000,
      from,
      to,
      q: params.text("q"),
    },
    page: {
      sort: params.oneOf("sort", ORDER_SORTS) ?? "newest",
      perPage: Number(params.oneOf("per", ORDER_PAGE_SIZES) ?? 25),
      after: cursor("after"),
      before: cursor("before"),
    },
  };
}

/** The filter (and sort and page size) as URL parameters, for links, paging and the export. */
export function orderFilterParams(filter: OrderListView, page?: Pick<OrderPage, "sort" | "perPage">): URLSearchParams {
  const params = new URLSearchParams();
  const entries: Array<[string, string | number | undefined]> = [
    ["q", filter.q],
    ["from", filter.from],
    ["to", filter.to],
    ["status", filter.status],
    ["campaign", filter.campaignId],
    ["mid", filter.midId],
    ["sort", page && page.sort !== "newest" ? page.sort : undefined],
    ["per", page && page.perPage !== 25 ? page.perPage : undefined],
  ];
  for (const [key, value] of entries) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}
