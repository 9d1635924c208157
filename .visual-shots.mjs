// Throwaway: screenshots + overflow + axe colour-contrast of a few screens, light and dark.
import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
const base = process.env.BASE ?? "http://127.0.0.1:3110";
const out = process.env.OUT ?? "/tmp/visual-shots";
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const email = process.env.EMAIL ?? "admin@midconsole.test";
const password = process.env.PASSWORD ?? "demo-admin-pass";
const report = [];
for (const theme of (process.env.THEMES ?? "light,dark").split(",")) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: "theme", value: theme, url: base }]);
  const page = await context.newPage();
  await page.goto(base + "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await page.goto(base + "/orders");
  const orderHref = await page.locator("main table a[href^='/orders/']").first().getAttribute("href");
  await page.goto(base + "/mids");
  const midHref = await page.locator("main table a[href^='/mids/']").first().getAttribute("href");
  const screens = (process.env.SCREENS ?? `overview=/,orders=/orders,order=${orderHref},mid=${midHref},users=/settings/users`).split(",").map((s) => s.split("="));
  for (const [w, h] of [[1440, 900], [820, 1180], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    for (const [name, path] of screens) {
      await page.goto(base + path);
      await page.waitForLoadState("networkidle");
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const axe = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
      const nodes = axe.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")} :: ${n.any[0]?.message ?? ""}`));
      report.push({ theme, w, name, title: await page.title(), overflow: scrollWidth > w ? scrollWidth : 0, contrast: nodes.length, sample: nodes.slice(0, 4) });
      await page.screenshot({ path: `${out}/${theme}-${w}-${name}.png`, fullPage: process.env.FULL === "1" });
    }
  }
  await context.close();
}
await browser.close();
fs.writeFileSync(`${out}/report.json`, JSON.stringify(report, null, 1));
for (const r of report) console.log(r.theme, r.w, r.name, JSON.stringify(r.title), "overflow:", r.overflow, "contrast:", r.contrast, r.sample.join(" | "));
