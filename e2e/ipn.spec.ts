import { expect, test } from "@playwright/test";
import { signInAs } from "./support/accounts";
import { createCheckout } from "./support/sandbox";
import { DEMO_API_USER } from "../scripts/demo-seed/seed-demo";

test("a forged IPN is refused and shown as rejected in the inbox; operators see verified ones with what they changed", async ({ page, request }) => {
  const inner = {
    NotificationReferenceId: "forged-0001",
    NotificationType: "PaymentRefund",
    SellerId: "A1DEMOUSMAIN01",
    ReleaseEnvironment: "Sandbox",
    Version: "2013-01-01",
    NotificationData:
      '<?xml version="1.0"?><RefundNotification><RefundDetails><AmazonRefundId>S01-0000000-0000000-R000001</AmazonRefundId><RefundReferenceId>mc-1-r1</RefundReferenceId><RefundAmount><Amount>999.00</Amount><CurrencyCode>USD</CurrencyCode></RefundAmount><RefundStatus><State>Completed</State></RefundStatus></RefundDetails></RefundNotification>',
    Timestamp: new Date().toISOString(),
  };
  const envelope = {
    Type: "Notification",
    MessageId: "forged-message",
    TopicArn: "arn:aws:sns:us-east-1:291180941288:A1DEMOUSMAIN01",
    Message: JSON.stringify(inner),
    Timestamp: new Date().toISOString(),
    SignatureVersion: "1",
    Signature: Buffer.from("not a real signature").toString("base64"),
    SigningCertURL: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-forged.pem",
  };
  const answer = await request.post("/api/amazon/ipn", {
    data: JSON.stringify(envelope),
    headers: { "content-type": "text/plain; charset=UTF-8", "x-amz-sns-message-type": "Notification" },
  });
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toMatchObject({ result: "rejected", detail: "bad-signature" });

  await signInAs(page, "operator");
  await page.goto("/ipn?show=rejected");
  const row = page.getByRole("table", { name: "IPN events" }).getByRole("row").nth(1);
  await expect(row).toContainText("Rejected");
  await expect(row).toContainText("bad-signature");
  await expect(row.getByRole("button", { name: "Replay" })).toHaveCount(0);

  // A real order makes the emulator send signed IPNs; they arrive verified and matched.
  const checkout = await createCheckout(0);
  const order = await request.post("/api/order/import", {
    form: {
      loginId: DEMO_API_USER.loginId,
      password: DEMO_API_USER.password,
      campaignId: "1",
      product1_id: "1",
      amazonBillerId: "1",
      amazonOrderId: checkout.amazonOrderId,
      amazonAddressConsent: checkout.accessToken,
    },
  });
  const orderId = ((await order.json()) as { message: { orderId: number } }).message.orderId;
  await expect(async () => {
    await page.goto("/ipn?show=verified");
    await expect(
      page
        .getByRole("table", { name: "IPN events" })
        .getByRole("link", { name: `#${orderId}` })
        .first(),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const verifiedRow = page.getByRole("row", { name: new RegExp(`PaymentCapture.*#${orderId}`) }).first();
  await expect(verifiedRow).toContainText("capture Completed");
  await verifiedRow.getByRole("button", { name: "Replay" }).click();
  await expect(verifiedRow).toContainText("replayed: capture Completed");
});

test("support cannot open the IPN inbox", async ({ page }) => {
  await signInAs(page, "support");
  await page.goto("/ipn");
  await expect(page).toHaveURL(/\/forbidden$/);
});
