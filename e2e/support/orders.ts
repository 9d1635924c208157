import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_API_USER } from "../../scripts/demo-seed/seed-demo";
import { createCheckout } from "./sandbox";

/** A completed order on campaign 1 (MID 1), placed through the public API as a lander would. */
export async function importDemoOrder(request: APIRequestContext, email = `buyer.${Date.now()}@example.com`): Promise<{ orderId: number; customerId: number }> {
  const checkout = await createCheckout(0, "OrderReference", { name: "Ina Input", email });
  const response = await request.post("/api/order/import", {
    form: {
      loginId: DEMO_API_USER.loginId,
      password: DEMO_API_USER.password,
      campaignId: "1",
      product1_id: "1",
      product1_qty: "1",
      emailAddress: email,
      paySource: "AMAZON",
      amazonBillerId: "1",
      amazonOrderId: checkout.amazonOrderId,
      amazonAddressConsent: checkout.accessToken,
    },
  });
  const body = (await response.json()) as { result: string; message: { orderId: number; customerId: number; orderStatus: string } };
  expect(body).toMatchObject({ result: "SUCCESS", message: { orderStatus: "COMPLETE" } });
  return { orderId: body.message.orderId, customerId: body.message.customerId };
}
