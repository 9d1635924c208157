import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_API_USER } from "../scripts/demo-seed/seed-demo";
import { createCheckout } from "./support/sandbox";
import { signInAs } from "./support/accounts";

const CREDENTIALS = { loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password };

async function post(request: APIRequestContext, path: string, fields: Record<string, string>, as: "form" | "json" = "form") {
  const response = as === "form" ? await request.post(path, { form: fields }) : await request.post(path, { data: fields });
  return { status: response.status(), body: (await response.json()) as { result: string; message: unknown; code?: string; field?: string } };
}

test.describe("Konnektive-compatible order API", () => {
  test("a lander asks for the MID, imports an order, adds an upsell and queries both", async ({ request }) => {
    const mid = await post(request, "/api/campaign/amazon-mid/", { ...CREDENTIALS, campaignId: "1" });
    expect(mid.status).toBe(200);
    expect(mid.body).toMatchObject({ result: "SUCCESS", message: { amazonBillerId: 1, sellerId: "A1DEMOUSMAIN01", region: "US", sandbox: true } });

    const email = `lara.${Date.now()}@example.com`;
    const checkout = await createCheckout(0, "OrderReference", { name: "Lara Lander", email });
    const order = await post(request, "/api/order/import/", {
      ...CREDENTIALS,
      campaignId: "1",
      product1_id: "1",
      product1_qty: "1",
      firstName: "Lara",
      lastName: "Lander",
      emailAddress: email,
      phoneNumber: "5555550100",
      address1: "1 Main St",
      city: "Austin",
      state: "TX",
      postalCode: "78701",
      country: "US",
      ipAddress: "203.0.113.5",
      paySource: "AMAZON",
      amazonBillerId: "1",
      amazonOrderId: checkout.amazonOrderId,
      amazonAddressConsent: checkout.accessToken,
    });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      result: "SUCCESS",
      message: { orderStatus: "COMPLETE", amountPaid: "44.90", currency: "USD", amazonOrderReferenceId: checkout.amazonOrderId },
    });
    const orderId = (order.body.message as { orderId: number }).orderId;

    // The same Amazon order again (no trailing slash, JSON): the first result, not a second charge.
    const again = await post(
      request,
      "/api/order/import",
      {
        ...CREDENTIALS,
        campaignId: "1",
        product1_id: "1",
        amazonBillerId: "1",
        amazonOrderId: checkout.amazonOrderId,
        amazonAddressConsent: checkout.accessToken,
      },
      "json",
    );
    expect(again.body).toMatchObject({ result: "SUCCESS", message: { orderId } });

    const upsellCheckout = await createCheckout(0);
    const upsell = await post(request, "/api/upsale/import/", {
      ...CREDENTIALS,
      orderId: String(orderId),
      productId: "2",
      productQty: "1",
      amazonOrderId: upsellCheckout.amazonOrderId,
      amazonAddressConsent: upsellCheckout.accessToken,
    });
    expect(upsell.body).toMatchObject({ result: "SUCCESS", message: { orderStatus: "COMPLETE", amountPaid: "24.00" } });

    const query = await post(request, "/api/order/query/", { ...CREDENTIALS, emailAddress: email });
    expect(query.body).toMatchObject({ result: "SUCCESS", message: { totalResults: 2 } });
    const txns = await post(request, "/api/transactions/query/", { ...CREDENTIALS, orderId: String(orderId) });
    expect(txns.body).toMatchObject({ result: "SUCCESS", message: { totalResults: 1, data: [{ txnType: "SALE", responseType: "SUCCESS", amount: "44.90" }] } });

    const tooMuch = await post(request, "/api/order/refund/", { ...CREDENTIALS, orderId: String(orderId), refundAmount: "100.00" });
    expect(tooMuch).toMatchObject({
      status: 400,
      body: { result: "ERROR", code: "INVALID_FIELD", message: "refundAmount: At most $44.90 can still be refunded on this order." },
    });
    const refund = await post(request, "/api/order/refund", { ...CREDENTIALS, orderId: String(orderId), refundAmount: "5.00", reason: "Lander-initiated" });
    expect(refund.body).toMatchObject({ result: "SUCCESS", message: { orderId, refundStatus: "PENDING" } });
    const cancelCharged = await post(request, "/api/order/cancel", { ...CREDENTIALS, orderId: String(orderId) });
    expect(cancelCharged.body).toMatchObject({ result: "ERROR", code: "NOT_CANCELABLE", message: "This order was charged; refund it instead of cancelling." });
    const unknown = await post(request, "/api/order/refund", { ...CREDENTIALS, orderId: "999999", fullRefund: "1" });
    expect(unknown).toMatchObject({ status: 404, body: { code: "UNKNOWN_ORDER" } });
  });

  test("every refusal is a stable code with a message naming the problem, never a 500", async ({ request }) => {
    const base = { ...CREDENTIALS, campaignId: "1", product1_id: "1", amazonBillerId: "1", amazonOrderId: "S01-1234567-1234567" };
    const cases: Array<[Record<string, string>, number, string, RegExp]> = [
      [{ ...base, password: "wrong" }, 401, "BAD_CREDENTIALS", /loginId or password/],
      [{ ...base, campaignId: "abc" }, 400, "INVALID_FIELD", /^campaignId: must be a positive whole number/],
      [{ ...base, emailAddress: "not-an-email" }, 400, "INVALID_FIELD", /^emailAddress: must be a valid email/],
      [{ ...base, amazonOrderId: "12345" }, 400, "INVALID_FIELD", /^amazonOrderId: must be an Amazon order reference id/],
      [{ ...base, paySource: "CREDITCARD" }, 400, "INVALID_FIELD", /^paySource: must be AMAZON/],
      [{ ...base, campaignId: "999" }, 404, "UNKNOWN_CAMPAIGN", /Campaign 999 does not exist/],
      [{ ...base, product1_id: "4" }, 422, "PRODUCT_NOT_IN_CAMPAIGN", /product 4 is not an active product of campaign 1/],
      [{ ...base, amazonBillerId: "3" }, 422, "MID_NOT_ASSIGNED", /MID 3 is not assigned to campaign 1/],
      [{ ...base, amazonOrderId: "P01-1234567-1234567" }, 400, "INVALID_FIELD", /is a live id but MID 1 is in test mode/],
      [{ ...base, product1_id: "3" }, 400, "INVALID_FIELD", /needs a billing agreement id/],
      [{ ...base, amazonOrderId: "S01-0000000-0000000" }, 422, "AMAZON_REJECTED_REQUEST", /InvalidOrderReferenceId/],
    ];
    for (const [fields, status, code, message] of cases) {
      const answer = await post(request, "/api/order/import", fields);
      expect.soft(answer.status, code).toBe(status);
      expect.soft(answer.body.code, JSON.stringify(fields)).toBe(code);
      expect.soft(String(answer.body.message)).toMatch(message);
      expect.soft(answer.body.result).toBe("ERROR");
    }
    const malformed = await request.post("/api/order/import", { headers: { "content-type": "application/json" }, data: "{not json" });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({ result: "ERROR", code: "MALFORMED_REQUEST" });
  });

  test("Order Entry: errors name the form's fields, in a summary that takes focus", async ({ page }) => {
    await signInAs(page, "operator");
    await page.goto("/order-entry?campaign=1");
    const form = page.getByRole("form", { name: "Order entry" });
    await form.getByLabel("Email").fill("not-an-email");
    await form.getByRole("button", { name: "Place order" }).click();
    const summary = form.getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Check the highlighted fields.");
    await expect(summary.getByRole("link", { name: "Email must be a valid email address." })).toBeVisible();
    await expect(form.locator('[data-field-error="emailAddress"]')).toHaveText("Email must be a valid email address.");
    await expect(form).not.toContainText("emailAddress");
    await summary.getByRole("link", { name: "Email must be a valid email address." }).click();
    await expect(form.getByLabel("Email")).toBeFocused();

    await form.getByLabel("Email").fill("");
    await form.getByLabel("Quantity", { exact: true }).fill("0");
    await form.getByRole("button", { name: "Place order" }).click();
    await expect(form.locator('[data-field-error="product1_qty"]')).toHaveText("Quantity must be a whole number from 1 to 99.");
  });

  test("Order Entry: a sandbox checkout with a soft-decline simulation shows the mapped message and the order", async ({ page }) => {
    // Operators place sandbox orders with a simulation in Order Entry.
    await signInAs(page, "operator");
    await page.goto("/order-entry?campaign=1");
    const form = page.getByRole("form", { name: "Order entry" });
    await page.getByRole("form", { name: "Sandbox checkout" }).getByRole("button", { name: "Create sandbox checkout" }).click();
    await expect(form.getByLabel("Order reference id")).toHaveValue(/^S01-\d{7}-\d{7}$/);
    await form.getByLabel("Sandbox simulation").selectOption("soft-decline");
    await form.getByRole("button", { name: "Place order" }).click();
    const result = page.getByRole("region", { name: "Order result" });
    await expect(result).toContainText("Declined");
    await expect(result).toContainText(
      "Amazon Pay could not charge this payment method. Please try again, or choose another payment method in your Amazon account.",
    );
    await expect(result).toContainText("InvalidPaymentMethod");
    // The simulation was for that order only: the next one is a normal payment unless chosen again.
    await expect(form.getByLabel("Sandbox simulation")).toHaveValue("");
    await result.getByRole("link", { name: /Open order/ }).click();
    await expect(page.getByRole("table", { name: "Transactions" })).toContainText("Soft decline");
    await expect(page.getByRole("list", { name: "Amazon calls" })).toContainText("Authorize");
  });
});
