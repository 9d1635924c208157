import { getDb } from "@/db/client";
import { invalidField } from "@/lib/api/api-error";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { optionalFlag, optionalText, requireId } from "@/lib/api/parse-api-fields";
import { toApiError } from "@/lib/api/domain-to-api-error";
import { apiUserActor } from "@/lib/auth/actor";
import { parseMajorToMinor } from "@/lib/money/money";
import { loadOrderResult } from "@/lib/orders/order-result";
import { refundOrder, orderExists } from "@/lib/orders/refund-order";
import { ApiError } from "@/lib/api/api-error";

/** Refund an order through Amazon: `orderId`, `refundAmount` (or `fullRefund=1`), optional `reason`. */
export async function POST(request: Request) {
  return handleApiRequest("order.refund", request, async ({ fields, apiUser, ip }) => {
    const db = getDb();
    const orderId = requireId(fields, "orderId");
    if (!(await orderExists(db, orderId))) throw new ApiError("UNKNOWN_ORDER", `orderId: order ${orderId} does not exist.`, { field: "orderId" });
    const order = await loadOrderResult(db, orderId);
    const full = optionalFlag(fields, "fullRefund");
    let amountMinor: number | undefined;
    if (!full) {
      const text = optionalText(fields, "refundAmount", 20);
      if (!text) throw invalidField("refundAmount", "is required unless fullRefund=1.");
      const parsed = parseMajorToMinor(text, order.currency);
      if (parsed === null) throw invalidField("refundAmount", `must be an amount in ${order.currency}, e.g. 10.00.`);
      amountMinor = parsed;
    }
    try {
      const result = await refundOrder(db, apiUserActor(apiUser.loginId, ip), {
        orderId,
        amountMinor,
        reason: optionalText(fields, "reason", 255) ?? `Requested through the API by ${apiUser.loginId}`,
      });
      return { orderId, transactionId: result.transactionId, refundStatus: result.status };
    } catch (error) {
      throw toApiError(error, "NOT_REFUNDABLE", { amount: "refundAmount" });
    }
  });
}
