import { getDb } from "@/db/client";
import { ApiError } from "@/lib/api/api-error";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { optionalText, requireId } from "@/lib/api/parse-api-fields";
import { toApiError } from "@/lib/api/domain-to-api-error";
import { apiUserActor } from "@/lib/auth/actor";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { orderExists } from "@/lib/orders/refund-order";

/** Cancel an order that was never charged: `orderId`, optional `cancelReason`. */
export async function POST(request: Request) {
  return handleApiRequest("order.cancel", request, async ({ fields, apiUser, ip }) => {
    const db = getDb();
    const orderId = requireId(fields, "orderId");
    if (!(await orderExists(db, orderId))) throw new ApiError("UNKNOWN_ORDER", `orderId: order ${orderId} does not exist.`, { field: "orderId" });
    try {
      await cancelOrder(db, apiUserActor(apiUser.loginId, ip), {
        orderId,
        reason: optionalText(fields, "cancelReason", 255) ?? `Requested through the API by ${apiUser.loginId}`,
      });
    } catch (error) {
      throw toApiError(error, "NOT_CANCELABLE", { reason: "cancelReason" });
    }
    return { orderId, orderStatus: "CANCELED" };
  });
}
