import { expect, test, type Page } from "@playwright/test";
import { addUser, signInAs } from "./support/accounts";

const PASSWORD = "confirm-password-1";

function confirmDialog(page: Page) {
  return page.getByRole("alertdialog");
}

function toast(page: Page, text: string) {
  return page.getByRole("region", { name: "Notifications" }).getByRole("status").filter({ hasText: text });
}

test.describe("dangerous admin actions ask first and can be undone", () => {
  test("a role change asks, Cancel changes nothing, Confirm changes it and Undo restores it", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "admin");
    const email = "confirm-role@midconsole.test";
    await addUser(page, { email, password: PASSWORD, role: "support", name: "Ann Confirm" });
    const role = page.getByLabel(`Role of ${email}`);

    // As a keyboard user would: the select has the focus when its value changes.
    await role.focus();
    await role.selectOption("operator");
    const dialog = confirmDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName("Change Ann Confirm's role from Support to Operator?");
    await expect(dialog).toHaveAccessibleDescription(/signed out of every device/);
    // The harmless choice has the focus, and Cancel gives it back to the select.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(role).toBeFocused();
    await expect(role).toHaveValue("support");
    await page.reload();
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("support");

    await page.getByLabel(`Role of ${email}`).selectOption("operator");
    await confirmDialog(page).getByRole("button", { name: "Change role" }).click();
    const changed = toast(page, "Ann Confirm is now Operator.");
    await expect(changed).toBeVisible();
    // The pointer on the toast holds it open (it would leave after 10 s) while another tab checks.
    await changed.hover();
    // Stored: another tab of the same admin sees the new role.
    const other = await page.context().newPage();
    await other.goto("/settings/users");
    await expect(other.getByLabel(`Role of ${email}`)).toHaveValue("operator");

    await changed.getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "Ann Confirm is Support again.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("support");
    await other.close();
  });

  test("disabling a user asks (Escape cancels), and Undo enables the user again", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "admin");
    const email = "confirm-disable@midconsole.test";
    await addUser(page, { email, password: PASSWORD, name: "Dee Confirm" });
    const row = page.locator(`tr[data-user="${email}"]`);

    await row.getByRole("button", { name: `Disable ${email}` }).click();
    const dialog = confirmDialog(page);
    await expect(dialog).toHaveAccessibleName("Disable Dee Confirm?");
    await expect(dialog).toContainText(`${email} is signed out of every device at once`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(row.getByRole("button", { name: `Disable ${email}` })).toBeFocused();
    await page.reload();
    await expect(row.getByText("Disabled", { exact: true })).toHaveCount(0);

    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await confirmDialog(page).getByRole("button", { name: "Disable" }).click();
    const disabled = toast(page, "Dee Confirm is disabled.");
    await expect(disabled).toBeVisible();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
    await page.reload();
    await expect(row.getByRole("button", { name: `Enable ${email}` })).toBeVisible();

    // The toast is gone after a reload; Undo is offered right after the change.
    await row.getByRole("button", { name: `Enable ${email}` }).click();
    await expect(toast(page, "Dee Confirm is enabled.")).toBeVisible();
    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await confirmDialog(page).getByRole("button", { name: "Disable" }).click();
    await toast(page, "Dee Confirm is disabled.").getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "Dee Confirm is enabled again.")).toBeVisible();
    await page.reload();
    await expect(row.getByRole("button", { name: `Disable ${email}` })).toBeVisible();
    await expect(row.getByText("Disabled", { exact: true })).toHaveCount(0);
  });

  test("disabling an API user asks, and Undo enables it again", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "admin");
    await page.goto("/settings/api-users");
    const form = page.getByRole("form", { name: "Add API user" });
    await form.getByLabel("Login ID").fill("confirm-lander");
    await form.getByLabel("Name").fill("Confirm lander");
    await form.getByRole("button", { name: "Create API user" }).click();
    await expect(page.getByTestId("new-api-password")).toBeVisible();
    const row = page.locator('tr[data-api-user="confirm-lander"]');

    await row.getByRole("button", { name: "Disable" }).click();
    const dialog = confirmDialog(page);
    await expect(dialog).toHaveAccessibleName("Disable confirm-lander?");
    await expect(dialog).toContainText("Its API calls are refused at once");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(row).not.toContainText("Disabled");

    await row.getByRole("button", { name: "Disable" }).click();
    await confirmDialog(page).getByRole("button", { name: "Disable" }).click();
    const disabled = toast(page, "confirm-lander is disabled.");
    await expect(disabled).toBeVisible();
    await expect(row).toContainText("Disabled");
    await disabled.getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "confirm-lander is enabled again.")).toBeVisible();
    await page.reload();
    await expect(row).not.toContainText("Disabled");
    await expect(row.getByRole("button", { name: "Disable" })).toBeVisible();
  });
});
