import { expect, test } from "@playwright/test";
import { demoUser, signIn, signInAs } from "./support/accounts";

async function addUser(page: import("@playwright/test").Page, email: string, role: string) {
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add user" });
  await form.getByLabel("Name").fill(`User ${role}`);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("Initial password").fill("initial-password-1");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`${email} can now sign in.`)).toBeVisible();
}

test.describe("users (admin)", () => {
  test("field errors name the rule and keep the typed values", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/settings/users");
    const form = page.getByRole("form", { name: "Add user" });
    await form.getByLabel("Name").fill("Short Password");
    await form.getByLabel("Email").fill(demoUser("support").email);
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("Password must be at least 10 characters.")).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue("Short Password");
    await form.getByLabel("Initial password").fill("long-enough-password");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("A user with this email already exists.")).toBeVisible();
  });

  test("a demoted or disabled user loses access on the next request", async ({ browser }) => {
    // Two browsers, two sign-ins of the user and three admin actions: slow on a busy machine.
    test.setTimeout(120_000);
    const adminPage = await (await browser.newContext()).newPage();
    await signInAs(adminPage, "admin");
    await addUser(adminPage, "demote-me@midconsole.test", "operator");

    const userPage = await (await browser.newContext()).newPage();
    await signIn(userPage, "demote-me@midconsole.test", "initial-password-1");
    await userPage.goto("/mids/new");
    await expect(userPage.getByRole("heading", { name: "New MID" })).toBeVisible();

    const row = adminPage.locator('tr[data-user="demote-me@midconsole.test"]');
    await row.getByLabel("Role of demote-me@midconsole.test").selectOption("support");
    await adminPage.getByRole("alertdialog").getByRole("button", { name: "Change role" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: "User operator is now Support." })).toBeVisible();

    // The role change ended the session; signed in again, the user has the new role's access.
    await userPage.goto("/mids/new");
    await expect(userPage).toHaveURL(/\/login/);
    await signIn(userPage, "demote-me@midconsole.test", "initial-password-1");
    await userPage.goto("/mids/new");
    await expect(userPage).toHaveURL(/\/forbidden$/);
    await expect(userPage.getByRole("heading", { name: "You don't have access to that page" })).toBeVisible();

    await row.getByRole("button", { name: "Disable demote-me@midconsole.test" }).click();
    await adminPage.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
    await userPage.goto("/");
    await expect(userPage).toHaveURL(/\/login/);

    await userPage.getByLabel("Email").fill("demote-me@midconsole.test");
    await userPage.getByLabel("Password").fill("initial-password-1");
    await userPage.getByRole("button", { name: "Sign in" }).click();
    await expect(userPage.getByText("This account is disabled. Ask an admin to enable it.")).toBeVisible();
  });

  test("the last active admin cannot be demoted or disabled", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/settings/users");
    const email = demoUser("admin").email;
    const row = page.locator(`tr[data-user="${email}"]`);
    await row.getByLabel(`Role of ${email}`).selectOption("operator");
    await page.getByRole("alertdialog").getByRole("button", { name: "Change role" }).click();
    await expect(row.getByText("This is the last active admin; make another user admin first.")).toBeVisible();
    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
    await expect(row.getByText("This is the last active admin; it cannot be disabled.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("admin");
  });

  test("non-admins cannot open user management or the audit log", async ({ page }) => {
    await signInAs(page, "operator");
    for (const path of ["/settings/users", "/settings/audit"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
    }
  });
});
