import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { ipnEvents } from "@/db/schema";
import { buildSignedEnvelope, TEST_CERT_PATH, TEST_KEY_PEM } from "@/lib/amazon-pay/test-fixtures/ipn-envelopes";
import { log } from "@/lib/log/logger.mjs";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { signIpnMessage } from "@/lib/testing/signed-ipn";
import { receiveIpn } from "./receive-ipn";
import { replayIpnEvent } from "./ipn-inbox";
import { listSourcesOverCap, REFUSED_BODY_BYTES, REFUSED_PER_SOURCE_PER_HOUR, truncateBody } from "./refused-ipn-storage";

beforeAll(() => {
  process.env.AMAZON_IPN_CERT_PEM = TEST_CERT_PATH;
});

const headers = new Headers({ "x-amz-sns-message-type": "Notification" });
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A well-formed envelope whose signature is wrong, padded to about `bytes`. */
function forgedBody(bytes: number): string {
  const envelope = buildSignedEnvelope({
    message: JSON.stringify({ NotificationType: "PaymentRefund", padding: "é".repeat(bytes / 2) }),
    timestamp: new Date().toISOString(),
  });
  return JSON.stringify({ ...envelope, Signature: Buffer.from("forged").toString("base64") });
}

/** A genuinely signed "Other" notification (a chargeback) of `bytes` or so. */
function signedChargeback(sellerId: string, bytes: number): string {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><ChargebackNotification xmlns="https://mws.amazonservices.com/ipn/OffAmazonPayments/2013-01-01"><ChargebackDetails><AmazonChargebackId>C9KORZRXQ655G</AmazonChargebackId><ChargebackReason>${"x".repeat(bytes)}</ChargebackReason></ChargebackDetails></ChargebackNotification>`;
  return signIpnMessage(
    { NotificationType: "Chargeback Detailed Notification", SellerId: sellerId, ReleaseEnvironment: "Sandbox", NotificationData: xml },
    TEST_KEY_PEM,
  );
}

describe("refused IPNs cannot fill the disk", () => {
  it("keeps only the hash, the size and the first 4 KB of a rejected body, and the whole of a verified one", async () => {
    const { db, actorFor } = await createTestDb();
    await createTestMid(db, await actorFor("admin"), { merchant_id: "A1KNOWNSELLER1" });
    const forged = forgedBody(40_000);
    const answer = await receiveIpn(db, { body: forged, headers, sourceIp: "203.0.113.5" });
    expect(answer).toMatchObject({ status: 403, body: { result: "rejected", detail: "bad-signature" } });
    const [rejected] = await db
      .select()
      .from(ipnEvents)
      .where(eq(ipnEvents.id, answer.body.eventId ?? 0));
    expect(rejected).toMatchObject({
      disposition: "rejected",
      verified: false,
      sourceIp: "203.0.113.5",
      bodyBytes: Buffer.byteLength(forged),
      bodySha256: sha256(forged),
    });
    expect(Buffer.byteLength(rejected?.rawBody ?? "")).toBeLessThanOrEqual(REFUSED_BODY_BYTES);
    expect(Buffer.byteLength(rejected?.rawBody ?? "")).toBeGreaterThan(REFUSED_BODY_BYTES - 4);
    expect(forged.startsWith(rejected?.rawBody ?? "-")).toBe(true);

    // Genuinely signed, but for a seller with no MID: refused and kept in part too, so it cannot be replayed.
    const unknown = signedChargeback("A1NOBODYHERE01", 10_000);
    const unknownAnswer = await receiveIpn(db, { body: unknown, headers, sourceIp: "203.0.113.5" });
    expect(unknownAnswer).toMatchObject({
      status: 403,
      body: { result: "unknown-seller", detail: "unknown seller A1NOBODYHERE01: no MID has this Seller ID" },
    });
    const [unknownRow] = await db
      .select()
      .from(ipnEvents)
      .where(eq(ipnEvents.id, unknownAnswer.body.eventId ?? 0));
    expect(unknownRow).toMatchObject({
      disposition: "unknown-seller",
      verified: true,
      sellerId: "A1NOBODYHERE01",
      bodyBytes: Buffer.byteLength(unknown),
      bodySha256: sha256(unknown),
    });
    expect(Buffer.byteLength(unknownRow?.rawBody ?? "")).toBe(REFUSED_BODY_BYTES);
    await expect(replayIpnEvent(db, await actorFor("admin"), unknownRow?.id ?? 0)).rejects.toThrow(
      `Only the first ${REFUSED_BODY_BYTES} of its ${Buffer.byteLength(unknown)} bytes were kept, so this notification cannot be replayed.`,
    );

    const verified = signedChargeback("A1KNOWNSELLER1", 10_000);
    const verifiedAnswer = await receiveIpn(db, { body: verified, headers, sourceIp: "203.0.113.5" });
    expect(verifiedAnswer).toMatchObject({ status: 200, body: { result: "unmatched" } });
    expect(
      (
        await db
          .select()
          .from(ipnEvents)
          .where(eq(ipnEvents.id, verifiedAnswer.body.eventId ?? 0))
      )[0],
    ).toMatchObject({ rawBody: verified, bodyBytes: Buffer.byteLength(verified), disposition: "unmatched" });
  });

  it("cuts on a character boundary", () => {
    expect(truncateBody("aé", 2)).toBe("a");
    expect(truncateBody("aé", 3)).toBe("aé");
  });

  it(`stores at most ${REFUSED_PER_SOURCE_PER_HOUR} refused notifications per source and hour, then answers 429 without storing; genuine ones still pass`, async () => {
    const { db, actorFor } = await createTestDb();
    await createTestMid(db, await actorFor("admin"), { merchant_id: "A1KNOWNSELLER1" });
    const flood = "198.51.100.7";
    const body = forgedBody(200);
    for (let i = 0; i < REFUSED_PER_SOURCE_PER_HOUR; i++) expect((await receiveIpn(db, { body, headers, sourceIp: flood })).status).toBe(403);
    const count = async () => (await db.select().from(ipnEvents).where(eq(ipnEvents.sourceIp, flood))).length;
    expect(await count()).toBe(REFUSED_PER_SOURCE_PER_HOUR);

    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    try {
      expect(await receiveIpn(db, { body, headers, sourceIp: flood })).toEqual({
        status: 429,
        body: { result: "refused", detail: "too many rejected notifications from this address; not stored" },
      });
      expect((await receiveIpn(db, { body: signedChargeback("A1NOBODYHERE01", 10), headers, sourceIp: flood })).status).toBe(429);
      expect(warn.mock.calls).toEqual([
        [
          { sourceIp: flood },
          `IPN: ${flood} sent more than ${REFUSED_PER_SOURCE_PER_HOUR} rejected notifications within an hour; further ones are answered 429 and not stored.`,
        ],
      ]);
    } finally {
      warn.mockRestore();
    }
    expect(await count()).toBe(REFUSED_PER_SOURCE_PER_HOUR);
    expect(await listSourcesOverCap(db)).toEqual([{ sourceIp: flood, refused: REFUSED_PER_SOURCE_PER_HOUR, lastAt: expect.any(Number) }]);

    expect((await receiveIpn(db, { body, headers, sourceIp: "198.51.100.8" })).status).toBe(403);
    expect((await receiveIpn(db, { body: signedChargeback("A1KNOWNSELLER1", 10), headers, sourceIp: flood })).status).toBe(200);

    // An hour later the address may store again.
    await db
      .update(ipnEvents)
      .set({ receivedAt: Date.now() - 61 * 60 * 1000 })
      .where(eq(ipnEvents.sourceIp, flood));
    expect((await receiveIpn(db, { body, headers, sourceIp: flood })).status).toBe(403);
  });
});
