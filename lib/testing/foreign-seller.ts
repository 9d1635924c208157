import { createAmazonPayClient, type AmazonPayClient, type Money } from "@/lib/amazon-pay";

export type ForeignSeller = { sellerId: string; accessKey: string; secretKey: string; region: "US" | "UK" | "DE" | "JP" };

/**
 * Another Amazon Pay merchant driving the emulator with its own keys, as anyone can at Amazon:
 * its objects are its own, but the reference ids are whatever it picks (here: ours). Amazon then
 * sends genuinely signed IPNs about them to whatever URL that merchant configured.
 */
export function createForeignSellerClient(seller: ForeignSeller, sandboxUrl: string): AmazonPayClient {
  return createAmazonPayClient({ ...seller, sandbox: true, endpointOverride: sandboxUrl, retryBaseDelayMs: 5 });
}

/** Set + Confirm its own order reference, then a CaptureNow Authorize carrying `referenceId`. */
export async function authorizeWithReference(client: AmazonPayClient, input: { amazonOrderReferenceId: string; referenceId: string; amount: Money }) {
  await client.setOrderReferenceDetails({
    amazonOrderReferenceId: input.amazonOrderReferenceId,
    orderTotal: input.amount,
    sellerOrderId: input.referenceId,
    storeName: "Elsewhere",
  });
  await client.confirmOrderReference({ amazonOrderReferenceId: input.amazonOrderReferenceId });
  const { authorization } = await client.authorize({
    amazonOrderReferenceId: input.amazonOrderReferenceId,
    authorizationReferenceId: input.referenceId,
    authorizationAmount: input.amount,
    transactionTimeout: 0,
    captureNow: true,
  });
  return authorization;
}

/** A refund on its own capture carrying `referenceId`, which the emulator later declines. */
export async function refundDeclinedWithReference(client: AmazonPayClient, input: { amazonCaptureId: string; referenceId: string; amount: Money }) {
  const { refund } = await client.refund({
    amazonCaptureId: input.amazonCaptureId,
    refundReferenceId: input.referenceId,
    refundAmount: input.amount,
    sellerRefundNote: JSON.stringify({ SandboxSimulation: { State: "Declined", ReasonCode: "AmazonRejected" } }),
  });
  return refund;
}
