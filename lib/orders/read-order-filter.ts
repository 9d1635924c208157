import { ORDER_STATUSES } from "@/db/schema/orders";
import { parseIdParam } from "@/lib/parse-id-param";
import { startOfDayMs } from "@/lib/money/calendar";
import type { OrderListFilter } from "./list-orders";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function dayStart(value: string | undefined): number | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return startOfDayMs(new Date(`${value}T12:00:00Z`));
}

/** URL → order filter; unknown values are ignored rather than failing the page. */
export function parseOrderFilter(search: Search): OrderListFilter & { from?: string; to?: string } {
  const status = one(search.status);
  const perPage = Number(one(search.per));
  const from = one(search.from);
  const to = one(search.to);
  const toStart = dayStart(to);
  return {
    status: ORDER_STATUSES.includes(status as never) ? (status as OrderListFilter["status"]) : undefined,
    campaignId: parseIdParam(one(search.campaign)) ?? undefined,
    midId: parseIdParam(one(search.mid)) ?? undefined,
    fromMs: dayStart(from),
    toMs: toStart === undefined ? undefined : toStart + 86_400_000,
    from: dayStart(from) === undefined ? undefined : from,
    to: toStart === undefined ? undefined : to,
    q: one(search.q)?.trim().slice(0, 100) || undefined,
    before: parseIdParam(one(search.before)) ?? undefined,
    perPage: [25, 50, 100].includes(perPage) ? perPage : 25,
  };
}
