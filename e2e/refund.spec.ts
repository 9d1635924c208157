import { sqliteClientOf } from "@/db/client";
import { expect, test } from "@playwright/test";
import { DEMO_API_USER } from "../scripts/demo-seed/seed-demo";
import { openDatabase } from "../db/client";
import { E2E_DATABASE_PATH } from "../playwright.config";
import { signInAs } from "./support/accounts";
import { createCheckout, sandboxControl } from "./support/sandbox";

test("support finds an order by Amazon id and by email, refunds part of it, sees it pending at once, and the page shows Amazon's IPN completing it without a reload", async ({
  page,
  request,
}) => {
  const checkout = await createCheckout(0, "OrderReference", { name: "Rita Refund", email: "rita.refund@example.com" });
  const imported = await request.post("/api/order/import", {
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
  const amount = refund.getByLabel("Amount (USD)");
  // Nothing is prefilled: a full refund is a choice, not the default.
  await expect(amount).toHaveValue("");
  await expect(refund.getByText("Up to $44.90")).toBeVisible();
  await refund.getByRole("button", { name: "Review refund" }).click();
  const summary = refund.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Amount: Enter the amount to refund, up to $44.90.");
  await expect(summary).toContainText("Reason: A reason is required for every refund.");
  await expect(refund.getByRole("group", { name: "Confirm refund" })).toHaveCount(0);
  await summary.getByRole("link", { name: /^Reason/ }).click();
  await expect(refund.getByLabel("Reason")).toBeFocused();

  await refund.getByLabel("Reason").fill("Bottle arrived damaged");
  await amount.fill("50.00");
  await refund.getByRole("button", { name: "Review refund" }).click();
  await expect(summary).toContainText("Amount: At most $44.90 can still be refunded on this order.");
  await expect(refund.locator('[data-field-error="amount"]')).toHaveText("At most $44.90 can still be refunded on this order.");
  await expect(refund.getByRole("group", { name: "Confirm refund" })).toHaveCount(0);
  await refund.getByRole("button", { name: "Full amount" }).click();
  await expect(amount).toHaveValue("44.90");
  await expect(amount).toBeFocused();

  await amount.fill("10.00");
  await refund.getByRole("button", { name: "Review refund" }).click();
  await expect(refund.getByRole("group", { name: "Confirm refund" })).toContainText("Refund 10.00 USD through MID #1 Amazon Pay US — Main?");
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

test("support refunds an order from the seeded history: Amazon (the emulator) knows it, and its IPN completes the refund", async ({ page }) => {
  // A four-week-old sale written by the demo seed, never placed through the emulator in this run.
  const db = openDatabase(E2E_DATABASE_PATH);
  const seeded = sqliteClientOf(db)
    .prepare(
      `select o.id, o.total_minor as totalMinor from orders o join transactions t on t.order_id = o.id and t.type = 'SALE' where t.reference_id like 'hist-%' and o.status = 'COMPLETE' and o.mid_id = 1 and o.created_at < ? and not exists (select 1 from transactions r where r.order_id = o.id and r.type = 'REFUND') order by o.id limit 1`,
    )
    .get(Date.now() - 7 * 86_400_000) as { id: number; totalMinor: number };
  sqliteClientOf(db).close();
  expect(seeded, "the demo seeds history orders").toBeTruthy();

  await signInAs(page, "support");
  await page.goto(`/orders/${seeded.id}`);
  const refund = page.getByRole("form", { name: "Refund" });
  await refund.getByLabel("Amount (USD)").fill("5.00");
  await refund.getByLabel("Reason").fill("Late delivery, goodwill refund");
  await refund.getByRole("button", { name: "Review refund" }).click();
  await refund.getByRole("button", { name: "Confirm refund" }).click();
  await expect(refund.getByText("Refund sent to Amazon; it shows as pending until Amazon confirms it.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Transactions" }).getByRole("row", { name: /Refund/ })).toContainText("Pending");

  await sandboxControl("POST", "/_sandbox/clock", { advanceMinutes: 1 });
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Transactions" }).getByRole("row", { name: /Refund/ })).toContainText("Completed", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { name: /Order #/ })).toContainText("Partially refunded");
});
