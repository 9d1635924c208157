import { expect, test } from "@playwright/test";
import { DEMO_API_USER } from "../db/seed-demo";
import { signInAs } from "./support/accounts";
import { createCheckout, sandboxControl } from "./support/sandbox";

test("support finds an order by Amazon id and by email, refunds part of it, sees it pending at once, and the page shows Amazon's IPN completing it without a reload", async ({ page, request }) => {
  const checkout = await createCheckout(0, "OrderReference", { name: "Rita Refund", email: "rita.refund@example.com" });
  const imported = await request.post("/api/order/import", {
    form: { loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password, campaignId: "1", product1_id: "1", amazonBillerId: "1", amazonOrderId: checkout.amazonOrderId, amazonAddressConsent: checkout.accessToken },
  });
  const { message } = (await imported.json()) as { message: { orderId: number } };

  await signInAs(page, "support");
  await page.goto("/orders");
  await page.getByRole("searchbox", { name: "Search orders" }).fill("rita.refund@example.com");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("table", { name: "Orders" }).getByRole("row")).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search orders" }).fill(checkout.amazonOrderId);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name: `#${message.orderId}` }).click();

  const refund = page.getByRole("form", { name: "Refund" });
  await refund.getByLabel("Amount (USD)").fill("50.00");
  await refund.getByLabel("Reason").fill("Bottle arrived damaged");
  await refund.getByRole("button", { name: "Review refund" }).click();
  await expect(refund.getByRole("group", { name: "Confirm refund" })).toContainText("Refund 50.00 USD through MID #1 Amazon Pay US — Main?");
  await refund.getByRole("button", { name: "Confirm refund" }).click();
  await expect(refund.getByText("At most $44.90 can still be refunded on this order.")).toBeVisible();

  await refund.getByLabel("Amount (USD)").fill("10.00");
  await refund.getByRole("button", { name: "Review refund" }).click();
  await refund.getByRole("button", { name: "Confirm refund" }).click();
  await expect(refund.getByText("Refund sent to Amazon; it shows as pending until Amazon confirms it.")).toBeVisible();
  // At once, before Amazon answers: the header and the totals say what is in flight.
  const heading = page.getByRole("heading", { name: /Order #/ });
  await expect(heading).toContainText("Refund pending $10.00");
  await expect(heading).toContainText("Completed");
  await expect(page.getByText("Waiting for Amazon to confirm; this page updates by itself.")).toBeVisible();
  const refundRow = page.getByRole("table", { name: "Transactions" }).getByRole("row", { name: /Refund/ });
  await expect(refundRow).toContainText("Pending");
  await expect(refundRow).toContainText("-$10.00");

  // Amazon completes the refund (the emulator's clock moves past its refund delay) and sends the
  // IPN; the open page follows by itself, with no reload.
  let reloaded = false;
  page.on("load", () => (reloaded = true));
  await sandboxControl("POST", "/_sandbox/clock", { advanceMinutes: 1 });
  await expect(heading).toContainText("Partially refunded", { timeout: 20_000 });
  await expect(heading).not.toContainText("Refund pending");
  await expect(refundRow).toContainText("Completed");
  await expect(page.getByText("Waiting for Amazon to confirm")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "IPNs" })).toContainText("refund completed");
  expect(reloaded, "the page updated without a reload").toBe(false);
});

test("campaign managers cannot refund", async ({ page }) => {
  await signInAs(page, "campaign_manager");
  await page.goto("/orders/1");
  await expect(page.getByRole("heading", { name: /Order #1/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "Refund" })).toHaveCount(0);
});
