import { getDb } from "@/db/client";
import { respondCsvExport } from "@/lib/search-params/respond-csv-export";
import { readOrderFilter } from "@/lib/orders/read-order-filter";
import { orderExportFileName, streamOrdersCsv } from "@/lib/orders/export-orders";

/** CSV of the whole filtered order list (same filters and sort as the page), streamed. A filter value that breaks its rule is a 400 naming it. */
export async function GET(request: Request) {
  return respondCsvExport(request, "orders.read", readOrderFilter, async (actor, { filter, page }) => ({
    body: await streamOrdersCsv(getDb(), actor, filter, page.sort),
    fileName: orderExportFileName(filter),
  }));
}
