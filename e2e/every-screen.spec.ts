import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E_DATABASE_PATH } from "../playwright.config";
import { can, type Permission } from "../lib/auth/permissions";
import { signInAs, type DemoRole } from "./support/accounts";
import { listAdminPageRoutes } from "./support/admin-pages";
import { importDemoOrder } from "./support/orders";

/**
 * Every screen, as every role that may see it, at phone, tablet and desktop width: the page is never
 * wider than the viewport, and axe-core finds nothing serious or critical.
 */

const ROLES: DemoRole[] = ["admin", "operator", "campaign_manager", "support"];
const WIDTHS = [390, 820, 1440] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 390: 844, 820: 1180, 1440: 900 };
/**
 * axe is the slow part, so overflow is measured at every width and axe runs at desktop width for
 * every role, and at phone width (where tables start to scroll) for the admin, who sees every screen.
 */
function axeWidths(role: DemoRole): Set<number> {
  return new Set(role === "admin" ? [390, 1440] : [1440]);
}

type DemoIds = { midId: number; campaignId: number; productId: number; customerId: number; orderIds: number[]; apiUserId: number };

/** The permission a screen asks for, read from its requirePageActor("…") call; null = any signed-in user. */
function screenPermission(route: string): Permission | null {
  const file = path.join("app", "(admin)", ...route.split("/").filter(Boolean), "page.tsx");
  const match = /requirePageActor\(\s*"([^"]+)"/.exec(fs.readFileSync(file, "utf8"));
  return match ? (match[1] as Permission) : null;
}

/** Addresses to visit for each screen; a dynamic segment becomes a real demo row. */
function screenUrls(route: string, ids: DemoIds): string[] {
  const dynamic: Record<string, string[]> = {
    "/campaigns/[id]": [`/campaigns/${ids.campaignId}`],
    "/campaigns/[id]/edit": [`/campaigns/${ids.campaignId}/edit`],
    "/campaigns/[id]/products/[productId]": [`/campaigns/${ids.campaignId}/products/${ids.productId}`],
    "/customers/[id]": [`/customers/${ids.customerId}`],
    "/mids/[id]": [`/mids/${ids.midId}`],
    "/mids/[id]/edit": [`/mids/${ids.midId}/edit`],
    "/orders/[id]": ids.orderIds.map((id) => `/orders/${id}`),
    "/settings/api-users/[id]": [`/settings/api-users/${ids.apiUserId}`],
    // The bare screen asks for a campaign; with one chosen it shows the whole form.
    "/order-entry": ["/order-entry", `/order-entry?campaign=${ids.campaignId}`],
  };
  if (dynamic[route]) return dynamic[route];
  if (route.includes("[")) throw new Error(`${route}: add its demo row to screenUrls in e2e/every-screen.spec.ts`);
  return [route];
}

/** Reads ids of well-filled demo rows (read-only): the campaign with the most MIDs, the busiest customer and order. */
function readDemoIds(importedOrderId: number): DemoIds {
  const db = new Database(E2E_DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => {
      const row = db.prepare(sql).get() as { id: number } | undefined;
      if (!row) throw new Error(`no demo row for: ${sql}`);
      return row.id;
    };
    const campaignId = one("SELECT campaign_id AS id FROM campaign_mids GROUP BY campaign_id ORDER BY count(*) DESC, campaign_id LIMIT 1");
    return {
      midId: one("SELECT id FROM mids ORDER BY id LIMIT 1"),
      campaignId,
      productId: one(`SELECT id FROM campaign_products WHERE campaign_id = ${campaignId} ORDER BY id LIMIT 1`),
      customerId: one("SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1"),
      orderIds: [importedOrderId, one("SELECT order_id AS id FROM transactions GROUP BY order_id ORDER BY count(*) DESC, order_id LIMIT 1")],
      apiUserId: one("SELECT id FROM api_users ORDER BY id LIMIT 1"),
    };
  } finally {
    db.close();
  }
}

/** Waits until layout has settled: fonts, and every table's scroll cue has measured its table. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  await page.waitForFunction(() => !document.querySelector("[data-scroll-cue='pending']"));
}

/** How far the document is wider than the viewport, and the outermost elements that stick out. */
async function measureOverflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const excess = document.documentElement.scrollWidth - viewport;
    if (excess <= 0) return { excess, culprits: [] };
    const scrollsItself = (el: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (el.getBoundingClientRect().right <= viewport + 1) continue;
      let parent = el.parentElement;
      let clipped = false;
      let parentSticksOut = false;
      while (parent && parent !== document.body) {
        if (scrollsItself(parent)) clipped = true;
        if (parent === el.parentElement && parent.getBoundingClientRect().right > viewport + 1) parentSticksOut = true;
        parent = parent.parentElement;
      }
      if (clipped || parentSticksOut) continue;
      const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.getAttribute("class") ?? "")
        .split(/\s+/)
        .slice(0, 4)
        .join(".")}`;
      culprits.push(`${label} (${Math.round(el.getBoundingClientRect().width)}px wide)`);
      if (culprits.length === 3) break;
    }
    return { excess, culprits };
  });
}

async function seriousAxeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : ""}`,
    );
}

test.describe("every screen fits and passes axe", () => {
  let ids: DemoIds;

  test.beforeAll(async ({ request }) => {
    // A fresh order placed through the sandbox: its page has the Amazon-calls panel with long ids.
    const { orderId } = await importDemoOrder(request);
    ids = readDemoIds(orderId);
  });

  test("the screen list covers every page file", () => {
    for (const route of listAdminPageRoutes()) expect(screenUrls(route, ids).length, route).toBeGreaterThan(0);
  });

  test("a campaign manager on a tablet reaches a MID's routing controls without scrolling sideways", async ({ page }) => {
    await page.setViewportSize({ width: 820, height: HEIGHT[820] });
    await signInAs(page, "campaign_manager");
    await page.goto(`/campaigns/${ids.campaignId}`);
    const routing = page.getByRole("form", { name: /^Routing of / }).first();
    await routing.scrollIntoViewIfNeeded();
    // Fully visible: not hidden behind the right edge of the page or of the table's scroll box.
    for (const control of [
      routing.getByRole("textbox", { name: /^Priority of / }),
      routing.getByRole("textbox", { name: /^Weight of / }),
      routing.getByRole("button", { name: "Save" }),
    ]) {
      await expect(control).toBeInViewport({ ratio: 1 });
    }
    await routing.getByRole("button", { name: "Save" }).click();
    await expect(routing.getByText("Saved")).toBeVisible();
  });

  for (const role of ROLES) {
    test(`as ${role}: no horizontal overflow at ${WIDTHS.join("/")} px and no serious axe finding`, async ({ page }) => {
      // Generous: a shared, busy machine makes axe on a 100-row list take many seconds.
      test.setTimeout(1_200_000);
      await page.setViewportSize({ width: 1440, height: HEIGHT[1440] });
      await signInAs(page, role);
      const screens = listAdminPageRoutes().filter((route) => {
        const permission = screenPermission(route);
        return permission === null || can(role, permission);
      });
      expect(screens.length, "screens this role may see").toBeGreaterThan(5);

      const problems: string[] = [];
      // Printed as found too, so a run cut short still says what it saw.
      const note = (problem: string) => {
        console.log(`[${role}] ${problem}`);
        problems.push(problem);
      };
      for (const route of screens) {
        for (const url of screenUrls(route, ids)) {
          const started = Date.now();
          const response = await page.goto(url);
          expect(response?.status(), `${url} as ${role}`).toBe(200);
          await expect(page.locator("h1").first(), `${url} as ${role} shows its screen`).toBeVisible();
          // The page loaded at desktop width; narrow it step by step, as a resized window would.
          for (const width of [...WIDTHS].reverse()) {
            await page.setViewportSize({ width, height: HEIGHT[width] });
            await settle(page);
            const { excess, culprits } = await measureOverflow(page);
            if (excess > 0) note(`${url} at ${width}px is ${excess}px wider than the viewport: ${culprits.join("; ")}`);
            if (axeWidths(role).has(width)) for (const finding of await seriousAxeFindings(page)) note(`${url} at ${width}px axe ${finding}`);
          }
          // Back to desktop width, so the next screen loads at the size it is first measured at.
          await page.setViewportSize({ width: 1440, height: HEIGHT[1440] });
          console.log(`[${role}] checked ${url} in ${Date.now() - started} ms`);
        }
      }
      expect(problems, `as ${role}`).toEqual([]);
    });
  }
});
