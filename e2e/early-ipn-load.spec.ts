import { sqliteClientOf } from "@/db/client";
import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { campaignProducts, campaigns, ipnEvents, midMonthlyUsage, orders, transactions } from "../db/schema";
import { DEMO_API_USER, DEMO_SELLERS, seedDemo } from "../scripts/demo-seed/seed-demo";
import { startSandbox, type Sandbox } from "./amazon-sandbox/server";

const DB_FILE = path.resolve("data/early-ipn-load.db");
const SELLER = DEMO_SELLERS[0];
const CREDENTIALS = { loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password };

type LedgerObject = {
  type: string;
  id: string;
  state: string;
  reasonCode: string | null;
  parentId: string | null;
  referenceId?: string;
  captureIds?: string[];
  amount?: string;
};

/** A port nobody listens on (other e2e runs share this machine, so no fixed port). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function startApp(port: number, sandbox: Sandbox): ChildProcess {
  return spawn(process.execPath, [path.resolve("scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_PATH: DB_FILE,
      AMAZON_PAY_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_LWA_ENDPOINT_OVERRIDE: sandbox.url,
      AMAZON_IPN_CERT_PEM: sandbox.ipnCertificatePem,
      JOBS: "inline",
      RECONCILE_AFTER_MS: "0",
      AMAZON_PAY_RETRY_BASE_MS: "50",
    },
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

async function control(sandbox: Sandbox, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

test("200 concurrent imports with early IPNs and apply-then-500: every captured sale ends COMPLETE and refundable once, none AUTHORIZED", async () => {
  test.setTimeout(300_000);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB_FILE + suffix, { force: true });
  const seedDb = openDatabase(DB_FILE);
  await seedDemo(seedDb, { history: false });
  const productOf = async (sku: string) =>
    (
      await seedDb
        .select({ productId: campaignProducts.id, campaignId: campaigns.id })
        .from(campaignProducts)
        .innerJoin(campaigns, eq(campaigns.id, campaignProducts.campaignId))
        .where(eq(campaignProducts.sku, sku))
    )[0];
  const [serum, club, shipThenCapture] = [await productOf("GS-SERUM-30"), await productOf("GS-CLUB-M"), await productOf("GS-SERUM-30-SHIP")];
  sqliteClientOf(seedDb).close();
  if (!serum || !club || !shipThenCapture) throw new Error("demo products missing");

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({ port: 0, sellers: [{ ...SELLER, ipnUrl: `${base}/api/amazon/ipn` }], timing: { refundMs: 300 } });
  const server = startApp(port, sandbox);
  try {
    await waitFor(`${base}/login`);
    type Line = { productId: number; campaignId: number; type: string };
    const checkout = async (line: Line) => {
      const body = (await control(sandbox, "POST", "/_sandbox/checkouts", { sellerId: SELLER.sellerId, type: line.type })) as {
        amazonOrderReferenceId?: string;
        amazonBillingAgreementId?: string;
        accessToken: string;
      };
      return { ...line, amazonOrderId: (body.amazonOrderReferenceId ?? body.amazonBillingAgreementId) as string, accessToken: body.accessToken };
    };
    const importOrder = (c: Awaited<ReturnType<typeof checkout>>) =>
      fetch(`${base}/api/order/import`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          ...CREDENTIALS,
          campaignId: String(c.campaignId),
          product1_id: String(c.productId),
          amazonBillerId: "1",
          amazonOrderId: c.amazonOrderId,
          amazonAddressConsent: c.accessToken,
        }),
      }).then(
        (r) => r.status,
        () => 0,
      );
    // One order first, so the import and IPN routes are loaded before the rush.
    expect(await importOrder(await checkout({ ...serum, type: "OrderReference" }))).toBe(200);
    await sandbox.ipn.idle();

    // 170 one-time sales, 20 recurring sales (billing agreements), 10 capture-later authorizations.
    const plan: Line[] = Array.from({ length: 200 }, (_, i) =>
      i < 170 ? { ...serum, type: "OrderReference" } : i < 190 ? { ...club, type: "BillingAgreement" } : { ...shipThenCapture, type: "OrderReference" },
    );
    const checkouts = await Promise.all(plan.map(checkout));
    await control(sandbox, "POST", "/_sandbox/latency", { ms: 40, jitterMs: 40 });
    // Applied at Amazon, answered 500, about three times per order: the client's retries get a
    // replay of the answer, or (after its 4 attempts) give up and leave the order to the IPNs.
    await control(sandbox, "POST", "/_sandbox/faults", { action: "Authorize", mode: "apply-then-500", count: 600 });
    await control(sandbox, "POST", "/_sandbox/faults", { action: "AuthorizeOnBillingAgreement", mode: "apply-then-500", count: 65 });
    const statuses = await Promise.all(checkouts.map(importOrder));
    expect(
      statuses.filter((s) => s === 0),
      "every import was answered",
    ).toEqual([]);
    await control(sandbox, "DELETE", "/_sandbox/faults");
    await control(sandbox, "POST", "/_sandbox/latency", { ms: 0 });

    const db = openDatabase(DB_FILE);
    try {
      // IPNs finish what the answers left PENDING; the reconciler (every minute) whatever is left.
      let pending = -1;
      for (let i = 0; i < 300 && pending !== 0; i++) {
        await sandbox.ipn.idle();
        pending = (await db.select().from(transactions).where(eq(transactions.status, "PENDING"))).length;
        if (pending !== 0) await new Promise((r) => setTimeout(r, 300));
      }

      const ledger = ((await control(sandbox, "GET", `/_sandbox/ledger?sellerId=${SELLER.sellerId}`)) as { objects: LedgerObject[] }).objects;
      const captures = new Map(ledger.filter((o) => o.type === "Capture" && o.state === "Completed").map((o) => [o.id, o]));
      const capturedAuthorizations = ledger.filter((o) => o.type === "Authorization" && (o.captureIds ?? []).some((id) => captures.has(id)));
      const openAuthorizations = ledger.filter((o) => o.type === "Authorization" && o.state === "Open");
      const charges = await db
        .select({ charge: transactions, order: orders })
        .from(transactions)
        .innerJoin(orders, eq(orders.id, transactions.orderId))
        .where(eq(transactions.type, "SALE"));
      const chargeOf = new Map(charges.map((c) => [c.charge.referenceId, c]));

      const authorizedButCaptured = capturedAuthorizations.filter((a) => chargeOf.get(a.referenceId ?? "")?.order.status === "AUTHORIZED");
      const notComplete = capturedAuthorizations.filter((a) => {
        const found = chargeOf.get(a.referenceId ?? "");
        return (
          !found ||
          found.order.status !== "COMPLETE" ||
          found.charge.status !== "SUCCESS" ||
          found.charge.amazonCaptureId !== a.captureIds?.[0] ||
          found.charge.amazonAuthorizationId !== a.id
        );
      });
      // The "Open" IPNs that reached a charge still PENDING, i.e. before Authorize's answer.
      const earlyOpen = await db
        .select()
        .from(ipnEvents)
        .where(
          and(
            eq(ipnEvents.notificationType, "PaymentAuthorize"),
            inArray(ipnEvents.applyResult, ["authorization Open: applied", "authorization Open: still-pending"]),
          ),
        );
      const earlySales = earlyOpen.filter((e) => charges.some((c) => c.charge.id === e.transactionId));
      console.log(
        `[early-ipn-load] import answers ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((t) => t === s).length])))}, ${capturedAuthorizations.length} captured at Amazon, ${earlySales.length} sales' "Open" IPNs applied before the answer; ` +
          `${authorizedButCaptured.length} orders AUTHORIZED that Amazon shows captured, ${notComplete.length} captured sales not COMPLETE with their capture id, ${pending} charges still PENDING`,
      );
      expect(capturedAuthorizations.length, "most sales were captured").toBeGreaterThan(150);
      expect(earlySales.length, "sales whose Open IPN came before Authorize's answer (the race this test is about)").toBeGreaterThan(0);
      expect(pending, "charges left PENDING").toBe(0);
      expect(
        authorizedButCaptured.map((a) => a.referenceId),
        "orders AUTHORIZED that Amazon shows captured",
      ).toEqual([]);
      expect(
        notComplete.map((a) => a.referenceId),
        "captured sales not COMPLETE with their capture id",
      ).toEqual([]);
      // Nothing recorded as charged that Amazon did not capture.
      expect(charges.filter((c) => c.charge.status === "SUCCESS").length).toBe(capturedAuthorizations.length);
      // The capture-later orders stay AUTHORIZED, with their authorization Open at Amazon.
      const authorizeRows = await db.select().from(transactions).where(eq(transactions.type, "AUTHORIZE"));
      expect(authorizeRows.map((r) => r.status)).toEqual(Array(10).fill("SUCCESS"));
      expect(new Set(authorizeRows.map((r) => r.amazonAuthorizationId))).toEqual(new Set(openAuthorizations.map((a) => a.id)));

      // The cap counted each capture once and holds back only the open authorizations.
      const usage = await db.select().from(midMonthlyUsage).where(eq(midMonthlyUsage.midId, 1));
      const minor = (amount: string | undefined) => Math.round(Number(amount ?? "0") * 100);
      expect(usage.reduce((sum, u) => sum + u.capturedMinor, 0)).toBe(capturedAuthorizations.reduce((sum, a) => sum + minor(a.amount), 0));
      expect(usage.reduce((sum, u) => sum + u.reservedMinor, 0)).toBe(authorizeRows.reduce((sum, r) => sum + r.amountMinor, 0));

      // Refundable, once: the orders whose "Open" IPN came first, and a few others.
      const early = new Set(earlyOpen.map((e) => e.orderId));
      const sample = charges
        .filter((c) => c.charge.status === "SUCCESS")
        .sort((a, b) => Number(early.has(b.order.id)) - Number(early.has(a.order.id)))
        .slice(0, 25);
      for (const { order } of sample) {
        const refund = await fetch(`${base}/api/order/refund`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ ...CREDENTIALS, orderId: String(order.id), fullRefund: "1", reason: "Load test" }),
        });
        expect(await refund.json(), `refund of order ${order.id}`).toMatchObject({ result: "SUCCESS", message: { orderId: order.id } });
        const again = await fetch(`${base}/api/order/refund`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ ...CREDENTIALS, orderId: String(order.id), fullRefund: "1" }),
        });
        expect(again.status, `second refund of order ${order.id}`).toBe(400);
      }
      let refunded = 0;
      for (let i = 0; i < 100 && refunded < sample.length; i++) {
        await new Promise((r) => setTimeout(r, 200));
        await sandbox.ipn.idle();
        refunded = (
          await db
            .select()
            .from(transactions)
            .where(and(eq(transactions.type, "REFUND"), eq(transactions.status, "SUCCESS")))
        ).length;
      }
      expect(refunded).toBe(sample.length);
      const completedRefunds = ((await control(sandbox, "GET", `/_sandbox/ledger?sellerId=${SELLER.sellerId}`)) as { objects: LedgerObject[] }).objects.filter(
        (o) => o.type === "Refund" && o.state === "Completed",
      );
      expect(completedRefunds).toHaveLength(sample.length);
    } finally {
      sqliteClientOf(db).close();
    }
  } finally {
    try {
      process.kill(-(server.pid as number), "SIGKILL");
    } catch {
      // already gone
    }
    await sandbox.close();
  }
});
