import { getDb } from "@/db/client";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { parseImportUpsaleFields } from "@/lib/orders/import-upsale-input";
import { importOrder } from "@/lib/orders/import-order";

/** Konnektive-compatible Import Upsale: same pipeline on a new order reference, linked to its parent. */
export async function POST(request: Request) {
  return handleApiRequest("upsale.import", request, async ({ fields }) => {
    const db = getDb();
    const answer = await importOrder(db, await parseImportUpsaleFields(db, fields), "api");
    if (!answer.ok) throw answer.error;
    return answer.result;
  });
}
