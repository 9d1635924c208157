import { getDb } from "@/db/client";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { queryOrdersApi } from "@/lib/orders/query-orders-api";

export async function POST(request: Request) {
  return handleApiRequest("order.query", request, async ({ fields }) => queryOrdersApi(getDb(), fields));
}
