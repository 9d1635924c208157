import { getDb } from "@/db/client";
import { ApiError } from "@/lib/api/api-error";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { requireId } from "@/lib/api/parse-api-fields";
import { routeMidForCampaign } from "@/lib/campaigns/route-mid";
import { monthKey } from "@/lib/money/calendar";

/** Which MID a lander renders Amazon's widgets with: routing must happen before the widgets. */
export async function POST(request: Request) {
  return handleApiRequest("campaign.amazon-mid", request, async ({ fields }) => {
    const campaignId = requireId(fields, "campaignId");
    const routed = await routeMidForCampaign(getDb(), campaignId, monthKey(new Date()));
    if (!routed.ok) throw new ApiError(routed.code, routed.message);
    const mid = routed.mid;
    return { amazonBillerId: mid.id, sellerId: mid.merchantId, clientId: mid.clientId, region: mid.region, currency: mid.currency, sandbox: mid.testMode };
  });
}
