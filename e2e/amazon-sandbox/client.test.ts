import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAmazonPayClient, isAmazonPayError, verifyIpn } from "../../lib/amazon-pay/index";
import type { AmazonPayClient } from "../../lib/amazon-pay/index";
import type { Sandbox } from "./server";
import { control, createCheckout, SELLER, startTestSandbox } from "./test-helpers";

/** Our production client against the emulator: same code path as Amazon, another base URL. */
let sandbox: Sandbox;
let client: AmazonPayClient;
let receiver: Server;
const ipnBodies: Array<{ body: string; headers: Record<string, string | string[] | undefined> }> = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      ipnBodies.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const ipnUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
  sandbox = await startTestSandbox({ sellers: [{ ...SELLER, ipnUrl }] });
  client = createAmazonPayClient({
    sellerId: SELLER.sellerId,
    accessKey: SELLER.accessKey,
    secretKey: SELLER.secretKey,
    region: "US",
    sandbox: true,
    endpointOverride: sandbox.url,
    retryBaseDelayMs: 5,
  });
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const usd = (amountMinor: number) => ({ amountMinor, currency: "USD" });
let counter = 0;
const ref = (prefix: string): string => `${prefix}${Date.now()}${counter++}`;

type LedgerObject = { type: string; id: string; state: string; referenceId?: string; amount?: string };
async function ledger(): Promise<LedgerObject[]> {
  const { body } = await control<{ objects: LedgerObject[] }>(sandbox, "GET", `/_sandbox/ledger?sellerId=${SELLER.sellerId}`);
  return body.objects;
}

async function openOrder(amountMinor: number): Promise<string> {
  const { id } = await createCheckout(sandbox);
  await client.setOrderReferenceDetails({ amazonOrderReferenceId: id, orderTotal: usd(amountMinor), sellerOrderId: "CLIENT-1" });
  await client.confirmOrderReference({ amazonOrderReferenceId: id });
  return id;
}

describe("our MWS client against the emulator", () => {
  it("one-time flow: set → confirm → authorize(CaptureNow) → refund; the refund completes by IPN", async () => {
    const oroId = await openOrder(4995);
    const auth = await client.authorize({
      amazonOrderReferenceId: oroId,
      authorizationReferenceId: ref("a"),
      authorizationAmount: usd(4995),
      transactionTimeout: 0,
      captureNow: true,
    });
    expect(auth.authorization.status.state).toBe("Closed");
    expect(auth.authorization.status.reasonCode).toBe("MaxCapturesProcessed");
    const captureId = auth.authorization.captureIds[0];
    const capture = await client.getCaptureDetails({ amazonCaptureId: captureId });
    expect(capture.capture.status.state).toBe("Completed");
    const refund = await client.refund({ amazonCaptureId: captureId, refundReferenceId: ref("r"), refundAmount: usd(1000) });
    expect(refund.refund.status.state).toBe("Pending");
    await sandbox.clock.advance(60_000);
    await sandbox.ipn.idle();
    const verified = await Promise.all(ipnBodies.map((ipn) => verifyIpn(ipn, { pinnedCertificate: sandbox.ipnCertificatePem })));
    const refundIpn = verified.find((result) => result.ok && result.notification.type === "PaymentRefund");
    expect(refundIpn?.ok).toBe(true);
    if (refundIpn?.ok && refundIpn.notification.type === "PaymentRefund") {
      expect(refundIpn.notification.refund.amazonRefundId).toBe(refund.refund.amazonRefundId);
      expect(refundIpn.notification.refund.status.state).toBe("Completed");
    }
    const after = await client.getRefundDetails({ amazonRefundId: refund.refund.amazonRefundId });
    expect(after.refund.status.state).toBe("Completed");
  });

  it("retries under injected 503s with the same reference id produce exactly one authorization", async () => {
    const oroId = await openOrder(2000);
    const referenceId = ref("retry");
    await control(sandbox, "POST", "/_sandbox/faults", { action: "Authorize", mode: "503", count: 2 });
    const auth = await client.authorize({
      amazonOrderReferenceId: oroId,
      authorizationReferenceId: referenceId,
      authorizationAmount: usd(2000),
      transactionTimeout: 0,
    });
    expect(auth.authorization.status.state).toBe("Open");
    expect((await ledger()).filter((o) => o.type === "Authorization" && o.referenceId === referenceId)).toHaveLength(1);
  });

  it("an Authorize applied but answered 500 is retried into the same authorization (idempotent replay)", async () => {
    const oroId = await openOrder(2000);
    const referenceId = ref("applied");
    await control(sandbox, "POST", "/_sandbox/faults", { action: "Authorize", mode: "apply-then-500", count: 1 });
    const auth = await client.authorize({
      amazonOrderReferenceId: oroId,
      authorizationReferenceId: referenceId,
      authorizationAmount: usd(2000),
      transactionTimeout: 0,
    });
    const matches = (await ledger()).filter((o) => o.type === "Authorization" && o.referenceId === referenceId);
    expect(matches).toHaveLength(1);
    expect(matches[0].id).toBe(auth.authorization.amazonAuthorizationId);
  });

  it("Amazon errors surface as typed AmazonPayError (DuplicateReferenceId, OrderReferenceNotModifiable)", async () => {
    const oroId = await openOrder(3000);
    const referenceId = ref("dup");
    await client.authorize({ amazonOrderReferenceId: oroId, authorizationReferenceId: referenceId, authorizationAmount: usd(1000), transactionTimeout: 0 });
    const duplicate = await client
      .authorize({ amazonOrderReferenceId: oroId, authorizationReferenceId: referenceId, authorizationAmount: usd(1500), transactionTimeout: 0 })
      .catch((error: unknown) => error);
    expect(isAmazonPayError(duplicate) && duplicate.code).toBe("DuplicateReferenceId");
    const notModifiable = await client.setOrderReferenceDetails({ amazonOrderReferenceId: oroId, orderTotal: usd(1) }).catch((error: unknown) => error);
    expect(isAmazonPayError(notModifiable) && notModifiable.httpStatus).toBe(405);
  });

  it("billing agreement flow: set → confirm → validate → authorizeOnBillingAgreement → capture", async () => {
    const { id } = await createCheckout(sandbox, "BillingAgreement");
    await client.setBillingAgreementDetails({ amazonBillingAgreementId: id, sellerBillingAgreementId: "SUB-42" });
    await client.confirmBillingAgreement({ amazonBillingAgreementId: id });
    const validation = await client.validateBillingAgreement({ amazonBillingAgreementId: id });
    expect(JSON.stringify(validation)).toContain("Success");
    const first = await client.authorizeOnBillingAgreement({
      amazonBillingAgreementId: id,
      authorizationReferenceId: ref("ba"),
      authorizationAmount: usd(3495),
      transactionTimeout: 0,
    });
    expect(first.authorization.status.state).toBe("Open");
    expect(first.amazonOrderReferenceId).toMatch(/^S01-/);
    const capture = await client.capture({
      amazonAuthorizationId: first.authorization.amazonAuthorizationId,
      captureReferenceId: ref("bc"),
      captureAmount: usd(3495),
    });
    expect(capture.capture.status.state).toBe("Completed");
    const ba = await client.getBillingAgreementDetails({ amazonBillingAgreementId: id });
    expect(ba.billingAgreement.status.state).toBe("Open");
  });
});
