import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO_API_USER } from "../scripts/demo-seed/seed-demo";
import { signInAs } from "./support/accounts";
import { listAdminPageRoutes } from "./support/admin-pages";
import { importDemoOrder } from "./support/orders";

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect.soft(policy, `${what}: CSP`).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
  expect.soft(policy, `${what}: CSP scripts`).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect.soft(policy, `${what}: no eval, no inline`).not.toMatch(/unsafe-eval|unsafe-inline/);
  expect.soft(policy, `${what}: CSP objects`).toContain("object-src 'none'");
  expect.soft(headers["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
  expect.soft(headers["x-content-type-options"], `${what}: X-Content-Type-Options`).toBe("nosniff");
  expect.soft(headers["referrer-policy"], `${what}: Referrer-Policy`).toBe("same-origin");
  expect.soft(headers["permissions-policy"], `${what}: Permissions-Policy`).toContain("camera=()");
  // Plain HTTP here: HSTS is only sent over TLS.
  expect.soft(headers["strict-transport-security"], `${what}: no HSTS over plain HTTP`).toBeUndefined();
}

/** A tiny site on another port (another origin) whose page frames `target`. */
async function startFramingSite(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>framer</title><iframe id="victim" src="${target}" onload="window.framedLoaded = true" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The framed document's URL and whether it holds any of the app's markup, once the iframe finished loading. */
async function framedContent(page: Page, framerUrl: string): Promise<{ url: string; html: string }> {
  await page.goto(framerUrl);
  await page.waitForFunction(() => (window as unknown as { framedLoaded?: boolean }).framedLoaded === true);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("no iframe");
  return { url: frame.url(), html: await frame.content().catch(() => "") };
}

test.describe("security headers", () => {
  test("every kind of response carries them: pages, redirects, /login, API routes, static files", async ({ request, baseURL }) => {
    const login = await request.get("/login");
    expect(login.status()).toBe(200);
    expectSecurityHeaders(login, "/login");

    // The nonce is fresh per response and is the one Next.js put on its scripts.
    const html = await login.text();
    const nonce = /'nonce-([^']+)'/.exec(login.headers()["content-security-policy"])?.[1];
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect(html).not.toMatch(/<script(?![^>]*\snonce=)[^>]*>/);
    const again = await request.get("/login");
    expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"])?.[1]).not.toBe(nonce);

    const anonymousPage = await request.get("/orders", { maxRedirects: 0 });
    expect(anonymousPage.status()).toBe(307);
    expectSecurityHeaders(anonymousPage, "redirect of /orders");

    const api = await request.post("/api/order/query", { form: { loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password, orderId: "1" } });
    expect(api.status()).toBeLessThan(500);
    expectSecurityHeaders(api, "POST /api/order/query");
    const ipn = await request.post("/api/amazon/ipn", { data: "not an SNS message" });
    expectSecurityHeaders(ipn, "POST /api/amazon/ipn");

    const script = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const staticFile = await request.get(script as string);
    expect(staticFile.status()).toBe(200);
    expectSecurityHeaders(staticFile, `static ${script}`);
    const stylesheet = /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/.exec(html)?.[1] ?? /<link[^>]*href="([^"]+\.css)"/.exec(html)?.[1];
    expectSecurityHeaders(await request.get(stylesheet as string), `static ${stylesheet}`);

    // Behind a TLS proxy (X-Forwarded-Proto: https) the browser gets HSTS too.
    const overTls = await request.get(`${baseURL}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(overTls.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  test("a page on another origin (another port) cannot frame the app, signed in or not", async ({ page, baseURL }) => {
    // The harness itself can see a framed page that allows framing (its own origin's page).
    const control = await startFramingSite("about:blank");
    const frameable = await startFramingSite(control.url);
    try {
      const seen = await framedContent(page, frameable.url);
      expect(seen.html).toContain('id="victim"');
    } finally {
      await frameable.close();
      await control.close();
    }

    await signInAs(page, "admin");
    const signedInPage = await page.request.get("/orders");
    expect(signedInPage.status()).toBe(200);
    expectSecurityHeaders(signedInPage, "signed-in /orders");
    const app = baseURL as string;
    for (const target of [`${app}/login`, `${app}/orders`, `${app.replace("127.0.0.1", "localhost")}/login`]) {
      const site = await startFramingSite(target);
      try {
        const seen = await framedContent(page, site.url);
        expect(seen.url, target).not.toContain(new URL(target).pathname);
        expect(seen.html, target).not.toContain("MID Console");
      } finally {
        await site.close();
      }
    }
  });

  test("every screen works as admin with the policy on: no CSP violation, no console error, scripts run", async ({ page, request }) => {
    test.setTimeout(180_000);
    const { orderId, customerId } = await importDemoOrder(request);
    const screens: Record<string, string> = {
      "/": "/",
      "/account": "/account",
      "/campaigns": "/campaigns",
      "/campaigns/[id]": "/campaigns/1",
      "/campaigns/[id]/edit": "/campaigns/1/edit",
      "/campaigns/[id]/products/[productId]": "/campaigns/1/products/1",
      "/campaigns/new": "/campaigns/new",
      "/customers": "/customers",
      "/customers/[id]": `/customers/${customerId}`,
      "/forbidden": "/forbidden",
      "/ipn": "/ipn",
      "/mids": "/mids",
      "/mids/[id]": "/mids/1",
      "/mids/[id]/edit": "/mids/1/edit",
      "/mids/new": "/mids/new",
      "/order-entry": "/order-entry?campaign=1",
      "/orders": "/orders",
      "/orders/[id]": `/orders/${orderId}`,
      "/settings/api-users": "/settings/api-users",
      "/settings/api-users/[id]": "/settings/api-users/1",
      "/settings/audit": "/settings/audit",
      "/settings/declines": "/settings/declines",
      "/settings/users": "/settings/users",
      "/transactions": "/transactions",
    };
    expect(Object.keys(screens).sort()).toEqual(listAdminPageRoutes());

    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const seen = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
        seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
    page.on("console", (message) => {
      // The browser reports a 404 document as a failed load; the two unknown addresses below are meant to be 404s.
      const expected404 = /\/orders\/999999999$|\/no-such-screen$/.test(page.url()) && message.text().includes("status of 404");
      if (message.type() === "error" && !expected404) problems.push(`${page.url()} console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${page.url()} page error: ${error.message}`));
    const collect = async () => {
      const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
      problems.push(...violations.map((v) => `${page.url()} CSP: ${v}`));
      // Next.js's own scripts ran (they are what the nonce lets through).
      expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next), `${page.url()} hydrated`).toBe("object");
    };

    await page.goto("/login");
    await collect();
    await signInAs(page, "admin");
    for (const url of [...Object.values(screens), "/orders/999999999", "/no-such-screen"]) {
      await page.goto(url);
      await collect();
    }

    // Client-side behaviour under the policy: a confirmation step (React state) and a client-side navigation.
    await page.goto(`/orders/${orderId}`);
    // The review step is React state: let the page hydrate before using it.
    await page.waitForLoadState("networkidle");
    const refund = page.getByRole("form", { name: "Refund" });
    await refund.getByLabel(/^Amount/).fill("1.00");
    await refund.getByLabel("Reason").fill("Checking the confirmation step");
    await refund.getByRole("button", { name: "Review refund" }).click();
    await expect(page.getByRole("group", { name: "Confirm refund" })).toContainText("USD");
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("navigation").first().getByRole("link", { name: "Transactions" }).click();
    await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
    await collect();

    expect(problems).toEqual([]);
  });
});
