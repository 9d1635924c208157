import { getDb } from "@/db/client";
import { ForbiddenError } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/current-user";
import { parseTransactionFilter } from "@/lib/transactions/transaction-filter";
import { exportFileName, streamTransactionsCsv } from "@/lib/transactions/export-transactions";

/** CSV of the whole filtered list (same filters as the page), streamed. */
export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireActionActor("transactions.read");
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
    throw error;
  }
  const filter = parseTransactionFilter(Object.fromEntries(new URL(request.url).searchParams));
  return new Response(streamTransactionsCsv(getDb(), actor, filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(filter)}"`,
      "cache-control": "no-store",
    },
  });
}
