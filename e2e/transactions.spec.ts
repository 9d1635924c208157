import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/accounts";

test("support filters transactions, pages with a bookmarkable URL, and exports exactly the filtered list", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "support");
  await page.goto("/transactions");
  const summary = page.getByTestId("transactions-summary");
  await page.getByLabel("Type").selectOption("REFUND");
  await page.getByLabel("Response").selectOption("SUCCESS");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/type=REFUND/);
  await expect(page).toHaveURL(/status=SUCCESS/);
  const count = Number(((await summary.textContent()) ?? "").match(/^([\d,]+)/)?.[1]?.replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);
  const rows = page.getByRole("table", { name: "Transactions" }).getByRole("row");
  for (const text of await rows.allTextContents()) if (!text.startsWith("Date")) expect(text).toMatch(/Refund.*Completed.*-[$£]/);
  // The summary names each currency and splits the money: nothing captured among refunds, the
  // refunds negative, net the difference.
  const usd = page.getByRole("region", { name: "Summary" }).getByLabel("USD totals");
  await expect(usd).toContainText("Captured$0.00USD");
  await expect(usd).toContainText(/Refunded-\$[\d,]+\.\d{2}USD/);
  await expect(usd).toContainText(/Net-\$[\d,]+\.\d{2}USD/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("transactions_type-REFUND_status-SUCCESS.csv");
  const csv = fs
    .readFileSync((await file.path()) as string, "utf8")
    .trim()
    .split("\n");
  expect(csv[0]).toContain("transaction_id,created_at_utc,order_id,type,response,amount");
  expect(csv).toHaveLength(count + 1);
  for (const line of csv.slice(1)) expect(line).toMatch(/,REFUND,SUCCESS,/);

  // Keyset paging through the unfiltered list, as on /orders: Older twice, then Newer steps back
  // one page at a time (a cursor in the URL each way) to the first page, which has no Newer link.
  await page.goto("/transactions?per=25");
  // The page is in the HTML once (a Suspense fallback once sent every page twice).
  expect((await (await page.request.get("/transactions?per=25")).text()).match(/<table /g)).toHaveLength(1);
  const table = page.getByRole("table", { name: "Transactions" });
  // Rows by their reference ids: dates change format when the page hydrates.
  const ids = async () => (await table.locator("tbody tr td:last-child").allTextContents()).map((t) => t.trim());
  // Follows a paging link and waits for its page: the address alone says nothing when it held a
  // cursor already, and the loading bar and skeleton must be gone.
  const follow = async (name: string) => {
    const link = page.getByRole("link", { name });
    const href = (await link.getAttribute("href")) ?? "";
    await link.click();
    await expect(page).toHaveURL(href);
    await expect(page.getByTestId("navigation-progress")).toHaveCount(0);
    await expect(table).toBeVisible();
    return ids();
  };
  const pageOne = await ids();
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  const pageTwo = await follow("Older →");
  expect(page.url()).toMatch(/after=\d+\.\d+/);
  expect(pageTwo).toHaveLength(25);
  expect(pageTwo[0]).not.toEqual(pageOne[0]);
  const pageThree = await follow("Older →");
  expect(pageThree[0]).not.toEqual(pageTwo[0]);
  expect(await follow("← Newer")).toEqual(pageTwo);
  expect(page.url()).toMatch(/before=\d+\.\d+/);
  expect(await follow("← Newer")).toEqual(pageOne);
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("25 shown");
});
