import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ipnEvents, orders, transactions } from "@/db/schema";
import { importOrder } from "@/lib/orders/import-order";
import { parseImportOrderFields } from "@/lib/orders/import-order-input";
import { refundOrder } from "@/lib/orders/refund-order";
import { createTestMid } from "@/lib/testing/test-mids";
import { ATTACKER_SELLER, startPipelineFixture, TEST_SELLER } from "@/lib/testing/pipeline-fixture";
import { authorizeWithReference, createForeignSellerClient, refundDeclinedWithReference } from "@/lib/testing/foreign-seller";
import { signPaymentIpn } from "@/lib/testing/signed-ipn";
import { replayIpnEvent } from "./ipn-inbox";

type Fixture = Awaited<ReturnType<typeof startPipelineFixture>>;
let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function importOne(f: Fixture, options: { billingAgreement?: boolean } = {}) {
  const { amazonOrderId, accessToken } = await f.checkout(options.billingAgreement ? "BillingAgreement" : "OrderReference");
  const product = options.billingAgreement ? f.recurring : f.oneTime;
  const answer = await importOrder(
    f.db,
    parseImportOrderFields({
      campaignId: String(f.campaign.id),
      product1_id: String(product.id),
      amazonBillerId: String(f.mid.id),
      amazonOrderId,
      amazonAddressConsent: accessToken,
    }),
    "api",
  );
  return { orderId: answer.result.orderId, amazonOrderId, status: answer.result.orderStatus };
}

/** An order whose Authorize never reached Amazon: PENDING, left for the reconciler. */
async function importPending(f: Fixture, options: { billingAgreement?: boolean } = {}) {
  await f.control("POST", "/_sandbox/faults", { action: options.billingAgreement ? "AuthorizeOnBillingAgreement" : "Authorize", mode: "500", count: 4 });
  const order = await importOne(f, options);
  await f.control("DELETE", "/_sandbox/faults");
  expect(order.status).toBe("PENDING");
  return order;
}

const chargeOf = async (f: Fixture, orderId: number) => await f.db.select().from(transactions).where(eq(transactions.orderId, orderId));
const orderOf = async (f: Fixture, orderId: number) => (await f.db.select().from(orders).where(eq(orders.id, orderId)))[0];

describe("IPN binding to the seller's MIDs", () => {
  it("a foreign seller's genuinely signed IPNs naming our reference ids change nothing, and are stored as unknown seller", async () => {
    fixture = await startPipelineFixture({ refundMs: 60_000 });
    const f = fixture;
    const attacker = createForeignSellerClient(ATTACKER_SELLER, f.sandbox.url);

    // 1. A PENDING order: the attacker authorizes (and captures) 1.00 on its own order reference with our mc-<order>-a1.
    const pending = await importPending(f);
    const before = JSON.stringify(await chargeOf(f, pending.orderId));
    const ownOro = (await f.checkout("OrderReference", ATTACKER_SELLER.sellerId)).amazonOrderId;
    const attack = await authorizeWithReference(attacker, {
      amazonOrderReferenceId: ownOro,
      referenceId: `mc-${pending.orderId}-a1`,
      amount: { amountMinor: 100, currency: "USD" },
    });
    await f.sandbox.ipn.idle();
    expect((await orderOf(f, pending.orderId))?.status).toBe("PENDING");
    expect(JSON.stringify(await chargeOf(f, pending.orderId))).toBe(before);

    // 2. A real pending refund: the attacker's refund with our mc-<order>-r1 is declined first.
    const paid = await importOne(f);
    await refundDeclinedWithReference(attacker, {
      amazonCaptureId: attack.captureIds[0],
      referenceId: `mc-${paid.orderId}-r1`,
      amount: { amountMinor: 100, currency: "USD" },
    });
    await f.sandbox.clock.advance(30_000);
    const refund = await refundOrder(f.db, f.actor, { orderId: paid.orderId, amountMinor: 1000, reason: "Damaged" });
    await f.sandbox.clock.advance(31_000); // the attacker's refund is due, ours is not yet
    await f.sandbox.ipn.idle();
    expect((await f.db.select().from(transactions).where(eq(transactions.id, refund.transactionId)))[0]?.status).toBe("PENDING");
    await f.sandbox.clock.advance(60_000);
    await f.sandbox.ipn.idle();
    expect((await f.db.select().from(transactions).where(eq(transactions.id, refund.transactionId)))[0]?.status).toBe("SUCCESS");

    const foreign = await f.db.select().from(ipnEvents).where(eq(ipnEvents.sellerId, ATTACKER_SELLER.sellerId));
    expect(foreign.map((e) => e.notificationType)).toEqual(expect.arrayContaining(["PaymentAuthorize", "PaymentCapture", "PaymentRefund"]));
    for (const event of foreign) {
      expect(event).toMatchObject({
        verified: true,
        applied: false,
        disposition: "unknown-seller",
        midId: null,
        orderId: null,
        rejectReason: `unknown seller ${ATTACKER_SELLER.sellerId}: no MID has this Seller ID`,
      });
      expect(event.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // Each was answered 403 once (SNS does not retry a 4xx).
    const deliveries = f.sandbox.ipn.deliveries.filter((d) => d.objectId.startsWith(ownOro));
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.lastStatus === 403 && d.attempts === 1)).toBe(true);

    // Replaying one from the inbox goes through the same binding.
    const authorizeEvent = foreign.find((e) => e.notificationType === "PaymentAuthorize");
    expect(await replayIpnEvent(f.db, f.actor, authorizeEvent?.id ?? 0)).toBe(
      `replayed: unknown seller ${ATTACKER_SELLER.sellerId}: no MID has this Seller ID`,
    );
    expect((await orderOf(f, pending.orderId))?.status).toBe("PENDING");
  });

  it("another known seller's notification cannot reach our rows: it is unmatched within its own MIDs", async () => {
    fixture = await startPipelineFixture({ ipn: false });
    const f = fixture;
    const other = await createTestMid(f.db, f.actor, { merchant_id: "A1OTHERKNOWN01" });
    const pending = await importPending(f);
    const oro = pending.amazonOrderId;
    const answer = await f.postIpn(
      signPaymentIpn("PaymentAuthorize", {
        sellerId: "A1OTHERKNOWN01",
        amazonId: `${oro}-A123456`,
        referenceId: `mc-${pending.orderId}-a1`,
        amount: "44.95",
        currency: "USD",
        state: "Closed",
        reasonCode: "MaxCapturesProcessed",
        childIds: [`${oro}-C123456`],
      }),
    );
    expect(answer).toMatchObject({ status: 200, body: { result: "unmatched" } });
    expect((await orderOf(f, pending.orderId))?.status).toBe("PENDING");
    expect((await f.db.select().from(ipnEvents)).at(-1)).toMatchObject({
      disposition: "unmatched",
      sellerId: "A1OTHERKNOWN01",
      midId: other.id,
      orderId: null,
    });
  });

  it("falls back to our reference id only when the Amazon parent ids agree, and never for a charge whose order reference is not known yet", async () => {
    fixture = await startPipelineFixture({ ipn: false });
    const f = fixture;
    const pending = await importPending(f);
    const oro = pending.amazonOrderId;
    const reference = `mc-${pending.orderId}-a1`;

    const foreignParent = await f.postIpn(
      signPaymentIpn("PaymentAuthorize", {
        sellerId: TEST_SELLER.sellerId,
        amazonId: "S01-1111111-1111111-A000001",
        referenceId: reference,
        amount: "44.95",
        currency: "USD",
        state: "Closed",
        reasonCode: "MaxCapturesProcessed",
        childIds: ["S01-1111111-1111111-C000001"],
      }),
    );
    expect(foreignParent).toMatchObject({ status: 200, body: { result: "mismatched" } });
    expect(foreignParent.body.detail).toBe(
      `mismatched, not applied: order reference S01-1111111-1111111 ≠ ${oro} of transaction #${(await chargeOf(f, pending.orderId))[0].id}`,
    );
    expect((await orderOf(f, pending.orderId))?.status).toBe("PENDING");

    // The CaptureNow capture (reference = our authorization reference, digits of the authorization) binds to the SALE row.
    const capture = await f.postIpn(
      signPaymentIpn("PaymentCapture", {
        sellerId: TEST_SELLER.sellerId,
        amazonId: `${oro}-C123456`,
        referenceId: reference,
        amount: "44.95",
        currency: "USD",
        state: "Completed",
      }),
    );
    expect(capture).toMatchObject({ status: 200, body: { result: "applied", detail: "capture Completed: applied" } });
    expect((await orderOf(f, pending.orderId))?.status).toBe("COMPLETE");

    const own = await f.postIpn(
      signPaymentIpn("PaymentAuthorize", {
        sellerId: TEST_SELLER.sellerId,
        amazonId: `${oro}-A123456`,
        referenceId: reference,
        amount: "44.95",
        currency: "USD",
        state: "Closed",
        reasonCode: "MaxCapturesProcessed",
        childIds: [`${oro}-C123456`],
      }),
    );
    expect(own).toMatchObject({ status: 200, body: { result: "applied" } });
    expect((await orderOf(f, pending.orderId))?.status).toBe("COMPLETE");

    // A billing-agreement charge before Amazon answered carries no order reference to check against.
    const agreement = await importPending(f, { billingAgreement: true });
    const unverifiable = await f.postIpn(
      signPaymentIpn("PaymentAuthorize", {
        sellerId: TEST_SELLER.sellerId,
        amazonId: "S01-2222222-2222222-A000002",
        referenceId: `mc-${agreement.orderId}-a1`,
        amount: "4.95",
        currency: "USD",
        state: "Closed",
        reasonCode: "MaxCapturesProcessed",
        childIds: ["S01-2222222-2222222-C000002"],
      }),
    );
    expect(unverifiable).toMatchObject({ status: 200, body: { result: "unmatched" } });
    expect(unverifiable.body.detail).toContain("whose Amazon order reference is not known yet");
    expect((await orderOf(f, agreement.orderId))?.status).toBe("PENDING");
  });

  it("stores a notification whose amount, currency or environment disagrees with the row as mismatched, and applies nothing", async () => {
    fixture = await startPipelineFixture({ ipn: false });
    const f = fixture;
    const paid = await importOne(f);
    const refund = await refundOrder(f.db, f.actor, { orderId: paid.orderId, amountMinor: 1000, reason: "Damaged" });
    const row = async () => (await f.db.select().from(transactions).where(eq(transactions.id, refund.transactionId)))[0];
    const amazonRefundId = (await row())?.amazonRefundId as string;
    const facts = {
      sellerId: TEST_SELLER.sellerId,
      amazonId: amazonRefundId,
      referenceId: `mc-${paid.orderId}-r1`,
      amount: "10.00",
      currency: "USD",
      state: "Declined",
      reasonCode: "AmazonRejected",
    };
    const cases = [
      [{ amount: "1.00" }, "mismatched, not applied: amount 1.00 USD ≠ 10.00 USD"],
      [{ currency: "EUR" }, "mismatched, not applied: amount 10.00 EUR ≠ 10.00 USD"],
      [{ releaseEnvironment: "Live" }, `mismatched, not applied: environment Live ≠ Sandbox (MID #${f.mid.id} is in test mode)`],
    ] as const;
    for (const [change, reason] of cases) {
      const answer = await f.postIpn(signPaymentIpn("PaymentRefund", { ...facts, ...change }));
      expect(answer).toMatchObject({ status: 200, body: { result: "mismatched", detail: reason } });
      expect((await row())?.status).toBe("PENDING");
      expect((await f.db.select().from(ipnEvents)).at(-1)).toMatchObject({
        disposition: "mismatched",
        applied: false,
        applyResult: reason,
        midId: f.mid.id,
        sellerId: TEST_SELLER.sellerId,
        orderId: paid.orderId,
      });
    }
    const genuine = await f.postIpn(signPaymentIpn("PaymentRefund", { ...facts, state: "Completed", reasonCode: undefined }));
    expect(genuine).toMatchObject({ status: 200, body: { result: "applied", detail: "refund completed" } });
    expect((await row())?.status).toBe("SUCCESS");
  });

  it("binds across every MID that shares the Seller ID", async () => {
    fixture = await startPipelineFixture({ ipn: false });
    const f = fixture;
    const pending = await importPending(f);
    const sibling = await createTestMid(f.db, f.actor, { merchant_id: TEST_SELLER.sellerId, region: "UK", currency: "GBP" });
    const oro = pending.amazonOrderId;
    const answer = await f.postIpn(
      signPaymentIpn("PaymentAuthorize", {
        sellerId: TEST_SELLER.sellerId,
        amazonId: `${oro}-A654321`,
        referenceId: `mc-${pending.orderId}-a1`,
        amount: "44.95",
        currency: "USD",
        state: "Closed",
        reasonCode: "MaxCapturesProcessed",
        childIds: [`${oro}-C654321`],
      }),
    );
    expect(answer).toMatchObject({ status: 200, body: { result: "applied" } });
    expect((await orderOf(f, pending.orderId))?.status).toBe("COMPLETE");
    expect((await f.db.select().from(ipnEvents)).at(-1)).toMatchObject({ midId: f.mid.id, disposition: "applied" });
    expect(sibling.id).not.toBe(f.mid.id);
  });
});
