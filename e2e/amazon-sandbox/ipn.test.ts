import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createVerify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyIpn } from "../../lib/amazon-pay/ipn";
import type { Sandbox } from "./server";
import { buildSnsStringToSign } from "./ipn";
import { authorizeSync, callMws, control, createOpenOrder, dig, pick, SELLER, startTestSandbox } from "./test-helpers";

type Received = { headers: IncomingHttpHeaders; body: string };

let sandbox: Sandbox;
let receiver: Server;
const received: Received[] = [];
let failuresLeft = 0;
let refusalsLeft = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (refusalsLeft > 0) {
        refusalsLeft -= 1;
        res.writeHead(403).end();
        return;
      }
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(500).end();
        return;
      }
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const ipnUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ipn`;
  sandbox = await startTestSandbox({ sellers: [{ ...SELLER, ipnUrl }], ipn: { retryBaseMs: 20, maxAttempts: 4 } });
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});

function parseEnvelope(item: Received): Record<string, string> {
  return JSON.parse(item.body) as Record<string, string>;
}

describe("IPN delivery", () => {
  it("sends a signed SNS envelope for a CaptureNow authorization, verifiable with the served certificate", async () => {
    received.length = 0;
    const oro = await createOpenOrder(sandbox);
    await authorizeSync(sandbox, oro, `ipn-${Date.now()}`, "20.00", { CaptureNow: "true" });
    await sandbox.ipn.idle();
    const types = received.map((item) => (JSON.parse(parseEnvelope(item).Message) as { NotificationType: string }).NotificationType);
    expect(types).toEqual(["OrderReferenceNotification", "PaymentAuthorize", "PaymentAuthorize", "PaymentCapture"]);
    const certificate = await (await fetch(`${sandbox.url}/_sandbox/ipn-cert.pem`)).text();
    for (const item of received) {
      expect(item.headers["x-amz-sns-message-type"]).toBe("Notification");
      expect(item.headers["user-agent"]).toBe("Amazon Simple Notification Service Agent");
      const envelope = parseEnvelope(item);
      expect(item.headers["x-amz-sns-topic-arn"]).toBe(envelope.TopicArn);
      expect(envelope.SignatureVersion).toBe("1");
      expect(envelope.SigningCertURL).toBe(`${sandbox.url}/_sandbox/ipn-cert.pem`);
      const valid = createVerify("RSA-SHA1").update(buildSnsStringToSign(envelope)).verify(certificate, envelope.Signature, "base64");
      expect(valid).toBe(true);
    }
    const capture = JSON.parse(parseEnvelope(received[3]).Message) as Record<string, string>;
    expect(capture.ReleaseEnvironment).toBe("Sandbox");
    expect(capture.SellerId).toBe(SELLER.sellerId);
    expect(capture.NotificationData).toContain('<CaptureNotification xmlns="https://mws.amazonservices.com/ipn/OffAmazonPayments/2013-01-01">');
    expect(capture.NotificationData).toContain("<State>Completed</State>");
  });

  it("is accepted by our client's IPN verifier with the pinned certificate", async () => {
    received.length = 0;
    const oro = await createOpenOrder(sandbox);
    await authorizeSync(sandbox, oro, `ipn-v-${Date.now()}`, "5.00");
    await sandbox.ipn.idle();
    const auth = received.find((item) => item.body.includes("PaymentAuthorize"));
    if (!auth) throw new Error("no PaymentAuthorize IPN");
    const result = await verifyIpn({ body: auth.body, headers: auth.headers }, { pinnedCertificate: sandbox.ipnCertificatePem });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.notification.type).toBe("PaymentAuthorize");
  });

  it("signs, without sending, a notification for a capture the caller describes", async () => {
    received.length = 0;
    const capture = {
      kind: "Capture",
      id: "S01-0000000-0000009-C000009",
      sellerId: SELLER.sellerId,
      authorizationId: "S01-0000000-0000009-A000009",
      orderReferenceId: "S01-0000000-0000009",
      referenceId: "described-1",
      amountMinor: 1234,
      currency: "USD",
      state: "Completed",
      createdAt: Date.now() - 2_000,
      lastUpdate: Date.now() - 1_000,
    };
    const signed = await control<{ notificationType: string; headers: Record<string, string>; body: string }>(
      sandbox,
      "POST",
      "/_sandbox/notifications",
      capture,
    );
    expect(signed.status).toBe(200);
    expect(signed.body.notificationType).toBe("PaymentCapture");
    const result = await verifyIpn({ body: signed.body.body, headers: signed.body.headers }, { pinnedCertificate: sandbox.ipnCertificatePem });
    expect(result.ok && result.notification.type === "PaymentCapture" && result.notification.capture).toMatchObject({
      amazonCaptureId: capture.id,
      captureReferenceId: "described-1",
      status: { state: "Completed" },
      captureAmount: { amountMinor: 1234, currency: "USD" },
    });
    await sandbox.ipn.idle();
    expect(received).toHaveLength(0);
    const stranger = await control<{ error: string }>(sandbox, "POST", "/_sandbox/notifications", { ...capture, sellerId: "A1NOSUCHSELLER" });
    expect(stranger).toEqual({ status: 400, body: { error: "unknown sellerId A1NOSUCHSELLER" } });
  });

  it("a tampered envelope no longer verifies", async () => {
    received.length = 0;
    const oro = await createOpenOrder(sandbox);
    await sandbox.ipn.idle();
    const envelope = parseEnvelope(received[0]);
    envelope.Message = envelope.Message.replace("Open", "Closed");
    expect(createVerify("RSA-SHA1").update(buildSnsStringToSign(envelope)).verify(sandbox.ipnCertificatePem, envelope.Signature, "base64")).toBe(false);
    expect(oro).toMatch(/^S01/);
  });

  it("retries a failed delivery with backoff until it succeeds", async () => {
    received.length = 0;
    failuresLeft = 2;
    await createOpenOrder(sandbox);
    await sandbox.ipn.idle();
    expect(received).toHaveLength(1);
    const delivery = sandbox.ipn.deliveries.at(-1);
    expect(delivery?.attempts).toBe(3);
    expect(delivery?.delivered).toBe(true);
  });

  it("gives up on a 4xx answer, as SNS does, without retrying", async () => {
    received.length = 0;
    refusalsLeft = 1;
    await createOpenOrder(sandbox);
    await sandbox.ipn.idle();
    expect(received).toHaveLength(0);
    expect(sandbox.ipn.deliveries.at(-1)).toMatchObject({ attempts: 1, delivered: false, lastStatus: 403 });
    refusalsLeft = 0;
  });

  it("announces objects of the live environment as Live", async () => {
    const oro = await createOpenOrder(sandbox);
    await sandbox.ipn.idle();
    received.length = 0;
    const object = sandbox.store.objects.get(oro);
    if (!object) throw new Error("order reference missing from the store");
    sandbox.ipn.announce({ ...object, id: oro.replace(/^S/, "P") });
    await sandbox.ipn.idle();
    expect((JSON.parse(parseEnvelope(received[0]).Message) as { ReleaseEnvironment: string }).ReleaseEnvironment).toBe("Live");
  });

  it("a refund IPN arrives Pending-free: only the Completed state is announced", async () => {
    received.length = 0;
    const oro = await createOpenOrder(sandbox);
    const auth = dig(
      (await authorizeSync(sandbox, oro, `ipn-r-${Date.now()}`, "30.00", { CaptureNow: "true" })).doc,
      "AuthorizeResponse",
      "AuthorizeResult",
      "AuthorizationDetails",
    );
    const captureId = pick(auth, "IdList", "member").replace(/[[\]"]/g, "");
    await callMws(sandbox, "Refund", {
      AmazonCaptureId: captureId,
      RefundReferenceId: `r-${Date.now()}`,
      "RefundAmount.Amount": "30.00",
      "RefundAmount.CurrencyCode": "USD",
    });
    await sandbox.clock.advance(60_000);
    await sandbox.ipn.idle();
    const refunds = received
      .map((item) => JSON.parse(parseEnvelope(item).Message) as { NotificationType: string; NotificationData: string })
      .filter((m) => m.NotificationType === "PaymentRefund");
    expect(refunds).toHaveLength(1);
    expect(refunds[0].NotificationData).toContain("<State>Completed</State>");
  });
});
