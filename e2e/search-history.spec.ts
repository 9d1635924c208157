import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/accounts";
import { importDemoOrder } from "./support/orders";

const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function openGlobalSearch(page: Page) {
  // "/" is a shortcut only when no field has the focus.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Search orders, customers, MIDs and Amazon ids" });
  await expect(box).toBeFocused();
  return box;
}

test.describe("search that finds, history people can read", () => {
  test("the top bar's search: / opens it, a fragment finds the order, Enter jumps to it; arrows reach the customer", async ({ page, request }) => {
    const token = `q${Date.now().toString(36)}`;
    const { orderId, customerId } = await importDemoOrder(request, `nina.${token}@example.com`);

    await signInAs(page, "support");
    let box = await openGlobalSearch(page);
    await box.pressSequentially(`na.${token}`);
    const results = page.getByRole("listbox", { name: "Search results" });
    await expect(results.getByRole("group", { name: "Orders" }).getByRole("option")).toHaveText([new RegExp(`^Order #${orderId}`)]);
    await expect(results.getByRole("group", { name: "Customers" }).getByRole("option")).toHaveCount(1);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
    await expect(page.getByRole("heading", { name: new RegExp(`Order #${orderId}`) })).toBeVisible();

    // Ctrl+K works too; the second result (the customer) is one arrow away.
    await page.keyboard.press("Control+k");
    box = page.getByRole("combobox", { name: "Search orders, customers, MIDs and Amazon ids" });
    await expect(box).toBeFocused();
    await box.fill(token);
    await expect(results.getByRole("option")).toHaveCount(2);
    await page.keyboard.press("ArrowDown");
    await expect(results.getByRole("option", { selected: true })).toContainText(`nina.${token}@example.com`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/customers/${customerId}$`));

    // An order number, typed with # and Enter pressed at once.
    box = await openGlobalSearch(page);
    await box.fill(`#${orderId}`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));

    // Support may not read MIDs: a MID's name finds nothing; two letters ask for a third.
    box = await openGlobalSearch(page);
    await box.fill("Amazon Pay US");
    await expect(page.getByTestId("global-search-results")).toContainText("Nothing found for “Amazon Pay US”.");
    await box.fill("ni");
    await expect(page.getByTestId("global-search-results")).toContainText("Type at least 3 characters");
  });

  test("an operator finds a MID by its Seller ID from the top bar", async ({ page }) => {
    await signInAs(page, "operator");
    const box = await openGlobalSearch(page);
    await box.fill("A1DEMODEEUR");
    const mids = page.getByRole("listbox", { name: "Search results" }).getByRole("group", { name: "MIDs" });
    await expect(mids.getByRole("option")).toHaveText([/MID #4 Amazon Pay DE/]);
    await expect(mids.getByRole("option")).not.toContainText(/secret/i);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/mids\/4$/);
  });

  test("the order timeline shows who did what and why; staff add notes, an empty note names the field", async ({ page, request }) => {
    const { orderId } = await importDemoOrder(request);
    await signInAs(page, "support");
    await page.goto(`/orders/${orderId}`);
    const activity = page.getByRole("list", { name: "Order activity" });
    await expect(activity.getByTestId("timeline-event").first()).toContainText("Charge $44.90");
    await expect(activity.getByTestId("timeline-event").last()).toContainText("Order placed $44.90");

    const noteForm = page.getByRole("form", { name: "Add a note" });
    await noteForm.getByRole("button", { name: "Add note" }).click();
    await expect(noteForm.getByText("Write a note (what happened, what the customer asked).")).toBeVisible();
    await noteForm.getByLabel("Add a note").fill("Customer called: parcel late, promised an update by Friday.");
    await noteForm.getByRole("button", { name: "Add note" }).click();
    await expect(noteForm.getByText("Note added.")).toBeVisible();
    const note = activity.getByTestId("timeline-event").filter({ hasText: "parcel late" });
    await expect(note).toContainText("Note");
    await expect(note).toContainText("by support@");

    const refund = page.getByRole("form", { name: "Refund" });
    await refund.getByLabel("Amount (USD)").fill("5.00");
    await refund.getByLabel("Reason").fill("Parcel arrived late");
    await refund.getByRole("button", { name: "Review refund" }).click();
    await refund.getByRole("button", { name: "Confirm refund" }).click();
    await expect(refund.getByText("Refund sent to Amazon; it shows as pending until Amazon confirms it.")).toBeVisible();
    const refundEvent = activity.getByTestId("timeline-event").filter({ hasText: "Refund $5.00" });
    await expect(refundEvent).toContainText("by support@");
    await expect(refundEvent).toContainText("reason: “Parcel arrived late”");
  });

  test("the audit log and a MID's history: labels, formatted values, filters by entity, dates and search, links", async ({ page, request }) => {
    const { orderId } = await importDemoOrder(request);
    await signInAs(page, "admin");
    await page.goto(`/orders/${orderId}`);
    const marker = `audit-${Date.now().toString(36)}`;
    await page.getByRole("form", { name: "Add a note" }).getByLabel("Add a note").fill(`Checked address ${marker}`);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByText("Note added.")).toBeVisible();

    // A MID edit, in the MID's own currency and as percentages.
    await page.goto("/mids/4/edit");
    await page.locator('[name="discount_rate"]').fill("2.9");
    await page.locator('[name="transaction_fee"]').fill("0.30");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/mids\/4(\?|$)/);
    const history = page.getByRole("list", { name: "MID history" });
    const edit = history.getByRole("listitem").first();
    await expect(edit).toContainText("MID edited");
    await expect(edit).toContainText("Discount rate");
    await expect(edit).toContainText("2.8 %→2.9 %");
    await expect(edit).toContainText("Transaction fee");
    await expect(edit).toContainText("€0.25→€0.30");
    await expect(edit).not.toContainText("discount_rate_bps");
    await expect(edit).not.toContainText("Monthly cap");

    await page.goto("/settings/audit");
    const filters = page.getByRole("search", { name: "Filter audit log" });
    await filters.getByLabel("Entity").selectOption({ label: "Orders" });
    await filters.getByLabel("Search").fill(marker);
    await filters.getByRole("button", { name: "Apply" }).click();
    const log = page.getByRole("table", { name: "Audit log" });
    await expect(log.getByRole("row")).toHaveCount(2);
    await expect(log.getByRole("row").nth(1)).toContainText("Note");
    await expect(log.getByRole("row").nth(1)).toContainText(`Checked address ${marker}`);

    // Dates: today finds it, from tomorrow finds nothing.
    await filters.getByLabel("From").fill(dayString(Date.now() - 86_400_000));
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(log.getByRole("row")).toHaveCount(2);
    await filters.getByLabel("From").fill(dayString(Date.now() + 2 * 86_400_000));
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();

    await page.goto("/settings/audit?entity=mid&q=4");
    await expect(page.getByRole("table", { name: "Audit log" }).getByRole("row").nth(1)).toContainText("€0.25→€0.30");
    await page.goto(`/settings/audit?entity=order&q=${marker}`);
    await page.getByRole("link", { name: `Order #${orderId}` }).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  });
});
