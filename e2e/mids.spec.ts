import fs from "node:fs";
import { expect, test, type Page, type Request } from "@playwright/test";
import { signInAs } from "./support/accounts";

const SECRETS = {
  secret_key: "E2eSecretKey/PlusSlash+00000000000000042",
  client_secret: "e2e-client-secret-value-0042",
  mws_auth_token: "amzn.mws.4ea38b7b-f563-7709-4bae-87aeae0a1b42",
};

function captureBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // Redirects and aborted requests have no body to read.
    }
  });
  return bodies;
}

function expectNoSecrets(texts: string[]) {
  for (const text of texts)
    for (const secret of Object.values(SECRETS)) expect(text.includes(secret), `a response contained ${secret.slice(0, 6)}…`).toBe(false);
}

async function fillMidForm(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`[name="${name}"]`);
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
}

test.describe("MIDs", () => {
  test("a new MID's currency follows its region until the operator picks one; money and rates show their unit", async ({ page }) => {
    await signInAs(page, "operator");
    await page.goto("/mids/new");
    const form = page.getByRole("form", { name: "MID" });
    const region = form.getByLabel("Region");
    const currency = form.getByLabel("Currency");
    await expect(currency).toHaveValue("USD");
    await expect(form.locator(`[data-unit-for="monthly_cap"]`)).toHaveText("USD");
    await region.selectOption("UK");
    await expect(currency).toHaveValue("GBP");
    await expect(form.locator(`[data-unit-for="monthly_cap"]`)).toHaveText("GBP");
    await expect(form.getByLabel("Monthly cap")).toHaveAccessibleDescription("GBP");
    await region.selectOption("DE");
    await expect(currency).toHaveValue("EUR");
    // Once the operator picks a currency the region no longer changes it, unless that region cannot take it.
    await currency.selectOption("USD");
    await region.selectOption("UK");
    await expect(currency).toHaveValue("USD");
    await region.selectOption("JP");
    await expect(currency).toHaveValue("JPY");
    await expect(form.locator(`[data-unit-for="transaction_fee"]`)).toHaveText("JPY");
    for (const name of ["cap_alert_percent", "discount_rate", "reserve_rate"]) await expect(form.locator(`[data-unit-for="${name}"]`)).toHaveText("%");
  });

  test("an operator creates, edits and disables a MID; secrets never come back", async ({ page, browser }) => {
    const bodies = captureBodies(page);
    await signInAs(page, "operator");
    await page.goto("/mids");
    await page.getByRole("link", { name: "New MID" }).first().click();
    await expect(page.getByRole("heading", { name: "New MID" })).toBeVisible();

    await fillMidForm(page, {
      merchant_id: "A3E2ETESTSELLER",
      access_key: "AKIAE2ETESTKEY000042",
      ...SECRETS,
      client_id: "amzn1.application-oa2-client.e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0",
      region: "US",
      currency: "EUR",
      title: "E2E Amazon Pay US",
      mid_number: "E2E-42",
      descriptor: "AMZ*THIS-IS-TOO-LONG",
      customer_service_phone: "+1 800 555 0142",
      monthly_cap: "12500.00",
      discount_rate: "2.95",
    });
    await page.getByRole("button", { name: "Create MID" }).click();

    await expect(page.getByText("Check the highlighted fields.")).toBeVisible();
    // The summary at the top takes focus and links each error to its field.
    const summary = page.getByRole("form", { name: "MID" }).getByRole("alert");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Currency: Amazon Pay US accepts USD only." })).toBeVisible();
    // Each link's address is its field's real id, so it is a working in-page link in its own right.
    const descriptorId = await page.locator('[name="descriptor"]').getAttribute("id");
    expect(descriptorId).toBeTruthy();
    await expect(summary.getByRole("link", { name: /^Descriptor must be/ })).toHaveAttribute("href", `#${descriptorId}`);
    await summary.getByRole("link", { name: /^Descriptor must be/ }).click();
    await expect(page.locator('[name="descriptor"]')).toBeFocused();
    await expect(page.locator('[data-field-error="descriptor"]')).toHaveText("Descriptor must be 1–16 characters (Amazon's limit); it has 20.");
    await expect(page.locator('[data-field-error="currency"]')).toHaveText("Amazon Pay US accepts USD only.");
    await expect(page.locator('[name="descriptor"]')).toHaveAttribute("aria-invalid", "true");
    // What was typed survives the round trip, secrets included (they never left the browser's form).
    await expect(page.locator('[name="title"]')).toHaveValue("E2E Amazon Pay US");
    await expect(page.locator('[name="merchant_id"]')).toHaveValue("A3E2ETESTSELLER");
    await expect(page.locator('[name="monthly_cap"]')).toHaveValue("12500.00");
    await expect(page.locator('[name="secret_key"]')).toHaveValue(SECRETS.secret_key);

    await fillMidForm(page, { currency: "USD", descriptor: "AMZ*E2ESTORE" });
    await page.getByRole("button", { name: "Create MID" }).click();
    await expect(page.getByText("MID created.")).toBeVisible();
    const midId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(midId).toBeGreaterThan(0);
    await expect(page.getByText("amazonBillerId=" + midId)).toBeVisible();
    await expect(page.getByText("A3E2ETESTSELLER").first()).toBeVisible();
    await expect(page.getByText("••••0042").first()).toBeVisible();
    await expect(page.locator("dd", { hasText: "$12,500.00" }).first()).toBeVisible();

    // Edit: blank secrets keep the stored ones.
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByText("Set · leave blank to keep the stored value").first()).toBeVisible();
    await expect(page.locator('[name="secret_key"]')).toHaveValue("");
    await fillMidForm(page, { title: "E2E Amazon Pay US (renamed)", monthly_cap: "20000" });
    const editRequest = page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Save changes" }).click();
    const captured = await editRequest;
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /E2E Amazon Pay US \(renamed\)/ })).toBeVisible();
    const history = page.getByRole("list", { name: "MID history" });
    const latest = history.getByRole("listitem").first();
    await expect(latest).toContainText("MID edited");
    await expect(latest).toContainText("Monthly cap$12,500.00→$20,000.00");
    await expect(latest).toContainText("E2E Amazon Pay US (renamed)");
    await expect(latest).not.toContainText("secret_key");

    // Disable.
    await page.getByRole("button", { name: "Disable" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
    await expect(page.getByRole("button", { name: "Enable" })).toBeVisible();
    await expect(page.getByRole("heading").getByText("Disabled")).toBeVisible();
    await page.goto("/mids?status=disabled");
    await expect(page.getByRole("link", { name: "E2E Amazon Pay US (renamed)" })).toBeVisible();

    bodies.push(await page.content());
    expectNoSecrets(bodies);

    // The same edit action replayed as support and as a campaign manager is refused.
    for (const role of ["support", "campaign_manager"] as const) {
      const context = await browser.newContext();
      const other = await context.newPage();
      await signInAs(other, role);
      const headers = { ...captured.headers() };
      delete headers.cookie;
      const body = captured.postDataBuffer() ?? Buffer.from("");
      const replay = await context.request.post(captured.url(), { headers, data: body, maxRedirects: 0 });
      expect(await replay.text()).toContain("You do not have permission to do that.");
      await other.goto(`/mids/${midId}/edit`);
      await expect(other).toHaveURL(/\/forbidden$/);
      await context.close();
    }
    await page.goto(`/mids/${midId}`);
    await expect(page.getByRole("heading", { name: /E2E Amazon Pay US \(renamed\)/ })).toBeVisible();

    // Encrypted at rest: the database files never hold a secret in clear.
    const files = ["data/e2e.db", "data/e2e.db-wal"].filter((f) => fs.existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const secret of Object.values(SECRETS)) expect(bytes.includes(Buffer.from(secret)), `${file} holds a secret in clear`).toBe(false);
    }
  });

  test("campaign managers read MIDs without edit controls; support cannot open them", async ({ page, browser }) => {
    await signInAs(page, "campaign_manager");
    await page.goto("/mids");
    await expect(page.getByRole("table", { name: "MIDs" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New MID" })).toHaveCount(0);
    await page.getByRole("link", { name: "Amazon Pay US — Main" }).click();
    await expect(page.getByRole("heading", { name: /Amazon Pay US — Main/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Disable" })).toHaveCount(0);
    await page.goto("/mids/new");
    await expect(page).toHaveURL(/\/forbidden$/);

    const support = await (await browser.newContext()).newPage();
    await signInAs(support, "support");
    for (const path of ["/mids", "/mids/1", "/mids/1/edit", "/mids/new"]) {
      await support.goto(path);
      await expect(support).toHaveURL(/\/forbidden$/);
    }
  });

  test("the list filters by search, region and mode and says when nothing matches", async ({ page }) => {
    await signInAs(page, "operator");
    await page.goto("/mids?region=UK");
    await expect(page.getByRole("link", { name: "Amazon Pay UK" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Amazon Pay US — Main" })).toHaveCount(0);
    await page.goto("/mids");
    await page.getByRole("searchbox", { name: "Search MIDs" }).fill("A1DEMOUSBACK02");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=A1DEMOUSBACK02/);
    await expect(page.getByRole("link", { name: "Amazon Pay US — Backup" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Amazon Pay US — Main" })).toHaveCount(0);
    await page.goto("/mids?mode=live");
    await expect(page.getByText("No MIDs match these filters")).toBeVisible();
  });
});
