import { expect, test } from "@playwright/test";
import { signInAs } from "./support/accounts";

test("an admin creates an API user, sees its password once, and limits and disables it", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/api-users");
  const form = page.getByRole("form", { name: "Add API user" });
  await form.getByLabel("Login ID").fill("lander-e2e");
  await form.getByLabel("Name").fill("E2E lander");
  await form.getByLabel("Allowed IP addresses").fill("203.0.113.0/24\nnot-an-ip");
  await form.getByRole("button", { name: "Create API user" }).click();
  await expect(form.locator('[data-field-error="allowed_ips"]')).toHaveText("Not an IP address or CIDR range: not-an-ip.");
  await form.getByLabel("Allowed IP addresses").fill("203.0.113.0/24");
  await form.getByRole("button", { name: "Create API user" }).click();
  const password = (await page.getByTestId("new-api-password").textContent()) ?? "";
  expect(password.length).toBeGreaterThanOrEqual(32);

  const row = page.locator('tr[data-api-user="lander-e2e"]');
  await expect(row).toContainText("203.0.113.0/24");
  await expect(row).toContainText("Import Order");
  await page.reload();
  await expect(page.getByTestId("new-api-password")).toHaveCount(0);
  expect(await page.content()).not.toContain(password);

  await row.getByRole("link", { name: "Access" }).click();
  await expect(page.getByRole("heading", { name: "Access of lander-e2e" })).toBeVisible();
  // Let the form hydrate before ticking, or hydration may render the box unticked again.
  await page.waitForLoadState("networkidle");
  await page.getByLabel(/Refund order/).check();
  await expect(page.getByLabel(/Refund order/)).toBeChecked();
  await page.getByRole("button", { name: "Save access" }).click();
  await expect(page.getByText("Access saved.")).toBeVisible();
  await expect(page.locator('tr[data-api-user="lander-e2e"]')).toContainText("Refund order");

  await page.locator('tr[data-api-user="lander-e2e"]').getByRole("button", { name: "Disable" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(page.locator('tr[data-api-user="lander-e2e"]')).toContainText("Disabled");
});
