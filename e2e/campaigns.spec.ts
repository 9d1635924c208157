import { expect, test } from "@playwright/test";
import { signInAs } from "./support/accounts";

test.describe("campaigns", () => {
  test("a campaign manager builds a campaign: products, MIDs of its currency, routing and cap room", async ({ page }) => {
    await signInAs(page, "campaign_manager");
    await page.goto("/campaigns");
    await page.getByRole("link", { name: "New campaign" }).first().click();
    const form = page.getByRole("form", { name: "Campaign" });
    await form.getByLabel("Campaign name").fill("E2E Collagen — US");
    await form.getByRole("button", { name: "Create campaign" }).click();
    await expect(form.getByText("Amazon store name is required (buyers see it in their Amazon account).")).toBeVisible();
    await expect(form.getByLabel("Campaign name")).toHaveValue("E2E Collagen — US");
    await form.getByLabel("Amazon store name").fill("Collagen Co");
    await form.getByRole("button", { name: "Create campaign" }).click();
    await expect(page.getByText("Campaign created. Add products and assign MIDs next.")).toBeVisible();
    await expect(page.getByText("No MIDs assigned yet")).toBeVisible();

    // Only USD MIDs are offered; assign the main one first, the backup second.
    const assign = page.getByRole("form", { name: "Assign MID" });
    const options = await assign.getByLabel("MID").locator("option").allTextContents();
    expect(options.some((o) => o.includes("Amazon Pay US — Main"))).toBe(true);
    expect(options.some((o) => o.includes("UK") || o.includes("DE"))).toBe(false);
    await assign.getByLabel("MID").selectOption({ label: options.find((o) => o.includes("US — Main"))! });
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText("MID assigned.")).toBeVisible();
    await assign.getByLabel("MID").selectOption({ label: options.find((o) => o.includes("US — Backup"))! });
    await assign.getByLabel("Priority").fill("2");
    await assign.getByRole("button", { name: "Assign" }).click();
    const mids = page.getByRole("table", { name: "Assigned MIDs" });
    await expect(mids.getByRole("row")).toHaveCount(3);
    await expect(mids.getByRole("row").nth(1)).toContainText("Amazon Pay US — Main");
    await expect(mids.getByRole("row").nth(1)).toContainText("$50,000.00");
    await expect(mids.getByRole("row").nth(2)).toContainText("Amazon Pay US — Backup");

    // Turn the backup off for this campaign only.
    const routing = page.getByRole("form", { name: "Routing of Amazon Pay US — Backup" });
    await routing.getByLabel("Amazon Pay US — Backup takes orders").uncheck();
    await routing.getByLabel("Weight of Amazon Pay US — Backup").fill("0");
    await routing.getByRole("button", { name: "Save" }).click();
    await expect(routing.getByText("Weight must be a whole number from 1 to 1000.")).toBeVisible();
    await routing.getByLabel("Weight of Amazon Pay US — Backup").fill("50");
    await routing.getByRole("button", { name: "Save" }).click();
    await expect(mids.getByRole("row").nth(2)).toContainText("Off here");

    // Products: a recurring one needs its cycle and rebill price.
    const add = page.getByRole("form", { name: "Add product" });
    await add.getByLabel("Product name").fill("Collagen Powder");
    await add.getByLabel("SKU").fill("COL-1");
    await add.getByLabel("Price (USD)").fill("49.9");
    await add.getByRole("button", { name: "Add product" }).click();
    await expect(page.getByRole("table", { name: "Products" })).toContainText("$49.90");
    await add.getByLabel("Product name").fill("Collagen Club");
    await add.getByLabel("SKU").fill("COL-1");
    await add.getByLabel("Price (USD)").fill("4.95");
    await add.getByLabel("Billing").selectOption("recurring");
    await add.getByLabel("Rebill price (USD)").fill("");
    await add.getByRole("button", { name: "Add product" }).click();
    await expect(add.getByText("Another product in this campaign already uses this SKU.")).toBeVisible();
    await add.getByLabel("SKU").fill("COL-CLUB");
    await add.getByRole("button", { name: "Add product" }).click();
    await expect(add.getByText("Rebill price is required.")).toBeVisible();
    await add.getByLabel("Rebill price (USD)").fill("39.90");
    await add.getByRole("button", { name: "Add product" }).click();
    await expect(page.getByRole("table", { name: "Products" })).toContainText("$39.90 every 30 days");
  });

  test("support cannot open campaigns; operators read without editing", async ({ page, browser }) => {
    await signInAs(page, "support");
    for (const path of ["/campaigns", "/campaigns/1", "/campaigns/new", "/campaigns/1/edit"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
    }
    const operator = await (await browser.newContext()).newPage();
    await signInAs(operator, "operator");
    await operator.goto("/campaigns/1");
    await expect(operator.getByRole("heading", { name: /GlowSkin Serum — US/ })).toBeVisible();
    await expect(operator.getByRole("form", { name: "Assign MID" })).toHaveCount(0);
    await operator.goto("/campaigns/1/edit");
    await expect(operator).toHaveURL(/\/forbidden$/);
  });
});
