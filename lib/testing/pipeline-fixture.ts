import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { saveProduct } from "@/lib/campaigns/save-product";
import { saveAssignment } from "@/lib/campaigns/assign-mids";
import { createMid } from "@/lib/mids/save-mid";
import { startSandbox } from "@/e2e/amazon-sandbox/server";
import { receiveIpn } from "@/lib/ipn/receive-ipn";
import { openTestDatabase } from "./test-database";

export const TEST_SELLER = {
  sellerId: "A1PIPELINETEST1",
  accessKey: "AKIAPIPELINETEST0001",
  secretKey: "pipelineTestSecretKey000000000000000001",
  clientId: "amzn1.application-oa2-client.00000000000000000000000000000001",
  clientSecret: "pipeline-client-secret-0001",
  region: "US" as const,
};

/** Another merchant's account at the emulator, never a MID here, whose IPN URL points at us. */
export const ATTACKER_SELLER = {
  sellerId: "A1PIPELINEATTACK",
  accessKey: "AKIAPIPELINEATTACK01",
  secretKey: "pipelineAttackerSecretKey00000000000001",
  clientId: "amzn1.application-oa2-client.00000000000000000000000000000666",
  clientSecret: "pipeline-attacker-secret-0001",
  region: "US" as const,
};

/**
 * A real database (a SQLite file or a PostgreSQL database), the real emulator over HTTP, and a campaign with a one-time and a
 * recurring product on a test-mode MID whose credentials the emulator knows.
 */
export async function startPipelineFixture(options: { capMajor?: string; ipn?: boolean; captureMode?: "sale" | "authorize"; refundMs?: number } = {}) {
  // `env` is what another process sets to open the same database (DATABASE_PATH or DATABASE_URL).
  const { db, env } = await openTestDatabase({ file: true });
  // Our IPN endpoint's logic behind a real HTTP server, so the emulator delivers as SNS would.
  const ipnBodies: string[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", async () => {
      ipnBodies.push(body);
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const result = await receiveIpn(db, { body, headers, sourceIp: req.socket.remoteAddress ?? "unknown" });
      res.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.body));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const ipnUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/amazon/ipn`;
  const withIpn = options.ipn !== false && { ipnUrl };
  const sandbox = await startSandbox({
    port: 0,
    sellers: [
      { ...TEST_SELLER, ...withIpn },
      { ...ATTACKER_SELLER, ...withIpn },
    ],
    timing: { asyncAuthorizationMs: 50, refundMs: options.refundMs ?? 200 },
  });
  process.env.AMAZON_IPN_CERT_PEM = sandbox.ipnCertificatePem;
  process.env.AMAZON_PAY_ENDPOINT_OVERRIDE = sandbox.url;
  process.env.AMAZON_LWA_ENDPOINT_OVERRIDE = sandbox.url;
  process.env.AMAZON_PAY_RETRY_BASE_MS = "5";
  const now = Date.now();
  const [admin] = await db
    .insert(users)
    .values({ email: "admin@t.local", name: "Admin", role: "admin", passwordHash: "x", createdAt: now, updatedAt: now })
    .returning();
  const actor: Actor = { userId: admin.id, email: admin.email, name: admin.name, role: "admin", ip: null };
  const mid = await createMid(db, actor, {
    title: "Pipeline MID",
    midNumber: null,
    merchantId: TEST_SELLER.sellerId,
    accessKey: TEST_SELLER.accessKey,
    secretKey: TEST_SELLER.secretKey,
    clientId: TEST_SELLER.clientId,
    clientSecret: TEST_SELLER.clientSecret,
    mwsAuthToken: undefined,
    region: "US",
    currency: "USD",
    testMode: true,
    descriptor: "AMZ*PIPELINE",
    customerServicePhone: "+1 800 555 0100",
    customerServiceEmail: null,
    monthlyCapMinor: Math.round(Number(options.capMajor ?? "1000") * 100),
    capCountsRefunds: true,
    capAlertPercent: 80,
    discountRateBps: 0,
    reserveRateBps: 0,
    transactionFeeMinor: 0,
    chargebackFeeMinor: 0,
    enabled: true,
  });
  const campaign = await createCampaign(db, actor, {
    name: "Pipeline",
    currency: "USD",
    storeName: "Pipeline Store",
    routingMode: "priority",
    captureMode: options.captureMode ?? "sale",
  });
  const oneTime = await saveProduct(db, actor, campaign.id, { name: "Serum", sku: "SERUM", price: "39.95", shipping: "5.00", billing_type: "one_time" });
  const recurring = await saveProduct(db, actor, campaign.id, {
    name: "Club",
    sku: "CLUB",
    price: "4.95",
    shipping: "0",
    billing_type: "recurring",
    cycle_days: "30",
    rebill_price: "34.95",
    trial_days: "14",
  });
  await saveAssignment(db, actor, campaign.id, mid.id, { priority: 1, weight: 100, enabled: true });

  async function control<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(route, sandbox.url), {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function checkout(type: "OrderReference" | "BillingAgreement" = "OrderReference", sellerId: string = TEST_SELLER.sellerId) {
    const body = await control<{ amazonOrderReferenceId?: string; amazonBillingAgreementId?: string; accessToken: string }>("POST", "/_sandbox/checkouts", {
      sellerId,
      type,
      buyer: { name: "Jane Buyer", email: "jane.buyer@example.com" },
    });
    return { amazonOrderId: (body.amazonOrderReferenceId ?? body.amazonBillingAgreementId) as string, accessToken: body.accessToken };
  }

  const postIpn = async (body: string) => {
    const response = await fetch(ipnUrl, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=UTF-8", "x-amz-sns-message-type": "Notification" },
      body,
    });
    return { status: response.status, body: (await response.json()) as { result: string; detail?: string } };
  };
  const close = async () => {
    await sandbox.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  };
  return { env, db, actor, mid, campaign, oneTime, recurring, sandbox, control, checkout, ipnBodies, postIpn, close };
}
