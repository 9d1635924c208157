import { sqliteClientOf } from "@/db/client";
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { signInFailures } from "../db/schema";
import { SIGN_IN_LIMITS } from "../lib/auth/sign-in-throttle";
import { signInAs } from "./support/accounts";
import { apiCall, rawRequest, signInOverHttp } from "./support/raw-http";

// Every 127.x address is this machine: each test speaks from its own, so its failures stay its own.
test.describe("client addresses come from the socket unless a proxy is trusted", () => {
  test("a forged X-Forwarded-For does not get around the per-address sign-in limit", async ({ baseURL }) => {
    const from = "127.0.0.41";
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      const answer = await signInOverHttp(baseURL!, {
        from,
        email: `spray-${i}@midconsole.test`,
        password: "guess",
        headers: { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` },
      });
      expect(answer.code, `attempt ${i + 1}`).toBe("invalid");
    }
    const next = await signInOverHttp(baseURL!, {
      from,
      email: "spray-last@midconsole.test",
      password: "guess",
      headers: { "x-forwarded-for": "203.0.113.99" },
    });
    expect(next.code).toMatch(/^throttled:address:\d+$/);
  });

  test("a forged X-Forwarded-For does not pass an API user's IP allow-list", async ({ page, baseURL }) => {
    await signInAs(page, "admin");
    await page.goto("/settings/api-users");
    const form = page.getByRole("form", { name: "Add API user" });
    await form.getByLabel("Login ID").fill("lander-xff");
    await form.getByLabel("Name").fill("Allow-listed lander");
    await form.getByLabel("Allowed IP addresses").fill("203.0.113.0/24");
    await form.getByRole("button", { name: "Create API user" }).click();
    const password = (await page.getByTestId("new-api-password").textContent()) ?? "";
    expect(password.length).toBeGreaterThanOrEqual(32);

    const answer = await apiCall(
      baseURL!,
      "/api/campaign/amazon-mid",
      { loginId: "lander-xff", password, campaignId: "1" },
      { from: "127.0.0.42", headers: { "x-forwarded-for": "203.0.113.5", "x-real-ip": "203.0.113.5", "x-mid-console-client-address": "guess 203.0.113.5" } },
    );
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ result: "ERROR", code: "IP_NOT_ALLOWED", message: "Requests from 127.0.0.42 are not allowed for this API user." });
  });

  test("a forged X-Forwarded-For does not show up in the audit log", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77", "X-Real-IP": "198.51.100.78" } });
    const page = await context.newPage();
    await signInAs(page, "admin");
    await page.goto("/settings/users");
    const form = page.getByRole("form", { name: "Add user" });
    await form.getByLabel("Name").fill("Audited Address");
    await form.getByLabel("Email").fill("audited-address@midconsole.test");
    await form.getByLabel("Initial password").fill("audited-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("audited-address@midconsole.test can now sign in.")).toBeVisible();

    await page.goto("/settings/audit");
    const entry = page.getByRole("row").filter({ hasText: "user.create" }).filter({ hasText: "audited-address@midconsole.test" });
    await expect(entry).toContainText("127.0.0.1");
    expect(await page.content()).not.toMatch(/198\.51\.100\.7[78]/);
  });
});

test.describe("TRUST_PROXY", () => {
  const port = Number(process.env.E2E_PORT || 3100) + 1000;
  const dbFile = path.resolve(`data/trust-proxy-${port}.db`);

  test("an invalid value stops npm start with a message naming it", async () => {
    const child = spawn(process.execPath, [path.resolve("scripts/serve.mjs"), "-p", String(port)], {
      env: { ...process.env, TRUST_PROXY: "10.0.0.0/8,proxy.internal" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The message is a fatal line of the JSON log, on stdout.
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain('TRUST_PROXY: \\"proxy.internal\\" is not a number of hops, an IP address or a CIDR range');
    expect(output).toContain('"level":"fatal"');
  });

  test("behind trusted proxies, the address left of the last trusted hop is the client", async () => {
    test.setTimeout(120_000);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
    const server = spawn(process.execPath, [path.resolve("scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_PATH: dbFile,
        JOBS: "off",
        ADMIN_EMAIL: "owner@midconsole.test",
        ADMIN_PASSWORD: "owner-password-1",
        TRUST_PROXY: "127.0.0.0/8, 10.0.0.0/8",
      },
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await expect
        .poll(
          () =>
            rawRequest(`${base}/login`).then(
              (r) => r.status,
              () => 0,
            ),
          { timeout: 60_000 },
        )
        .toBe(200);
      // The client wrote 6.6.6.6; the edge proxy saw 198.51.100.9; an inner proxy at 10.0.0.1 forwarded to us.
      const answer = await signInOverHttp(base, {
        from: "127.0.0.43",
        email: "owner@midconsole.test",
        password: "guess",
        headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.0.0.1" },
      });
      expect(answer.code).toBe("invalid");
      const db = openDatabase(dbFile);
      try {
        expect(await db.select({ ip: signInFailures.ip }).from(signInFailures).where(eq(signInFailures.email, "owner@midconsole.test"))).toEqual([
          { ip: "198.51.100.9" },
        ]);
      } finally {
        sqliteClientOf(db).close();
      }
    } finally {
      process.kill(-(server.pid as number), "SIGTERM");
    }
  });
});
