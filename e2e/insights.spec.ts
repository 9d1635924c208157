import { sqliteClientOf } from "@/db/client";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_PATH } from "../playwright.config";
import { openDatabase } from "../db/client";
import { startOfDayMs } from "../lib/money/calendar";
import { signInAs } from "./support/accounts";

const DAY = 86_400_000;

test.describe("Insight on MID and campaign pages", () => {
  test("a MID page shows the last 30 days' approval, declines and daily charts that match the data", async ({ page }) => {
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const db = openDatabase(E2E_DATABASE_PATH);
    const from = startOfDayMs(new Date(Date.now() - 29 * DAY), "UTC");
    const count = (status: string) =>
      Number(
        sqliteClientOf(db)
          .prepare(`select count(*) from transactions where mid_id = 1 and created_at >= ? and type in ('SALE','AUTHORIZE') and status ${status}`)
          .pluck()
          .get(from),
      );
    const attempts = count("<> 'PENDING'");
    const approved = count("= 'SUCCESS'");
    sqliteClientOf(db).close();
    expect(attempts).toBeGreaterThan(0);

    await signInAs(page, "campaign_manager");
    await page.goto("/mids/1");
    const figures = page.getByTestId("mid-insight-figures");
    await expect(figures).toContainText(`${((approved / attempts) * 100).toFixed(1)} %`);
    await expect(figures).toContainText(`${attempts.toLocaleString("en-US")} charge attempts`);
    await expect(figures).toContainText(`Declined or failed${(attempts - approved).toLocaleString("en-US")}`);
    await expect(page.getByRole("list", { name: "Declines by reason on this MID" }).getByRole("listitem").first()).toBeVisible();
    // Drawn by the chart library once the page is interactive, under the nonce-only CSP.
    const volume = page.getByRole("img", { name: /^Captured per day, last 30 days/ });
    await expect(volume.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(
      page
        .getByRole("img", { name: /^Charge attempts per day/ })
        .locator(".recharts-bar-rectangle")
        .first(),
    ).toBeVisible();
    expect(cspViolations).toEqual([]);

    await page.getByRole("link", { name: "Orders on this MID" }).click();
    await expect(page).toHaveURL(/\/orders\?mid=1$/);
  });

  test("a campaign's routing table says which share of new orders each MID gets now", async ({ page }) => {
    await signInAs(page, "campaign_manager");
    await page.goto("/campaigns/1"); // priority routing: the first MID taking orders gets them all
    await expect(page.getByTestId("routing-share-1")).toHaveText("100 %");
    await expect(page.getByTestId("routing-share-2")).toHaveText("—");
  });
});
