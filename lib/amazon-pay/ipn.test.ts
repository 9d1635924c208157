import { describe, expect, it, vi } from "vitest";
import { createIpnVerifier, type IpnVerificationResult } from "./ipn";
import { isTrustedCertificateUrl } from "./ipn-certificate";
import { OTHER_KEY_PEM, SNS_TIMESTAMP, TEST_CERT_PATH, TEST_CERT_PEM, buildInnerMessage, buildSignedEnvelope } from "./test-fixtures/ipn-envelopes";

const NOW = () => new Date(Date.parse(SNS_TIMESTAMP) + 60_000);
const pinned = () => createIpnVerifier({ pinnedCertificate: TEST_CERT_PEM, now: NOW });
const body = (envelope: Record<string, string>) => JSON.stringify(envelope);

function expectRejected(result: IpnVerificationResult, reason: string) {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toBe(reason);
}

describe("accepts correctly signed notifications", () => {
  it("PaymentCapture with a pinned PEM", async () => {
    const result = await pinned().verify({
      body: body(buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture") })),
      headers: { "x-amz-sns-message-type": "Notification" },
    });
    expect(result.ok).toBe(true);
    if (!result.ok || result.notification.type !== "PaymentCapture") throw new Error("expected PaymentCapture");
    expect(result.notification).toMatchObject({
      notificationReferenceId: "32d195c3-a829-4222-b1e2-14ab28909513",
      sellerId: "A2K7NDRCTOTPW9",
      releaseEnvironment: "Sandbox",
      snsMessageId: "2288e071-de8e-5b6b-9f03-aeb15ba02de2",
      isSample: false,
    });
    expect(result.notification.capture).toMatchObject({
      amazonCaptureId: "S01-5695290-1354077-C041953",
      captureReferenceId: "ord-1001-c1",
      captureAmount: { amountMinor: 1999, currency: "USD" },
      refundedAmount: { amountMinor: 0, currency: "USD" },
      refundIds: [],
      status: { state: "Completed" },
    });
  });

  it("pinned certificate given as a file path or as \\n-escaped text", async () => {
    const envelope = body(buildSignedEnvelope({ message: buildInnerMessage("PaymentRefund") }));
    const fromPath = await createIpnVerifier({ pinnedCertificate: TEST_CERT_PATH, now: NOW }).verify({ body: envelope });
    const escaped = await createIpnVerifier({ pinnedCertificate: TEST_CERT_PEM.replace(/\n/g, "\\n"), now: NOW }).verify({ body: envelope });
    expect(fromPath.ok && escaped.ok).toBe(true);
    if (fromPath.ok && fromPath.notification.type === "PaymentRefund") {
      expect(fromPath.notification.refund.refundAmount).toEqual({ amountMinor: 100, currency: "USD" });
    } else throw new Error("expected PaymentRefund");
  });

  it("downloads the certificate from an SNS URL once and caches it", async () => {
    const fetchCertificate = vi.fn(async () => TEST_CERT_PEM);
    // Real clock: a downloaded certificate must also be within its validity period.
    const verifier = createIpnVerifier({ fetchCertificate });
    const envelope = body(
      buildSignedEnvelope({
        message: buildInnerMessage("PaymentAuthorize"),
        subject: "OffAmazonPayments Sandbox Notification",
        timestamp: new Date().toISOString(),
      }),
    );
    const first = await verifier.verify({ body: envelope });
    const second = await verifier.verify({ body: envelope });
    expect(first.ok && second.ok).toBe(true);
    expect(fetchCertificate).toHaveBeenCalledTimes(1);
    if (!first.ok || first.notification.type !== "PaymentAuthorize") throw new Error("expected PaymentAuthorize");
    expect(first.notification.authorization).toMatchObject({
      authorizationAmount: { amountMinor: 500, currency: "USD" },
      captureIds: ["S01-5695290-1354077-C041953"],
      status: { state: "Declined", reasonCode: "InvalidPaymentMethod", reasonDescription: "Try another card" },
      captureNow: false,
    });
  });

  it("OrderReference, BillingAgreement (with EventType) and other types", async () => {
    const verifier = pinned();
    const verify = (message: string) => verifier.verify({ body: body(buildSignedEnvelope({ message })) });

    const oro = await verify(buildInnerMessage("OrderReferenceNotification"));
    if (!oro.ok || oro.notification.type !== "OrderReferenceNotification") throw new Error("expected ORO");
    expect(oro.notification.orderReference).toMatchObject({
      amazonOrderReferenceId: "S01-7347515-9699585",
      orderTotal: { amountMinor: 999, currency: "USD" },
      status: { state: "Closed", reasonCode: "MaxAuthorizationsProcessed" },
      sellerOrderAttributes: { sellerId: "A2K7NDRCTOTPW9", sellerOrderId: "1001" },
    });

    const ba = await verify(buildInnerMessage("BillingAgreementNotification", { EventType: "BillingAgreementStatusUpdated" }));
    if (!ba.ok || ba.notification.type !== "BillingAgreementNotification") throw new Error("expected BA");
    expect(ba.notification.eventType).toBe("BillingAgreementStatusUpdated");
    expect(ba.notification.billingAgreement).toMatchObject({
      amazonBillingAgreementId: "C01-5533845-8537141",
      status: { state: "Closed", reasonCode: "SellerClosed", lastUpdateTimestamp: "2015-11-14T00:40:13.000Z" },
      limits: { currentRemainingBalance: { amountMinor: 49001, currency: "USD" } },
      billingAgreementConsent: true,
    });

    const chargeback = await verify(buildInnerMessage("Chargeback Detailed Notification"));
    if (!chargeback.ok || chargeback.notification.type !== "Other") throw new Error("expected Other");
    expect(chargeback.notification.notificationType).toBe("Chargeback Detailed Notification");
    expect(chargeback.notification.notificationData).toContain("C9KORZRXQ655G");
  });

  it("SignatureVersion 2 (SHA256withRSA)", async () => {
    const result = await pinned().verify({ body: body(buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture"), signatureVersion: "2" })) });
    expect(result.ok).toBe(true);
  });
});

describe("rejects", () => {
  it("a tampered message", async () => {
    const envelope = buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture") });
    envelope.Message = envelope.Message.replace("19.99", "1999.00");
    expectRejected(await pinned().verify({ body: body(envelope) }), "bad-signature");
  });

  it("a tampered Subject or a signature from another key", async () => {
    const withSubject = buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture"), subject: "a" });
    withSubject.Subject = "b";
    expectRejected(await pinned().verify({ body: body(withSubject) }), "bad-signature");
    const otherKey = buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture"), keyPem: OTHER_KEY_PEM });
    expectRejected(await pinned().verify({ body: body(otherKey) }), "bad-signature");
    const garbage = { ...otherKey, Signature: "not base64 at all!!" };
    expectRejected(await pinned().verify({ body: body(garbage) }), "bad-signature");
  });

  it.each([
    "https://sns.evil.com/cert.pem",
    "http://sns.us-east-1.amazonaws.com/cert.pem",
    "https://sns.us-east-1.amazonaws.com.evil.com/cert.pem",
    "https://sns.us-east-1.amazonaws.com/cert.txt",
    "https://evil.com/sns.us-east-1.amazonaws.com/cert.pem",
    "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
    "https://user@sns.us-east-1.amazonaws.com/cert.pem",
    "https://sns..amazonaws.com/cert.pem",
    "not a url",
  ])("certificate URL %s", async (certUrl) => {
    const fetchCertificate = vi.fn(async () => TEST_CERT_PEM);
    const verifier = createIpnVerifier({ fetchCertificate, now: NOW });
    const result = await verifier.verify({ body: body(buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture"), certUrl })) });
    expectRejected(result, "untrusted-cert-url");
    expect(fetchCertificate).not.toHaveBeenCalled();
  });

  it("accepts the documented SNS host forms", () => {
    expect(isTrustedCertificateUrl("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem")).toBe(true);
    expect(isTrustedCertificateUrl("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem")).toBe(true);
  });

  it("a certificate that cannot be downloaded", async () => {
    const verifier = createIpnVerifier({ fetchCertificate: async () => Promise.reject(new Error("HTTP 404")), now: NOW });
    const result = await verifier.verify({ body: body(buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture") })) });
    expectRejected(result, "cert-unavailable");
  });

  it("stale and future timestamps (1 hour window, 5 minutes skew)", async () => {
    const envelope = body(buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture") }));
    const at = (offsetMs: number) => createIpnVerifier({ pinnedCertificate: TEST_CERT_PEM, now: () => new Date(Date.parse(SNS_TIMESTAMP) + offsetMs) });
    expectRejected(await at(61 * 60_000).verify({ body: envelope }), "stale");
    expectRejected(await at(-6 * 60_000).verify({ body: envelope }), "stale");
    expect((await at(59 * 60_000).verify({ body: envelope })).ok).toBe(true);
    expect((await at(-4 * 60_000).verify({ body: envelope })).ok).toBe(true);
  });

  it("malformed input", async () => {
    const verifier = pinned();
    expectRejected(await verifier.verify({ body: "not json" }), "malformed");
    expectRejected(await verifier.verify({ body: "[]" }), "malformed");
    expectRejected(await verifier.verify({ body: JSON.stringify({ Type: "Notification" }) }), "malformed");
    const badTime = buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture"), timestamp: "yesterday" });
    expectRejected(await verifier.verify({ body: body(badTime) }), "malformed");
    const badInner = buildSignedEnvelope({ message: "{not json" });
    expectRejected(await verifier.verify({ body: body(badInner) }), "malformed");
    const badXml = buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture").replace("CaptureNotification", "Nope") });
    expectRejected(await verifier.verify({ body: body(badXml) }), "malformed");
    const good = body(buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture") }));
    expectRejected(await verifier.verify({ body: good, headers: { "X-Amz-Sns-Topic-Arn": "arn:aws:sns:us-east-1:1:other" } }), "malformed");
  });

  it("subscription confirmations and unknown signature versions", async () => {
    const verifier = pinned();
    const confirmation = buildSignedEnvelope({ message: "{}", type: "SubscriptionConfirmation" });
    expectRejected(await verifier.verify({ body: body(confirmation) }), "not-notification");
    const good = body(buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture") }));
    expectRejected(await verifier.verify({ body: good, headers: { "x-amz-sns-message-type": "UnsubscribeConfirmation" } }), "not-notification");
    const fetchHeaders = new Headers({ "X-Amz-Sns-Message-Type": "SubscriptionConfirmation" });
    expectRejected(await verifier.verify({ body: good, headers: fetchHeaders }), "not-notification");
    expect((await verifier.verify({ body: good, headers: new Headers({ "x-amz-sns-message-type": "Notification" }) })).ok).toBe(true);
    const v3 = buildSignedEnvelope({ message: buildInnerMessage("PaymentCapture"), signatureVersion: "3" });
    expectRejected(await verifier.verify({ body: body(v3) }), "unsupported-signature-version");
  });
});
