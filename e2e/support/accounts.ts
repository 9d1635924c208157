import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_USERS } from "../../scripts/demo-seed/seed-demo";

export type DemoRole = "admin" | "operator" | "campaign_manager" | "support";

export function demoUser(role: DemoRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Checking the password hash (argon2) takes seconds when the machine is busy.
  await expect(page.getByTestId("current-user")).toContainText(email, { timeout: 20_000 });
}

export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
}

/** On a page where an admin is signed in: adds a user through Settings → Users. */
export async function addUser(page: Page, input: { email: string; password: string; role?: DemoRole; name?: string }): Promise<void> {
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add user" });
  await form.getByLabel("Name").fill(input.name ?? `User ${input.email.split("@")[0]}`);
  await form.getByLabel("Email").fill(input.email);
  await form.getByLabel("Role").selectOption(input.role ?? "support");
  await form.getByLabel("Initial password").fill(input.password);
  await form.getByRole("button", { name: "Add user" }).click();
  // Hashing the password takes a moment on a busy machine.
  await expect(page.getByText(`${input.email} can now sign in.`)).toBeVisible({ timeout: 15_000 });
}
