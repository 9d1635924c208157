import { expect, test } from "@playwright/test";
import { demoUser, signIn, signInAs, type DemoRole } from "./support/accounts";

const NAV: Record<DemoRole, { visible: string[]; hidden: string[] }> = {
  admin: {
    visible: [
      "Overview",
      "MIDs",
      "Campaigns",
      "Orders",
      "Transactions",
      "Customers",
      "Order entry",
      "IPN inbox",
      "Users",
      "Decline messages",
      "API users",
      "Audit log",
    ],
    hidden: [],
  },
  operator: {
    visible: ["Overview", "MIDs", "Campaigns", "Orders", "Transactions", "Customers", "Order entry", "IPN inbox", "Decline messages"],
    hidden: ["Users", "API users", "Audit log"],
  },
  campaign_manager: {
    visible: ["Overview", "MIDs", "Campaigns", "Orders", "Transactions", "Customers"],
    hidden: ["Order entry", "IPN inbox", "Decline messages", "Users", "API users", "Audit log"],
  },
  support: {
    visible: ["Overview", "Orders", "Transactions", "Customers"],
    hidden: ["MIDs", "Campaigns", "Order entry", "IPN inbox", "Decline messages", "Users", "API users", "Audit log"],
  },
};

test.describe("sign-in", () => {
  test("anonymous visitors are sent to the sign-in page", async ({ page }) => {
    await page.goto("/mids");
    await expect(page).toHaveURL(/\/login\?next=%2Fmids/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  for (const role of Object.keys(NAV) as DemoRole[]) {
    test(`${role} signs in and sees only what the role may use`, async ({ page }) => {
      await signInAs(page, role);
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const item of NAV[role].visible) await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
      for (const item of NAV[role].hidden) await expect(nav.getByRole("link", { name: item, exact: true })).toHaveCount(0);
      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("a wrong password gets a clear message and the page stays usable", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(demoUser("support").email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    await page.getByLabel("Password").fill(demoUser("support").password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(demoUser("support").email);
  });

  test("every user can change their own password", async ({ page }) => {
    await signIn(page, demoUser("admin").email, demoUser("admin").password);
    await page.goto("/settings/users");
    const form = page.getByRole("form", { name: "Add user" });
    await form.getByLabel("Name").fill("Pat Password");
    await form.getByLabel("Email").fill("pat@midconsole.test");
    await form.getByLabel("Role").selectOption("support");
    await form.getByLabel("Initial password").fill("first-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("pat@midconsole.test can now sign in.")).toBeVisible();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();

    await signIn(page, "pat@midconsole.test", "first-password-1");
    await page.getByTestId("current-user").click();
    const change = page.getByRole("form", { name: "Change password" });
    await change.getByLabel("Current password").fill("wrong-current");
    await change.getByLabel("New password", { exact: true }).fill("second-password-2");
    await change.getByLabel("Repeat new password").fill("second-password-2");
    await change.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Current password is not correct.")).toBeVisible();
    await change.getByLabel("Current password").fill("first-password-1");
    await change.getByLabel("New password", { exact: true }).fill("second-password-2");
    await change.getByLabel("Repeat new password").fill("second-password-2");
    await change.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed.")).toBeVisible();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await signIn(page, "pat@midconsole.test", "second-password-2");
  });
});
