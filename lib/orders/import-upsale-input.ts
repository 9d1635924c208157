import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { ApiError, invalidField } from "@/lib/api/api-error";
import { requireId } from "@/lib/api/parse-api-fields";
import { readAmazonFields, type ImportOrderInput } from "./import-order-input";

/** Import Upsale: a new Amazon checkout for one more product, linked to a completed parent order. */
export async function parseImportUpsaleFields(db: Db, fields: Record<string, string>): Promise<ImportOrderInput> {
  const parentId = requireId(fields, "orderId");
  const [parent] = await db.select().from(orders).where(eq(orders.id, parentId));
  if (!parent) throw new ApiError("UNKNOWN_ORDER", `orderId: order ${parentId} does not exist.`, { field: "orderId" });
  if (!["COMPLETE", "PARTIALLY_REFUNDED", "AUTHORIZED"].includes(parent.status)) {
    throw new ApiError("INVALID_FIELD", `orderId: order ${parentId} is ${parent.status}; upsells attach to completed or authorized orders.`, {
      field: "orderId",
    });
  }
  if (!parent.campaignId) throw new ApiError("INVALID_FIELD", `orderId: order ${parentId} has no campaign.`, { field: "orderId" });
  const qtyText = (fields.productQty ?? "1").trim() || "1";
  if (!/^\d{1,2}$/.test(qtyText) || Number(qtyText) < 1) throw invalidField("productQty", "must be a whole number from 1 to 99.");
  const amazon = readAmazonFields({ amazonBillerId: String(parent.midId), ...fields });
  return {
    campaignId: parent.campaignId,
    items: [{ productId: requireId(fields, "productId"), quantity: Number(qtyText) }],
    customer: {
      email: parent.email ?? undefined,
      firstName: parent.firstName ?? undefined,
      lastName: parent.lastName ?? undefined,
      phone: parent.phone ?? undefined,
    },
    shipping: {},
    ipAddress: parent.ipAddress ?? undefined,
    parentOrderId: parent.id,
    ...amazon,
  };
}
