import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_API_USER } from "../scripts/demo-seed/seed-demo";
import { signInAs } from "./support/accounts";
import { listAdminPageRoutes } from "./support/admin-pages";
import { importDemoOrder } from "./support/orders";

/**
 * Malformed values for every parameter of every screen, route handler and server action: the
 * answer is a page that says what it ignored, a 4xx naming the field, or an action error naming
 * the argument — never a 5xx.
 */

type Kind = "id" | "day" | "amount" | "enum" | "text" | "pageSize" | "cursor" | "flash";

const MALFORMED: Record<Kind, string[]> = {
  id: ["abc", "0", "-1", "1.5", "1e3", "0x10", "99999999999999999999"],
  day: ["2026-13-01", "2026-02-30", "2027-02-29", "0000-01-01", "2026-1-1", "tomorrow", "9999-99-99"],
  amount: ["abc", "-5", "1e309", "NaN", "1.234", "99999999999999999999"],
  enum: ["bogus", "success", "<b>x</b>"],
  text: ["x".repeat(300)],
  pageSize: ["0", "-1", "7", "1000000", "abc"],
  cursor: ["garbage", "1.2.3", "99999999999999999999.1", "-1.-1"],
  flash: ["bogus"],
};
// Sent to every parameter too: only "no 5xx" is asserted for these (some are plain searches).
const ANY_VALUE = ["%ZZ", "%00", "%E2%82", "'; drop table orders; --"];

type Screen = { url: string; params: Record<string, Kind>; notes: boolean; unknownIds?: string[] };

function screens(orderId: number, customerId: number): Record<string, Screen> {
  return {
    "/": { url: "/", params: {}, notes: true },
    "/account": { url: "/account", params: {}, notes: true },
    "/campaigns": { url: "/campaigns", params: { status: "enum", q: "text" }, notes: true },
    "/campaigns/[id]": { url: "/campaigns/1", params: { saved: "flash" }, notes: true },
    "/campaigns/[id]/edit": { url: "/campaigns/1/edit", params: {}, notes: true },
    "/campaigns/[id]/products/[productId]": { url: "/campaigns/1/products/1", params: {}, notes: true },
    "/campaigns/new": { url: "/campaigns/new", params: {}, notes: true },
    "/customers": { url: "/customers", params: { q: "text", before: "id" }, notes: true },
    "/customers/[id]": { url: `/customers/${customerId}`, params: {}, notes: true },
    "/forbidden": { url: "/forbidden", params: {}, notes: true },
    // Owned by the IPN inbox work: sent with its current parameters, only "no 5xx" asserted here.
    "/ipn": { url: "/ipn", params: { show: "enum", before: "id" }, notes: false },
    "/mids": { url: "/mids", params: { q: "text", region: "enum", currency: "enum", mode: "enum", status: "enum" }, notes: true },
    "/mids/[id]": { url: "/mids/1", params: { saved: "flash" }, notes: true },
    "/mids/[id]/edit": { url: "/mids/1/edit", params: {}, notes: true },
    "/mids/new": { url: "/mids/new", params: {}, notes: true },
    "/order-entry": { url: "/order-entry", params: { campaign: "id" }, notes: true, unknownIds: ["campaign"] },
    "/orders": {
      url: "/orders",
      params: {
        status: "enum",
        campaign: "id",
        mid: "id",
        from: "day",
        to: "day",
        q: "text",
        sort: "enum",
        per: "pageSize",
        after: "cursor",
        before: "cursor",
      },
      notes: true,
    },
    "/orders/[id]": { url: `/orders/${orderId}`, params: {}, notes: true },
    "/settings/api-users": { url: "/settings/api-users", params: { saved: "flash" }, notes: true },
    "/settings/api-users/[id]": { url: "/settings/api-users/1", params: {}, notes: true },
    "/settings/audit": { url: "/settings/audit", params: { entity: "enum", user: "id", from: "day", to: "day", q: "text", before: "id" }, notes: true },
    "/settings/declines": { url: "/settings/declines", params: { mid: "id" }, notes: true, unknownIds: ["mid"] },
    "/settings/users": { url: "/settings/users", params: {}, notes: true },
    "/transactions": {
      url: "/transactions",
      params: {
        from: "day",
        to: "day",
        mid: "id",
        campaign: "id",
        type: "enum",
        status: "enum",
        min: "amount",
        max: "amount",
        q: "text",
        per: "pageSize",
        after: "cursor",
      },
      notes: true,
    },
  };
}

const SEGMENT_VALUES = ["abc", "0", "-1", "1.5", "1e3", "99999999999999999999", "999999999", "1%20", "1%00", "%E2%82"];
const SEGMENTS: Array<(v: string) => string> = [
  (v) => `/orders/${v}`,
  (v) => `/customers/${v}`,
  (v) => `/mids/${v}`,
  (v) => `/mids/${v}/edit`,
  (v) => `/campaigns/${v}`,
  (v) => `/campaigns/${v}/edit`,
  (v) => `/campaigns/${v}/products/1`,
  (v) => `/campaigns/1/products/${v}`,
  (v) => `/settings/api-users/${v}`,
];

const CREDENTIALS = { loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password };

async function apiPost(request: APIRequestContext, path: string, fields: Record<string, string>) {
  const response = await request.post(path, { form: { ...CREDENTIALS, ...fields } });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: response.status(), code, text };
}

/** The server actions of this build (name → id), from Next.js's manifest of the production build under test. */
function readServerActions(): Map<string, { id: string; file: string }> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => [
      entry.exportedName === "$$RSC_SERVER_ACTION_0" ? `${entry.filename}:inline` : entry.exportedName,
      { id, file: entry.filename },
    ]),
  );
}

/** Calls a server action as React's client does: the bound arguments first, then the form state and the form data. */
async function callAction(page: Page, url: string, actionId: string, args: unknown[]) {
  const multipart = { 0: JSON.stringify(args) };
  const response = await page.request.post(url, { headers: { "next-action": actionId, accept: "text/x-component" }, multipart, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

type BoundKind = "id" | "optionalId" | "boolean" | "declineCode";
type Bound = { name: string; kind: BoundKind; harmless: unknown };
type ActionCase = { page: string; bound: Bound[]; checked: boolean };

const TAMPERED: Record<BoundKind, unknown[]> = {
  id: ["abc", -1, 0, 1.5, 1e20, true, {}, [7], null],
  optionalId: ["abc", -1, 0, 1.5, 1e20, true, {}, [7]],
  boolean: ["false", "true", 0, 1, null, {}, "yes"],
  declineCode: ["bogus", 5, null, {}, ["AmazonRejected"]],
};

// Bound values that point at nothing (id 999999), so that a tampered partner argument alone decides the answer.
const NOWHERE = 999999;
const id = (name: string): Bound => ({ name, kind: "id", harmless: NOWHERE });

function actionCases(orderId: number): Record<string, ActionCase> {
  const order = `/orders/${orderId}`;
  return {
    createCampaignAction: { page: "/campaigns/new", bound: [], checked: true },
    updateCampaignAction: { page: "/campaigns/1/edit", bound: [id("campaignId")], checked: true },
    setCampaignArchivedAction: { page: "/campaigns/1", bound: [id("campaignId"), { name: "archived", kind: "boolean", harmless: false }], checked: true },
    saveProductAction: { page: "/campaigns/1", bound: [id("campaignId"), { name: "productId", kind: "optionalId", harmless: NOWHERE }], checked: true },
    archiveProductAction: { page: "/campaigns/1", bound: [id("campaignId"), id("productId")], checked: true },
    saveAssignmentAction: { page: "/campaigns/1", bound: [id("campaignId"), { name: "midId", kind: "optionalId", harmless: NOWHERE }], checked: true },
    removeAssignmentAction: { page: "/campaigns/1", bound: [id("campaignId"), id("midId")], checked: true },
    replayIpnAction: { page: "/ipn", bound: [id("eventId")], checked: false },
    createMidAction: { page: "/mids/new", bound: [], checked: true },
    updateMidAction: { page: "/mids/1/edit", bound: [id("midId")], checked: true },
    verifyMidAction: { page: "/mids/1", bound: [id("midId")], checked: true },
    setMidEnabledAction: { page: "/mids/1", bound: [id("midId"), { name: "enabled", kind: "boolean", harmless: true }], checked: true },
    createSandboxCheckoutAction: { page: "/order-entry", bound: [], checked: true },
    placeOrderAction: { page: "/order-entry", bound: [id("campaignId")], checked: true },
    refundOrderAction: { page: order, bound: [id("orderId")], checked: true },
    markRefundedExternallyAction: { page: order, bound: [id("orderId")], checked: true },
    cancelOrderAction: { page: order, bound: [id("orderId")], checked: true },
    captureOrderAction: { page: order, bound: [id("orderId")], checked: true },
    voidAuthorizationAction: { page: order, bound: [id("orderId")], checked: true },
    addOrderNoteAction: { page: order, bound: [id("orderId")], checked: true },
    createApiUserAction: { page: "/settings/api-users", bound: [], checked: true },
    updateApiUserAccessAction: { page: "/settings/api-users/1", bound: [id("apiUserId")], checked: true },
    setApiUserDisabledAction: { page: "/settings/api-users", bound: [id("apiUserId"), { name: "disabled", kind: "boolean", harmless: false }], checked: true },
    saveDeclineRuleAction: {
      page: "/settings/declines",
      bound: [
        { name: "midId", kind: "optionalId", harmless: null },
        { name: "code", kind: "declineCode", harmless: "AmazonRejected" },
      ],
      checked: true,
    },
    resetDeclineRuleAction: {
      page: "/settings/declines",
      bound: [
        { name: "midId", kind: "optionalId", harmless: NOWHERE },
        { name: "code", kind: "declineCode", harmless: "AmazonRejected" },
      ],
      checked: true,
    },
    // Owned by the users/account work: only "no 5xx" is asserted here.
    createUserAction: { page: "/settings/users", bound: [], checked: false },
    changeRoleAction: { page: "/settings/users", bound: [id("userId")], checked: false },
    setUserDisabledAction: { page: "/settings/users", bound: [id("userId"), { name: "disabled", kind: "boolean", harmless: false }], checked: false },
    resetPasswordAction: { page: "/settings/users", bound: [id("userId")], checked: false },
    revokeUserSessionsAction: { page: "/settings/users", bound: [id("userId")], checked: false },
    unlockUserAction: { page: "/settings/users", bound: [id("userId")], checked: false },
    changeOwnPasswordAction: { page: "/account", bound: [], checked: false },
    signInAction: { page: "/login", bound: [], checked: true },
    // Last: answered with junk it still signs the admin out everywhere, which would end this page's session.
    signOutEverywhereAction: { page: "/account", bound: [], checked: false },
  };
}

test.describe("bad input is a clear 4xx, an ignored filter or an action error, never a 5xx", () => {
  let orderId: number;
  let customerId: number;

  test.beforeAll(async ({ request }) => {
    ({ orderId, customerId } = await importDemoOrder(request));
  });

  test("every screen ignores malformed query values, says which, and never answers 5xx", async ({ page }) => {
    test.setTimeout(300_000);
    await signInAs(page, "admin");
    const table = screens(orderId, customerId);
    expect(Object.keys(table).sort()).toEqual(listAdminPageRoutes());
    const failures: string[] = [];
    for (const [route, screen] of Object.entries(table)) {
      const cases: Array<{ query: string; noted?: string }> = [{ query: "" }];
      for (const [name, kind] of Object.entries(screen.params)) {
        for (const value of MALFORMED[kind])
          cases.push({ query: `${name}=${encodeURIComponent(value)}`, noted: screen.notes && kind !== "flash" ? name : undefined });
        for (const value of ANY_VALUE) cases.push({ query: `${name}=${value}` });
        cases.push({ query: `${name}=1&${name}=abc` }, { query: `${name}[]=1` });
      }
      for (const name of screen.unknownIds ?? []) cases.push({ query: `${name}=${NOWHERE}`, noted: name });
      for (const { query, noted } of cases) {
        const url = query ? `${screen.url}?${query}` : screen.url;
        const response = await page.request.get(url, { maxRedirects: 0 });
        const html = await response.text();
        if (response.status() >= 500) failures.push(`${route} ${url}: HTTP ${response.status()}`);
        else if (response.status() !== 200) failures.push(`${route} ${url}: HTTP ${response.status()}, expected the page`);
        else if (noted && !html.includes(`data-ignored-param="${noted}"`)) failures.push(`${route} ${url}: no note that ${noted} was ignored`);
      }
    }
    expect(failures).toEqual([]);

    // The note is visible and names the value and the rule; the rest of the filter still applies.
    await page.goto("/orders?from=2026-13-01&to=2026-02-30&status=COMPLETE");
    const note = page.getByTestId("ignored-params");
    await expect(note).toContainText("from=2026-13-01 must be a real date as YYYY-MM-DD.");
    await expect(note).toContainText("to=2026-02-30 must be a real date as YYYY-MM-DD.");
    await expect(page.getByLabel("Status")).toHaveValue("COMPLETE");
    await page.goto("/transactions?min=1e309&type=SALE");
    await expect(page.getByTestId("ignored-params")).toContainText("min=1e309 must be an amount such as 10.00.");
    await expect(page.getByLabel("Type")).toHaveValue("SALE");
  });

  test("a malformed or unknown id in the address is the 404 page (an undecodable one a 400), never a 5xx", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "admin");
    const failures: string[] = [];
    for (const segment of SEGMENTS) {
      for (const value of SEGMENT_VALUES) {
        const url = segment(value);
        const response = await page.request.get(url, { maxRedirects: 0 });
        const expected = value === "%E2%82" ? 400 : 404;
        if (response.status() !== expected) failures.push(`${url}: HTTP ${response.status()}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("route handlers answer malformed values with a 4xx that names the field", async ({ page, request }) => {
    test.setTimeout(180_000);
    const failures: string[] = [];
    const expect4xx = (what: string, status: number, detail = "") => {
      if (status < 400 || status >= 500) failures.push(`${what}: HTTP ${status} ${detail}`.trim());
    };

    // The CSV export: every filter value that breaks its rule is a 400 naming it, nothing is exported.
    await signInAs(page, "admin");
    const exportParams: Record<string, Kind> = {
      from: "day",
      to: "day",
      mid: "id",
      campaign: "id",
      type: "enum",
      status: "enum",
      min: "amount",
      max: "amount",
      q: "text",
    };
    for (const [name, kind] of Object.entries(exportParams)) {
      for (const value of MALFORMED[kind]) {
        const response = await page.request.get(`/transactions/export?${name}=${encodeURIComponent(value)}`);
        const text = await response.text();
        if (response.status() !== 400 || !text.includes(`${name}: `))
          failures.push(`/transactions/export ${name}=${value}: HTTP ${response.status()} ${text.slice(0, 80)}`);
      }
      for (const value of ANY_VALUE) {
        const response = await page.request.get(`/transactions/export?${name}=${value}`);
        if (response.status() >= 500) failures.push(`/transactions/export ${name}=${value}: HTTP ${response.status()}`);
      }
    }
    const good = await page.request.get("/transactions/export?type=SALE&from=2026-01-01");
    expect(good.status()).toBe(200);

    // The public API: every field of every endpoint.
    const order = String(orderId);
    const fieldCases: Array<[string, Record<string, string>, string]> = [
      ["/api/campaign/amazon-mid", { campaignId: "abc" }, "INVALID_FIELD"],
      ["/api/campaign/amazon-mid", { campaignId: "99999999999999999999" }, "INVALID_FIELD"],
      ["/api/campaign/amazon-mid", { campaignId: "" }, "INVALID_FIELD"],
      ["/api/campaign/amazon-mid", { campaignId: String(NOWHERE) }, "UNKNOWN_CAMPAIGN"],
      ...["campaignId", "product1_id", "amazonBillerId"].flatMap((field) =>
        ["abc", "0", "-1", "1.5", "99999999999999999999"].map((value): [string, Record<string, string>, string] => [
          "/api/order/import",
          {
            campaignId: "1",
            product1_id: "1",
            product1_qty: "1",
            amazonBillerId: "1",
            amazonOrderId: "S01-1234567-1234567",
            paySource: "AMAZON",
            [field]: value,
          },
          "INVALID_FIELD",
        ]),
      ),
      ...["0", "abc", "100", "-1"].map((value): [string, Record<string, string>, string] => [
        "/api/order/import",
        { campaignId: "1", product1_id: "1", product1_qty: value, amazonBillerId: "1", amazonOrderId: "S01-1234567-1234567", paySource: "AMAZON" },
        "INVALID_FIELD",
      ]),
      ["/api/upsale/import", { orderId: "abc", productId: "2", productQty: "1", amazonOrderId: "S01-1234567-1234567" }, "INVALID_FIELD"],
      ["/api/upsale/import", { orderId: order, productId: "abc", productQty: "1", amazonOrderId: "S01-1234567-1234567" }, "INVALID_FIELD"],
      ["/api/upsale/import", { orderId: order, productId: "2", productQty: "0", amazonOrderId: "S01-1234567-1234567" }, "INVALID_FIELD"],
      ...["orderId", "campaignId"].flatMap((field) =>
        ["abc", "0", "1.5", "99999999999999999999"].map((value): [string, Record<string, string>, string] => [
          "/api/order/query",
          { [field]: value },
          "INVALID_FIELD",
        ]),
      ),
      ...["2026-13-01", "2026-02-30", "13/45/2026", "02/30/2026", "0000-01-01", "yesterday"].flatMap(
        (value): Array<[string, Record<string, string>, string]> => [
          ["/api/order/query", { startDate: value }, "INVALID_FIELD"],
          ["/api/order/query", { startDate: "2026-01-01", endDate: value }, "INVALID_FIELD"],
          ["/api/transactions/query", { startDate: value }, "INVALID_FIELD"],
        ],
      ),
      ["/api/order/query", { orderId: order, page: "0" }, "INVALID_FIELD"],
      ["/api/order/query", { orderId: order, page: "abc" }, "INVALID_FIELD"],
      ["/api/order/query", { orderId: order, resultsPerPage: "1000" }, "INVALID_FIELD"],
      ["/api/order/query", { orderId: order, orderStatus: "bogus" }, "INVALID_FIELD"],
      ...["transactionId", "orderId", "amazonBillerId"].flatMap((field) =>
        ["abc", "0", "99999999999999999999"].map((value): [string, Record<string, string>, string] => [
          "/api/transactions/query",
          { orderId: order, [field]: value },
          "INVALID_FIELD",
        ]),
      ),
      ["/api/transactions/query", { orderId: order, responseType: "bogus" }, "INVALID_FIELD"],
      ["/api/transactions/query", { orderId: order, txnType: "bogus" }, "INVALID_FIELD"],
      ["/api/transactions/query", { orderId: order, resultsPerPage: "-1" }, "INVALID_FIELD"],
      ["/api/order/refund", { orderId: "abc", fullRefund: "1" }, "INVALID_FIELD"],
      ["/api/order/refund", { orderId: String(NOWHERE), fullRefund: "1" }, "UNKNOWN_ORDER"],
      ...["abc", "-5", "1e309", "1.234", "NaN", "99999999999999999999"].map((value): [string, Record<string, string>, string] => [
        "/api/order/refund",
        { orderId: order, refundAmount: value, reason: "bad input" },
        "INVALID_FIELD",
      ]),
      ["/api/order/refund", { orderId: order, fullRefund: "maybe", reason: "bad input" }, "INVALID_FIELD"],
      ["/api/order/cancel", { orderId: "abc" }, "INVALID_FIELD"],
      ["/api/order/cancel", { orderId: String(NOWHERE) }, "UNKNOWN_ORDER"],
    ];
    for (const [path, fields, code] of fieldCases) {
      const answer = await apiPost(request, path, fields);
      if (answer.code !== code || answer.status >= 500 || answer.status < 400)
        failures.push(`${path} ${JSON.stringify(fields)}: HTTP ${answer.status} ${answer.code} (expected ${code})`);
    }

    // Bodies that are not fields at all, on every endpoint.
    for (const path of [
      "/api/campaign/amazon-mid",
      "/api/order/import",
      "/api/upsale/import",
      "/api/order/query",
      "/api/transactions/query",
      "/api/order/refund",
      "/api/order/cancel",
    ]) {
      const bodies: Array<[string, { headers?: Record<string, string>; data?: string }]> = [
        ["no credentials", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "orderId=1" }],
        ["broken JSON", { headers: { "content-type": "application/json" }, data: '{"loginId": ' }],
        ["a JSON list", { headers: { "content-type": "application/json" }, data: "[1,2]" }],
        ["a nested object", { headers: { "content-type": "application/json" }, data: JSON.stringify({ ...CREDENTIALS, orderId: { $gt: 0 } }) }],
        ["a 70 KB body", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `loginId=${"x".repeat(70_000)}` }],
        ["broken percent-encoding", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "loginId=%ZZ&password=%E2%82" }],
      ];
      for (const [what, body] of bodies) {
        const response = await request.post(path, body);
        expect4xx(`${path} with ${what}`, response.status(), (await response.text()).slice(0, 80));
      }
    }

    // Amazon's IPN endpoint: anything that is not a signed SNS message is a 4xx.
    for (const body of [
      "",
      "garbage",
      "{}",
      JSON.stringify({ Type: "Notification", Message: "{}" }),
      JSON.stringify({ Type: "Notification", SigningCertURL: "http://evil.example/cert.pem", Message: "x" }),
      "x".repeat(300_000),
    ]) {
      const response = await request.post("/api/amazon/ipn", {
        headers: { "content-type": "text/plain", "x-amz-sns-message-type": "Notification" },
        data: body,
      });
      expect4xx(`/api/amazon/ipn with ${body.slice(0, 30) || "an empty body"}`, response.status());
    }

    // Auth.js's routes with nonsense.
    for (const [method, path] of [
      ["GET", "/api/auth/nope"],
      ["GET", "/api/auth/callback/nope"],
      ["POST", "/api/auth/callback/credentials"],
      ["POST", "/api/auth/signout"],
      ["GET", "/api/auth/session?x=%ZZ"],
    ] as const) {
      const response =
        method === "GET"
          ? await request.get(path, { maxRedirects: 0 })
          : await request.post(path, { form: { email: "x", password: "y", csrfToken: "z" }, maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${method} ${path}: HTTP ${response.status()}`);
    }
    expect(failures).toEqual([]);
  });

  test("every server action refuses tampered bound arguments by name, never with a 5xx", async ({ page, browser }) => {
    test.setTimeout(300_000);
    await signInAs(page, "admin");
    const actions = readServerActions();
    const table = actionCases(orderId);
    const inAppActions = [...actions.entries()].filter(([, a]) => /^app\/.*actions\.ts$/.test(a.file)).map(([name]) => name);
    expect(Object.keys(table).sort()).toEqual(inAppActions.sort());

    const failures: string[] = [];
    const idle = { status: "idle" };
    for (const [name, spec] of Object.entries(table)) {
      const actionId = actions.get(name)?.id as string;
      const harmless = spec.bound.map((b) => b.harmless);
      for (const [index, bound] of spec.bound.entries()) {
        for (const value of TAMPERED[bound.kind]) {
          const args = [...harmless];
          args[index] = value;
          const answer = await callAction(page, spec.page, actionId, [...args, idle, "$K1"]);
          const label = `${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
          if (answer.status >= 500) failures.push(`${label}: HTTP ${answer.status}`);
          else if (spec.checked && !answer.text.includes(`${bound.name} must be`)) failures.push(`${label}: not refused by name: ${answer.text.slice(-160)}`);
        }
      }
      // Whatever sits where the form state and the form data belong: an error, not a 5xx.
      for (const junk of [["junk", "junk"], [null], []]) {
        const answer = await callAction(page, spec.page, actionId, [...harmless, ...junk]);
        if (answer.status >= 500) failures.push(`${name} with ${JSON.stringify(junk)} for its form: HTTP ${answer.status}`);
      }
    }

    // The layout's sign-out action takes no arguments; sent junk, it still answers below 500 (in its own session).
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, "support");
    const signOut = actions.get("app/(admin)/layout.tsx:inline");
    expect(signOut).toBeTruthy();
    const answer = await callAction(otherPage, "/", signOut?.id as string, ["junk", { x: 1 }]);
    if (answer.status >= 500) failures.push(`sign-out with junk: HTTP ${answer.status}`);
    await other.close();
    expect(failures).toEqual([]);
  });

  test("a refund's currency comes from the order, never from the browser", async ({ page }) => {
    await signInAs(page, "support");
    await page.goto(`/orders/${orderId}`);
    // What the refund form really sends: the order id is its only bound argument.
    let sent: { url: string; action: string; contentType: string; body: string } | null = null;
    await page.route(`**/orders/${orderId}`, async (route) => {
      const request = route.request();
      const action = request.headers()["next-action"];
      if (request.method() !== "POST" || !action) return route.continue();
      sent = { url: request.url(), action, contentType: request.headers()["content-type"], body: request.postData() ?? "" };
      await route.abort();
    });
    await page.getByLabel("Amount (USD)").first().fill("10");
    await page.getByLabel("Reason").first().fill("Currency probe");
    await page.getByRole("button", { name: "Review refund" }).click();
    await page.getByRole("button", { name: "Confirm refund" }).click();
    await expect.poll(() => sent).not.toBeNull();
    const captured = sent as unknown as { url: string; action: string; contentType: string; body: string };
    const args = JSON.parse(/name="0"\r\n\r\n(.*)\r\n/.exec(captured.body)?.[1] ?? "[]") as unknown[];
    expect.soft(args).toEqual([orderId, { status: "idle" }, "$K1"]);
    await page.unroute(`**/orders/${orderId}`);

    // The same request with a currency of the client's choosing bound in (yen: "10" would be 10 minor units) is refused.
    const tampered = captured.body.replace(
      /(name="0"\r\n\r\n)(.*)(\r\n)/,
      (_all, head: string, _args: string, tail: string) => `${head}${JSON.stringify([orderId, "JPY", { status: "idle" }, "$K1"])}${tail}`,
    );
    const response = await page.request.post(captured.url, {
      headers: { "next-action": captured.action, "content-type": captured.contentType, accept: "text/x-component" },
      data: tampered,
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toContain("Refund sent to Amazon");
    const refunds = await page.request.post("/api/transactions/query", { form: { ...CREDENTIALS, orderId: String(orderId), txnType: "REFUND" } });
    expect(await refunds.json()).toMatchObject({ result: "SUCCESS", message: { totalResults: 0 } });
  });
});
