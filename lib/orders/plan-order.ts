import type { Db } from "@/db/client";
import { findActiveCampaignProduct, findCampaignForOrder, findCampaignMid, findMidForOrder } from "@/db/queries/orders/plan-order-statements";
import type { CampaignRow, MidRow } from "@/db/queries/rows";
import { ApiError } from "@/lib/api/api-error";
import { BA_ID, type ImportOrderInput } from "./import-order-input";

export type OrderLine = {
  productId: number;
  name: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  shippingMinor: number;
  billingType: "one_time" | "recurring";
  cycleDays: number | null;
  rebillPriceMinor: number | null;
  trialDays: number | null;
};

export type OrderPlan = {
  campaign: CampaignRow;
  mid: MidRow;
  lines: OrderLine[];
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  kind: "order_reference" | "billing_agreement";
  recurringLine: OrderLine | null;
  /**
   * False for a one-time order of a capture-later campaign: Authorize without CaptureNow.
   * Billing agreements stay sales: a subscription starts on a charge that went through.
   */
  captureNow: boolean;
};

/**
 * Everything that can be refused before money is involved: campaign, products, MID assignment,
 * currency, id type vs product type, sandbox vs live. Returns the priced plan.
 */
export async function planOrder(db: Db, input: ImportOrderInput): Promise<OrderPlan> {
  const campaign = await findCampaignForOrder(db, input.campaignId);
  if (!campaign) throw new ApiError("UNKNOWN_CAMPAIGN", `Campaign ${input.campaignId} does not exist.`, { field: "campaignId" });
  if (campaign.status !== "active") throw new ApiError("CAMPAIGN_ARCHIVED", `Campaign ${campaign.id} is archived and takes no orders.`);

  const products = await Promise.all(input.items.map((item) => findActiveCampaignProduct(db, campaign.id, item.productId)));
  const lines: OrderLine[] = input.items.map((item, index) => {
    const product = products[index];
    if (!product)
      throw new ApiError("PRODUCT_NOT_IN_CAMPAIGN", `product${index + 1}_id: product ${item.productId} is not an active product of campaign ${campaign.id}.`, {
        field: `product${index + 1}_id`,
      });
    return {
      productId: product.id,
      name: product.name,
      sku: product.sku,
      quantity: item.quantity,
      unitPriceMinor: product.priceMinor,
      shippingMinor: product.shippingMinor,
      billingType: product.billingType,
      cycleDays: product.cycleDays,
      rebillPriceMinor: product.rebillPriceMinor,
      trialDays: product.trialDays,
    };
  });

  const mid = await findMidForOrder(db, input.amazonBillerId);
  const link = mid && (await findCampaignMid(db, campaign.id, mid.id));
  if (!mid || !link)
    throw new ApiError("MID_NOT_ASSIGNED", `amazonBillerId: MID ${input.amazonBillerId} is not assigned to campaign ${campaign.id}.`, {
      field: "amazonBillerId",
    });
  if (!mid.enabled || !link.enabled)
    throw new ApiError("MID_DISABLED", `amazonBillerId: MID ${mid.id} is disabled${mid.enabled ? " for this campaign" : ""}.`, { field: "amazonBillerId" });
  if (mid.currency !== campaign.currency)
    throw new ApiError(
      "MID_CURRENCY_MISMATCH",
      `amazonBillerId: MID ${mid.id} takes ${mid.currency} but campaign ${campaign.id} sells in ${campaign.currency}.`,
      { field: "amazonBillerId" },
    );

  const sandboxId = /^[SC]/.test(input.amazonOrderId);
  if (sandboxId !== mid.testMode) {
    throw new ApiError(
      "INVALID_FIELD",
      `amazonOrderId: ${input.amazonOrderId} is a ${sandboxId ? "sandbox" : "live"} id but MID ${mid.id} is in ${mid.testMode ? "test" : "live"} mode.`,
      { field: "amazonOrderId" },
    );
  }
  const recurring = lines.filter((l) => l.billingType === "recurring");
  const isBillingAgreement = BA_ID.test(input.amazonOrderId);
  if (recurring.length > 1)
    throw new ApiError("INVALID_FIELD", "product1_id: an order may hold one recurring product; send the others as separate orders.", { field: "product1_id" });
  if (recurring.length === 1 && !isBillingAgreement) {
    throw new ApiError(
      "INVALID_FIELD",
      `amazonOrderId: ${recurring[0].name} is recurring and needs a billing agreement id (C01-…/B01-…), from the widgets with agreementType BillingAgreement.`,
      { field: "amazonOrderId" },
    );
  }
  if (recurring.length === 0 && isBillingAgreement) {
    throw new ApiError(
      "INVALID_FIELD",
      "amazonOrderId: a billing agreement id was sent but no product of the order is recurring; send the order reference id.",
      { field: "amazonOrderId" },
    );
  }

  const subtotalMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  const shippingMinor = lines.reduce((sum, l) => sum + l.shippingMinor, 0);
  return {
    campaign,
    mid,
    lines,
    subtotalMinor,
    shippingMinor,
    totalMinor: subtotalMinor + shippingMinor,
    kind: isBillingAgreement ? "billing_agreement" : "order_reference",
    recurringLine: recurring[0] ?? null,
    captureNow: campaign.captureMode !== "authorize" || isBillingAgreement,
  };
}
