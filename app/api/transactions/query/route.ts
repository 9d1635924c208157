import { getDb } from "@/db/client";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { queryTransactionsApi } from "@/lib/orders/query-orders-api";

export async function POST(request: Request) {
  return handleApiRequest("transactions.query", request, async ({ fields }) => queryTransactionsApi(getDb(), fields));
}
