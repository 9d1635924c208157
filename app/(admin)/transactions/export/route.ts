import { getDb } from "@/db/client";
import { respondCsvExport } from "@/lib/search-params/respond-csv-export";
import { readTransactionFilter } from "@/lib/transactions/transaction-filter";
import { exportFileName, streamTransactionsCsv } from "@/lib/transactions/export-transactions";

/** CSV of the whole filtered list (same filters as the page), streamed. A filter value that breaks its rule is a 400 naming it. */
export async function GET(request: Request) {
  return respondCsvExport(request, "transactions.read", readTransactionFilter, async (actor, filter) => ({
    body: await streamTransactionsCsv(getDb(), actor, filter),
    fileName: exportFileName(filter),
  }));
}
