import { getDb } from "@/db/client";
import { ForbiddenError } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/current-user";
import { readSearchParams, searchParamsOf } from "@/lib/search-params/read-search-params";
import { readOrderFilter } from "@/lib/orders/read-order-filter";
import { orderExportFileName, streamOrdersCsv } from "@/lib/orders/export-orders";

/** CSV of the whole filtered order list (same filters and sort as the page), streamed. A filter value that breaks its rule is a 400 naming it. */
export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireActionActor("orders.read");
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
    throw error;
  }
  const urlValues = readSearchParams(searchParamsOf(request.url));
  const { filter, page } = readOrderFilter(urlValues);
  if (urlValues.ignored.length > 0) {
    const problems = urlValues.ignored.map((param) => `${param.name}: ${param.rule}.`).join("\n");
    return new Response(`Nothing was exported; fix the filter and try again.\n${problems}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(streamOrdersCsv(getDb(), actor, filter, page.sort), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${orderExportFileName(filter)}"`,
      "cache-control": "no-store",
    },
  });
}
