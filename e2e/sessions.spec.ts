import { expect, test, type Browser, type Page } from "@playwright/test";
import { addUser, signIn, signInAs } from "./support/accounts";

const PASSWORD = "session-password-1";

async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "admin");
  return page;
}

/** Signs the user in on a new context and returns it with a second context holding a copy of its cookie. */
async function signedInWithCopy(browser: Browser, email: string, password = PASSWORD) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  const copy = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await copy.goto("/account");
  await expect(copy.getByRole("heading", { name: "Account" })).toBeVisible();
  return { page, copy };
}

async function expectRefused(copy: Page) {
  await copy.goto("/");
  await expect(copy).toHaveURL(/\/login/);
}

test.describe("revocable sessions", () => {
  // Each test signs in several browsers and hashes passwords: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("a cookie copied before sign-out is refused afterwards: pages go to /login, server actions are refused", async ({ browser }) => {
    const admin = await adminPage(browser);
    await addUser(admin, { email: "sess-signout@midconsole.test", password: PASSWORD });
    const { page, copy } = await signedInWithCopy(browser, "sess-signout@midconsole.test");

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);

    // The copy still shows the account page it loaded before; its next action is refused.
    const change = copy.getByRole("form", { name: "Change password" });
    await change.getByLabel("Current password").fill(PASSWORD);
    await change.getByLabel("New password", { exact: true }).fill("hijacked-password-1");
    await change.getByLabel("Repeat new password").fill("hijacked-password-1");
    await change.getByRole("button", { name: "Change password" }).click();
    await expect(copy.getByText("Your session has ended. Sign in again.")).toBeVisible();
    await expectRefused(copy);
    await signIn(page, "sess-signout@midconsole.test", PASSWORD);
  });

  test("changing one's password keeps this device signed in and refuses a cookie copied before", async ({ browser }) => {
    const admin = await adminPage(browser);
    await addUser(admin, { email: "sess-change@midconsole.test", password: PASSWORD });
    const { page, copy } = await signedInWithCopy(browser, "sess-change@midconsole.test");

    const change = page.getByRole("form", { name: "Change password" });
    await page.goto("/account");
    await change.getByLabel("Current password").fill(PASSWORD);
    await change.getByLabel("New password", { exact: true }).fill("changed-password-2");
    await change.getByLabel("Repeat new password").fill("changed-password-2");
    await change.getByRole("button", { name: "Change password" }).click();
    // Three password hashes (check, new hash, sign-in again): give the answer time.
    await expect(page.getByText(/^Password changed\./)).toBeVisible({ timeout: 20_000 });

    await page.goto("/orders");
    await expect(page.getByTestId("current-user")).toContainText("sess-change@midconsole.test");
    await expectRefused(copy);
  });

  test("an admin's password reset refuses the user's cookies", async ({ browser }) => {
    const admin = await adminPage(browser);
    await addUser(admin, { email: "sess-reset@midconsole.test", password: PASSWORD });
    const { page, copy } = await signedInWithCopy(browser, "sess-reset@midconsole.test");

    const row = admin.locator('tr[data-user="sess-reset@midconsole.test"]');
    await row.getByRole("button", { name: "Reset password" }).click();
    await row.getByLabel("New password for sess-reset@midconsole.test").fill("reset-password-3");
    await row.getByRole("button", { name: "Set", exact: true }).click();
    await expect(admin.getByRole("status").filter({ hasText: /^Password reset/ })).toBeVisible({ timeout: 15_000 });

    await expectRefused(page);
    await expectRefused(copy);
    await signIn(page, "sess-reset@midconsole.test", "reset-password-3");
  });

  test("“Sign out everywhere” on the account page ends every session of the user, audited", async ({ browser }) => {
    const admin = await adminPage(browser);
    await addUser(admin, { email: "sess-everywhere@midconsole.test", password: PASSWORD });
    const laptop = await (await browser.newContext()).newPage();
    await signIn(laptop, "sess-everywhere@midconsole.test", PASSWORD);
    const phone = await (await browser.newContext()).newPage();
    await signIn(phone, "sess-everywhere@midconsole.test", PASSWORD);

    await phone.goto("/account");
    await phone.getByRole("button", { name: "Sign out everywhere" }).click();
    await phone.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(phone).toHaveURL(/\/login/);
    await expectRefused(laptop);

    await admin.goto("/settings/audit");
    const entry = admin.getByRole("row").filter({ hasText: "user.sessions_revoke" }).first();
    await expect(entry).toContainText("sess-everywhere@midconsole.test");
  });

  test("an admin signs a user out everywhere from Settings → Users", async ({ browser }) => {
    const admin = await adminPage(browser);
    await addUser(admin, { email: "sess-admin@midconsole.test", password: PASSWORD });
    const { page, copy } = await signedInWithCopy(browser, "sess-admin@midconsole.test");

    await admin.goto("/settings/users");
    const row = admin.locator('tr[data-user="sess-admin@midconsole.test"]');
    await row.getByRole("button", { name: "Sign out sess-admin@midconsole.test everywhere" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Signed out everywhere." })).toBeVisible();
    await expectRefused(page);
    await expectRefused(copy);

    await admin.goto("/settings/audit");
    const entry = admin.getByRole("row").filter({ hasText: "user.sessions_revoke" }).first();
    await expect(entry).toContainText("admin@midconsole.test");
  });
});
