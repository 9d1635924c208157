import { sqliteClientOf } from "@/db/client";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_PATH } from "../playwright.config";
import { openDatabase } from "../db/client";
import { signInFailures } from "../db/schema";
import { DEMO_API_USER } from "../scripts/demo-seed/seed-demo";
import { SIGN_IN_LIMITS } from "../lib/auth/sign-in-throttle";
import { addUser, signIn, signInAs } from "./support/accounts";
import { apiCall, signInOverHttp } from "./support/raw-http";

/** Wrong passwords from one address, each as soon as the progressive delay allows. */
async function failRepeatedly(baseURL: string, input: { email: string; from: string; times: number }) {
  for (let i = 0; i < input.times; i++) {
    let answer = await signInOverHttp(baseURL, { email: input.email, password: `wrong-${i}`, from: input.from });
    for (let tries = 0; answer.code?.startsWith("throttled:delay:") && tries < 20; tries++) {
      await new Promise((r) => setTimeout(r, Number(answer.code!.split(":")[2]) * 1000));
      answer = await signInOverHttp(baseURL, { email: input.email, password: `wrong-${i}`, from: input.from });
    }
    expect(answer.code, `failure ${i + 1}`).toBe("invalid");
  }
}

test.describe("sign-in throttling", () => {
  // Several browsers, password hashes and real waits: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("an attacker's failures from one address do not stop the right password from another", async ({ page, baseURL }) => {
    await signInAs(page, "admin");
    await addUser(page, { email: "target@midconsole.test", password: "target-password-1" });
    await page.getByRole("button", { name: "Sign out", exact: true }).click();

    await failRepeatedly(baseURL!, { email: "target@midconsole.test", from: "127.0.0.51", times: 5 });
    const attacker = await signInOverHttp(baseURL!, { email: "target@midconsole.test", password: "target-password-1", from: "127.0.0.51" });
    expect(attacker.code, "the attacker's address waits, right password or not").toMatch(/^throttled:/);

    await signIn(page, "target@midconsole.test", "target-password-1");
  });

  test("repeated failures from one address are delayed, with a message naming the wait", async ({ page, baseURL }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody-throttle@midconsole.test");
    await page.getByLabel("Password").fill("wrong-again");
    // The browser is 127.0.0.1; five quick failures from there leave an 8-second wait.
    await failRepeatedly(baseURL!, { email: "nobody-throttle@midconsole.test", from: "127.0.0.1", times: 5 });
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/^Too many failed sign-ins in a row\. Wait \d+ seconds? and try again\.$/)).toBeVisible();
  });

  test("a locked account is shown on Settings → Users and an admin's Unlock lets the user in, audited", async ({ browser }) => {
    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, "admin");
    await addUser(admin, { email: "locked@midconsole.test", password: "locked-password-1" });

    // The ceiling needs 100 failures from 10 addresses with their delays (minutes of waiting);
    // they are written to the app's database as the throttle itself would have written them.
    const db = openDatabase(E2E_DATABASE_PATH);
    const now = Date.now();
    await db.insert(signInFailures).values(
      Array.from({ length: SIGN_IN_LIMITS.perAccount }, (_, i) => ({
        scope: "console" as const,
        email: "locked@midconsole.test",
        ip: `198.51.100.${i % 10}`,
        at: now - 60_000 + i,
      })),
    );
    sqliteClientOf(db).close();

    const user = await (await browser.newContext()).newPage();
    await user.goto("/login");
    await user.getByLabel("Email").fill("locked@midconsole.test");
    await user.getByLabel("Password").fill("locked-password-1");
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(
      user.getByText(/^This account is locked after too many failed sign-ins\. Try again in 14 minutes, or ask an admin to unlock it\.$/),
    ).toBeVisible();

    await admin.goto("/settings/users");
    const row = admin.locator('tr[data-user="locked@midconsole.test"]');
    await expect(row.getByText("Locked", { exact: true })).toBeVisible();
    await expect(row.getByTestId("failed-sign-ins")).toHaveText("100 failed sign-ins in the last 15 minutes");
    await row.getByRole("button", { name: "Unlock locked@midconsole.test" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Unlocked: failed sign-ins cleared." })).toBeVisible();
    await expect(row.getByText("Locked", { exact: true })).toHaveCount(0);

    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user.getByTestId("current-user")).toContainText("locked@midconsole.test");

    await admin.goto("/settings/audit");
    await expect(admin.getByRole("row").filter({ hasText: "user.unlock" }).first()).toContainText("admin@midconsole.test");
  });

  test("the API throttles BAD_CREDENTIALS per loginId and address with TOO_MANY_ATTEMPTS, 429 and Retry-After", async ({ baseURL }) => {
    const fields = { loginId: DEMO_API_USER.loginId, campaignId: "1" };
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailures; i++) {
      const wrong = await apiCall(baseURL!, "/api/campaign/amazon-mid", { ...fields, password: `wrong-${i}` }, { from: "127.0.0.52" });
      expect(wrong.status).toBe(401);
      expect(wrong.json.code).toBe("BAD_CREDENTIALS");
    }
    const throttled = await apiCall(baseURL!, "/api/campaign/amazon-mid", { ...fields, password: DEMO_API_USER.password }, { from: "127.0.0.52" });
    expect(throttled.status).toBe(429);
    expect(throttled.json).toMatchObject({ result: "ERROR", code: "TOO_MANY_ATTEMPTS" });
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(throttled.json.retryAfterSeconds).toBe(Number(throttled.headers["retry-after"]));

    const otherAddress = await apiCall(baseURL!, "/api/campaign/amazon-mid", { ...fields, password: DEMO_API_USER.password }, { from: "127.0.0.53" });
    expect(otherAddress.status).toBe(200);
    expect(otherAddress.json.result).toBe("SUCCESS");
  });
});
