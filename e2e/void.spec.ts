import { sqliteClientOf } from "@/db/client";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { openDatabase } from "../db/client";
import { E2E_DATABASE_PATH } from "../playwright.config";
import { DEMO_API_USER } from "../scripts/demo-seed/seed-demo";
import { signInAs } from "./support/accounts";
import { createCheckout } from "./support/sandbox";

// The demo's capture-later campaign is seeded after the others: campaign 3, product 5, on MID 1.
const CAPTURE_LATER = { campaignId: "3", product1_id: "5", amazonBillerId: "1" };

async function importAuthorizedOrder(request: APIRequestContext, name: string): Promise<number> {
  const email = `${name.toLowerCase()}.${Date.now()}@example.com`;
  const checkout = await createCheckout(0, "OrderReference", { name: `${name} Buyer`, email });
  const response = await request.post("/api/order/import", {
    form: {
      loginId: DEMO_API_USER.loginId,
      password: DEMO_API_USER.password,
      ...CAPTURE_LATER,
      emailAddress: email,
      amazonOrderId: checkout.amazonOrderId,
      amazonAddressConsent: checkout.accessToken,
    },
  });
  const body = (await response.json()) as { result: string; message: { orderId: number; orderStatus: string; amountPaid: string } };
  expect(body).toMatchObject({ result: "SUCCESS", message: { orderStatus: "AUTHORIZED", amountPaid: "0.00" } });
  return body.message.orderId;
}

test("the cancel form of a declined order checks its reason before its confirmation", async ({ page }) => {
  const db = openDatabase(E2E_DATABASE_PATH);
  const declined = sqliteClientOf(db)
    .prepare(`select id from orders where status = 'DECLINED' and amazon_order_reference_id is not null order by id limit 1`)
    .get() as { id: number };
  sqliteClientOf(db).close();
  await signInAs(page, "support");
  await page.goto(`/orders/${declined.id}`);
  const cancelForm = page.getByRole("form", { name: "Cancel order" });
  await cancelForm.getByRole("button", { name: "Cancel order…" }).click();
  const summary = cancelForm.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Reason: A reason is required.");
  await expect(cancelForm.getByRole("group", { name: "Confirm cancel" })).toHaveCount(0);
  await cancelForm.getByLabel("Reason").fill("Buyer asked to cancel");
  await cancelForm.getByRole("button", { name: "Cancel order…" }).click();
  await expect(cancelForm.getByRole("group", { name: "Confirm cancel" })).toBeVisible();
  await expect(summary).toHaveCount(0);
});

test.describe("capture-later orders", () => {
  test("support voids an open authorization with a reason; the order is VOIDED with a VOID transaction", async ({ page, request }) => {
    const orderId = await importAuthorizedOrder(request, "Vera");
    await signInAs(page, "support");
    await page.goto(`/orders/${orderId}`);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: /Order #/ })).toContainText("Authorized");
    await expect(page.getByText("Authorized $44.90 — capture it below")).toBeVisible();
    await page.goto(`/orders?q=${orderId}`);
    await expect(page.getByRole("table", { name: "Orders" }).getByRole("row", { name: new RegExp(`#${orderId}`) })).toContainText(
      "Authorized $44.90 — capture it from the order page",
    );
    await page.goto(`/orders/${orderId}`);
    await page.waitForLoadState("networkidle");

    // Without a reason there is no confirmation step: the error summary takes focus and links to the field.
    const voidForm = page.getByRole("form", { name: "Void authorization" });
    await voidForm.getByRole("button", { name: "Void authorization…" }).click();
    const summary = voidForm.getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Reason: A reason is required to void an authorization.");
    await expect(voidForm.locator('[data-field-error="reason"]')).toHaveText("A reason is required to void an authorization.");
    await expect(voidForm.getByRole("group", { name: "Confirm void" })).toHaveCount(0);
    await summary.getByRole("link", { name: /Reason/ }).click();
    await expect(voidForm.getByLabel("Reason")).toBeFocused();

    await voidForm.getByLabel("Reason").fill("Out of stock, not shipping");
    await voidForm.getByRole("button", { name: "Void authorization…" }).click();
    await expect(voidForm.getByRole("group", { name: "Confirm void" })).toContainText("Void the authorization of 44.90 USD on MID #1 Amazon Pay US — Main?");
    await voidForm.getByRole("button", { name: "Confirm void" }).click();

    await expect(page.getByRole("heading", { name: /Order #/ })).toContainText("Voided");
    const voidRow = page.getByRole("table", { name: "Transactions" }).getByRole("row", { name: /Void/ });
    await expect(voidRow).toContainText("Completed");
    await expect(voidRow).toContainText("$44.90");
    await expect(voidRow).toContainText("Out of stock, not shipping");
    await expect(page.getByRole("form", { name: "Void authorization" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Capture" })).toHaveCount(0);
  });

  test("support captures an open authorization; the order is COMPLETE and can then be refunded", async ({ page, request }) => {
    const orderId = await importAuthorizedOrder(request, "Carl");
    await signInAs(page, "support");
    await page.goto(`/orders/${orderId}`);
    await page.waitForLoadState("networkidle");

    const capture = page.getByRole("form", { name: "Capture" });
    await capture.getByRole("button", { name: "Capture 44.90 USD…" }).click();
    await expect(capture.getByRole("group", { name: "Confirm capture" })).toContainText("Capture 44.90 USD through MID #1 Amazon Pay US — Main?");
    await capture.getByRole("button", { name: "Confirm capture" }).click();

    await expect(page.getByRole("heading", { name: /Order #/ })).toContainText("Completed");
    const captureRow = page.getByRole("table", { name: "Transactions" }).getByRole("row", { name: /Capture/ });
    await expect(captureRow).toContainText("Completed");
    await expect(captureRow).toContainText(/-C\d+/);
    // The authorization closed because it was captured: a note, never an error code.
    const authorizationRow = page.getByRole("table", { name: "Transactions" }).getByRole("row", { name: /Authorization/ });
    await expect(authorizationRow).toContainText("Closed after capture");
    await expect(page.getByRole("table", { name: "Transactions" })).not.toContainText("MaxCapturesProcessed");
    await expect(page.getByRole("form", { name: "Void authorization" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Refund" })).toBeVisible();
  });

  test("campaign managers choose the capture mode but cannot capture or void", async ({ page, request }) => {
    const orderId = await importAuthorizedOrder(request, "Mona");
    await signInAs(page, "campaign_manager");
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByRole("heading", { name: /Order #/ })).toContainText("Authorized");
    await expect(page.getByRole("form", { name: "Capture" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Void authorization" })).toHaveCount(0);

    await page.goto("/campaigns/new");
    await page.waitForLoadState("networkidle");
    const form = page.getByRole("form", { name: "Campaign" });
    await form.getByLabel("Campaign name").fill(`E2E Ship Later ${Date.now()}`);
    await form.getByLabel("Amazon store name").fill("Ship Later Co");
    await form.getByLabel("Capture").selectOption({ label: "Later (authorize only; capture or void from the order page)" });
    await form.getByRole("button", { name: "Create campaign" }).click();
    await expect(page.getByText("Campaign created. Add products and assign MIDs next.")).toBeVisible();
    await expect(page.getByText("authorize only, capture or void from the order page")).toBeVisible();
  });
});
