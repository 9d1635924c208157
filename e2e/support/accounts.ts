import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_USERS } from "../../db/seed-demo";

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
  await expect(page.getByTestId("current-user")).toContainText(email);
}

export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
}
