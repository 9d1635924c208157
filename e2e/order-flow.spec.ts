import { expect, test } from "@playwright/test";
import { DEMO_SELLERS } from "../scripts/demo-seed/seed-demo";
import { signInAs } from "./support/accounts";

const SPARE = DEMO_SELLERS[4];

test("operator adds a MID at the emulator, a campaign manager routes a campaign to it, and Order Entry charges and declines", async ({ browser }) => {
  const operator = await (await browser.newContext()).newPage();
  await signInAs(operator, "operator");

  // 1. A MID whose credentials the emulator knows; first with a wrong secret, then the right one.
  await operator.goto("/mids/new");
  const fields: Record<string, string> = {
    merchant_id: SPARE.sellerId,
    access_key: SPARE.accessKey,
    secret_key: "WrongSecretKey000000000000000000000000000".slice(0, 40),
    client_id: SPARE.clientId,
    title: "E2E Flow MID",
    descriptor: "AMZ*E2EFLOW",
    customer_service_phone: "+1 800 555 0199",
    monthly_cap: "1000",
  };
  for (const [name, value] of Object.entries(fields)) await operator.locator(`[name="${name}"]`).fill(value);
  await operator.getByRole("button", { name: "Create MID" }).click();
  await expect(operator.getByText("MID created.")).toBeVisible();
  const midId = new URL(operator.url()).pathname.split("/").pop() as string;
  await operator.getByRole("button", { name: "Verify credentials" }).click();
  await expect(
    operator.getByText("SignatureDoesNotMatch — Amazon rejected the signature: the MWS secret key does not belong to this access key.").first(),
  ).toBeVisible();
  await operator.getByRole("link", { name: "Edit" }).click();
  await operator.locator('[name="secret_key"]').fill(SPARE.secretKey);
  await operator.getByRole("button", { name: "Save changes" }).click();
  await expect(operator.getByText("Changes saved.")).toBeVisible();
  await operator.getByRole("button", { name: "Verify credentials" }).click();
  await expect(operator.getByTestId("last-verify")).toContainText("ACTIVE — Amazon accepted the credentials");

  // 2. A campaign manager builds a campaign on that MID.
  const manager = await (await browser.newContext()).newPage();
  await signInAs(manager, "campaign_manager");
  await manager.goto("/campaigns/new");
  await manager.getByLabel("Campaign name").fill("E2E Flow campaign");
  await manager.getByLabel("Amazon store name").fill("E2E Flow Store");
  await manager.getByRole("button", { name: "Create campaign" }).click();
  await expect(manager.getByText("Campaign created.", { exact: false })).toBeVisible();
  const campaignId = new URL(manager.url()).pathname.split("/").pop() as string;
  const add = manager.getByRole("form", { name: "Add product" });
  await add.getByLabel("Product name").fill("Flow Serum");
  await add.getByLabel("SKU").fill("FLOW-1");
  await add.getByLabel("Price (USD)").fill("19.99");
  await add.getByRole("button", { name: "Add product" }).click();
  await expect(manager.getByRole("table", { name: "Products" })).toContainText("$19.99");
  const assign = manager.getByRole("form", { name: "Assign MID" });
  await assign.getByLabel("MID").selectOption(midId);
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(manager.getByRole("table", { name: "Assigned MIDs" })).toContainText("E2E Flow MID");

  // 3. Order Entry: an approved order, then a hard decline with its mapped message.
  await operator.goto(`/order-entry?campaign=${campaignId}`);
  const form = operator.getByRole("form", { name: "Order entry" });
  const sandbox = operator.getByRole("form", { name: "Sandbox checkout" });
  await sandbox.getByRole("button", { name: "Create sandbox checkout" }).click();
  await expect(form.getByLabel("Order reference id")).toHaveValue(/^S01-/);
  await form.getByRole("button", { name: "Place order" }).click();
  const result = operator.getByRole("region", { name: "Order result" });
  await expect(result).toContainText("Completed");
  await expect(result).toContainText("Charged 19.99 USD.");

  const firstOro = await form.getByLabel("Order reference id").inputValue();
  await sandbox.getByRole("button", { name: "Create sandbox checkout" }).click();
  await expect(form.getByLabel("Order reference id")).not.toHaveValue(firstOro);
  await form.getByLabel("Sandbox simulation").selectOption("amazon-rejected");
  await form.getByRole("button", { name: "Place order" }).click();
  await expect(result).toContainText("Declined");
  await expect(result).toContainText("Amazon Pay could not accept this payment. Please use another payment method.");

  // The MID list shows the volume and the verification.
  await operator.goto("/mids?q=E2E%20Flow");
  const row = operator.getByRole("row", { name: /E2E Flow MID/ });
  await expect(row).toContainText("$19.99");
  await expect(row).toContainText("Verified");
});
