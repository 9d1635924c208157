import { getDb } from "@/db/client";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { parseImportOrderFields } from "@/lib/orders/import-order-input";
import { importOrder } from "@/lib/orders/import-order";

/** Konnektive-compatible Import Order for Amazon Pay (design.md §5); also served at /api/order/import/. */
export async function POST(request: Request) {
  return handleApiRequest("order.import", request, async ({ fields }) => {
    const answer = await importOrder(getDb(), parseImportOrderFields(fields), "api");
    if (!answer.ok) throw answer.error;
    return answer.result;
  });
}
