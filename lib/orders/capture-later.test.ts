import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { gatewayCalls, orders, transactions } from "@/db/schema";
import { readCapRoom } from "@/lib/mids/cap-ledger";
import { monthKey } from "@/lib/money/calendar";
import { startPipelineFixture } from "@/lib/testing/pipeline-fixture";
import { importOrder } from "./import-order";
import { parseImportOrderFields } from "./import-order-input";
import { parseImportUpsaleFields } from "./import-upsale-input";
import { captureOrder } from "./capture-order";
import { voidAuthorization } from "./void-authorization";
import { cancelOrder } from "./cancel-order";
import { refundOrder } from "./refund-order";
import { reconcilePendingOrders } from "./reconcile-pending-orders";
import { reconcilePendingCaptures } from "./reconcile-pending-captures";

type Fixture = Awaited<ReturnType<typeof startPipelineFixture>>;
type LedgerObject = { type: string; id: string; state: string; reasonCode: string | null; parentId?: string; captureIds?: string[] };
let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function placeOrder(f: Fixture, productId = f.oneTime.id): Promise<number> {
  const { amazonOrderId, accessToken } = await f.checkout(productId === f.recurring.id ? "BillingAgreement" : "OrderReference");
  const answer = await importOrder(
    f.db,
    parseImportOrderFields({
      campaignId: String(f.campaign.id),
      product1_id: String(productId),
      amazonBillerId: String(f.mid.id),
      amazonOrderId,
      amazonAddressConsent: accessToken,
    }),
    "api",
  );
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result.orderId;
}

const rowsOf = async (f: Fixture, orderId: number) => await f.db.select().from(transactions).where(eq(transactions.orderId, orderId)).orderBy(transactions.id);
const orderOf = async (f: Fixture, orderId: number) => (await f.db.select().from(orders).where(eq(orders.id, orderId)))[0];
const capOf = async (f: Fixture) => readCapRoom(f.db, f.mid.id, monthKey(new Date()));
const callsOf = async (f: Fixture, action: string) => await f.db.select().from(gatewayCalls).where(eq(gatewayCalls.action, action));

async function authorizationAt(f: Fixture, orderId: number): Promise<LedgerObject | undefined> {
  const authId = (await rowsOf(f, orderId)).find((t) => t.type === "AUTHORIZE")?.amazonAuthorizationId;
  const ledger = await f.control<{ objects: LedgerObject[] }>("GET", `/_sandbox/ledger?sellerId=${f.mid.merchantId}`);
  return ledger.objects.find((o) => o.id === authId);
}

describe("capture-later campaigns", () => {
  it("authorizes without capturing and keeps the amount reserved under the cap", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize" });
    const f = fixture;
    const orderId = await placeOrder(f); // 44.95
    expect((await orderOf(f, orderId))?.status).toBe("AUTHORIZED");
    expect(await rowsOf(f, orderId)).toEqual([
      expect.objectContaining({
        type: "AUTHORIZE",
        status: "SUCCESS",
        amountMinor: 4495,
        amazonState: "Open",
        amazonCaptureId: null,
        amazonAuthorizationId: expect.stringMatching(/-A\d+$/),
      }),
    ]);
    expect(JSON.parse((await callsOf(f, "Authorize"))[0].params)).toMatchObject({ CaptureNow: "false", TransactionTimeout: "0" });
    expect(await capOf(f)).toMatchObject({ usedMinor: 0, reservedMinor: 4495 });
    expect(await authorizationAt(f, orderId)).toMatchObject({ state: "Open", captureIds: [] });
  });

  it("captures the authorization once: CAPTURE row, COMPLETE order, reservation turned into volume, refundable", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize" });
    const f = fixture;
    const orderId = await placeOrder(f);
    const first = await captureOrder(f.db, f.actor, { orderId });
    expect(first.status).toBe("SUCCESS");
    const again = await captureOrder(f.db, f.actor, { orderId });
    expect(again).toEqual(first);
    expect(await callsOf(f, "Capture")).toHaveLength(1);
    expect(JSON.parse((await callsOf(f, "Capture"))[0].params)).toMatchObject({ CaptureReferenceId: `mc-${orderId}-c1`, "CaptureAmount.Amount": "44.95" });

    const [authorization, capture] = await rowsOf(f, orderId);
    expect(capture).toMatchObject({
      type: "CAPTURE",
      status: "SUCCESS",
      amountMinor: 4495,
      parentTransactionId: authorization.id,
      amazonCaptureId: expect.stringMatching(/-C\d+$/),
    });
    expect(authorization).toMatchObject({ amazonState: "Closed", reasonCode: "MaxCapturesProcessed" });
    expect((await orderOf(f, orderId))?.status).toBe("COMPLETE");
    expect(await capOf(f)).toMatchObject({ usedMinor: 4495, reservedMinor: 0 });
    expect(await authorizationAt(f, orderId)).toMatchObject({ state: "Closed", reasonCode: "MaxCapturesProcessed" });

    const refund = await refundOrder(f.db, f.actor, { orderId, amountMinor: 1000, reason: "Arrived damaged" });
    expect((await f.db.select().from(transactions).where(eq(transactions.id, refund.transactionId)))[0]).toMatchObject({
      parentTransactionId: capture.id,
      amazonCaptureId: capture.amazonCaptureId,
    });
    await expect(voidAuthorization(f.db, f.actor, { orderId, reason: "Too late" })).rejects.toThrow("This order was captured; refund it instead of voiding.");
  });

  it("voids an open authorization: VOID row, reservation released, Closed/SellerClosed at Amazon; a second void changes nothing", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize" });
    const f = fixture;
    const orderId = await placeOrder(f);
    await expect(voidAuthorization(f.db, f.actor, { orderId, reason: "  " })).rejects.toMatchObject({
      fieldErrors: { reason: "A reason is required to void an authorization." },
    });
    const voided = await voidAuthorization(f.db, f.actor, { orderId, reason: "Out of stock" });
    expect((await orderOf(f, orderId))?.status).toBe("VOIDED");
    expect((await rowsOf(f, orderId))[1]).toMatchObject({
      id: voided.transactionId,
      type: "VOID",
      status: "SUCCESS",
      amountMinor: 4495,
      customerMessage: "Out of stock",
    });
    expect(await capOf(f)).toMatchObject({ usedMinor: 0, reservedMinor: 0 });
    expect(await authorizationAt(f, orderId)).toMatchObject({ state: "Closed", reasonCode: "SellerClosed" });

    expect(await voidAuthorization(f.db, f.actor, { orderId, reason: "Again" })).toEqual(voided);
    expect(await callsOf(f, "CloseAuthorization")).toHaveLength(1);
    expect(await rowsOf(f, orderId)).toHaveLength(2);
    expect((await capOf(f)).reservedMinor).toBe(0);
    await expect(captureOrder(f.db, f.actor, { orderId })).rejects.toThrow("This order has no open authorization to capture (it is VOIDED).");
  });

  it("an authorization that expired at Amazon cannot be captured, and voiding it releases the reservation", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize", ipn: false });
    const f = fixture;
    // Amazon's sandbox simulation of an authorization that expires unused after a minute.
    const { amazonOrderId, accessToken } = await f.checkout();
    const input = parseImportOrderFields({
      campaignId: String(f.campaign.id),
      product1_id: String(f.oneTime.id),
      amazonBillerId: String(f.mid.id),
      amazonOrderId,
      amazonAddressConsent: accessToken,
    });
    input.sandboxSimulation = { authorizationNote: '{"SandboxSimulation":{"State":"Closed","ReasonCode":"ExpiredUnused","ExpirationTimeInMins":1}}' };
    const orderId = (await importOrder(f.db, input, "api")).result.orderId;
    expect((await orderOf(f, orderId))?.status).toBe("AUTHORIZED");
    await f.control("POST", "/_sandbox/clock", { advanceMinutes: 2 });
    expect(await authorizationAt(f, orderId)).toMatchObject({ state: "Closed", reasonCode: "ExpiredUnused" });
    await expect(captureOrder(f.db, f.actor, { orderId })).rejects.toThrow("Amazon no longer accepts a capture of this authorization");
    expect((await rowsOf(f, orderId))[1]).toMatchObject({ type: "CAPTURE", status: "ERROR", reasonCode: "InvalidAuthorizationStatus" });
    expect((await capOf(f)).reservedMinor).toBe(4495);
    await voidAuthorization(f.db, f.actor, { orderId, reason: "Expired before shipping" });
    expect((await orderOf(f, orderId))?.status).toBe("VOIDED");
    expect((await capOf(f)).reservedMinor).toBe(0);
  });

  it("refuses to void a sale without calling Amazon", async () => {
    fixture = await startPipelineFixture();
    const f = fixture;
    const orderId = await placeOrder(f);
    await expect(voidAuthorization(f.db, f.actor, { orderId, reason: "Changed mind" })).rejects.toThrow(
      "This order was captured; refund it instead of voiding.",
    );
    expect(await callsOf(f, "CloseAuthorization")).toHaveLength(0);
    expect(await callsOf(f, "GetAuthorizationDetails")).toHaveLength(0);
  });

  it("cancels an authorized order: Amazon closes the authorization with the order reference, the reservation is released", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize" });
    const f = fixture;
    const orderId = await placeOrder(f);
    await cancelOrder(f.db, f.actor, { orderId, reason: "Buyer cancelled" });
    expect((await orderOf(f, orderId))?.status).toBe("CANCELED");
    expect((await capOf(f)).reservedMinor).toBe(0);
    expect(await authorizationAt(f, orderId)).toMatchObject({ state: "Closed", reasonCode: "OrderReferenceCanceled" });
  });

  it("charges recurring products at once, and upsells follow the campaign's mode", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize" });
    const f = fixture;
    const recurring = await placeOrder(f, f.recurring.id);
    expect((await orderOf(f, recurring))?.status).toBe("COMPLETE");
    expect((await rowsOf(f, recurring))[0]).toMatchObject({ type: "SALE", status: "SUCCESS" });

    const parent = await placeOrder(f);
    const { amazonOrderId, accessToken } = await f.checkout();
    const upsell = await importOrder(
      f.db,
      await parseImportUpsaleFields(f.db, { orderId: String(parent), productId: String(f.oneTime.id), amazonOrderId, amazonAddressConsent: accessToken }),
      "api",
    );
    expect(upsell.ok && upsell.result.orderStatus).toBe("AUTHORIZED");
    expect((await rowsOf(f, upsell.result.orderId))[0]).toMatchObject({ type: "AUTHORIZE", status: "SUCCESS" });
  });

  it("the reconciler finishes an authorization whose answer was lost as AUTHORIZE, keeping the reservation", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize", ipn: false });
    const f = fixture;
    const { amazonOrderId, accessToken } = await f.checkout();
    await f.control("POST", "/_sandbox/faults", { action: "Authorize", mode: "apply-then-500", count: 10 });
    const answer = await importOrder(
      f.db,
      parseImportOrderFields({
        campaignId: String(f.campaign.id),
        product1_id: String(f.oneTime.id),
        amazonBillerId: String(f.mid.id),
        amazonOrderId,
        amazonAddressConsent: accessToken,
      }),
      "api",
    );
    expect(answer.result.orderStatus).toBe("PENDING");
    await f.control("DELETE", "/_sandbox/faults");
    expect(await reconcilePendingOrders(f.db, { olderThanMs: -1000 })).toMatchObject({ checked: 1, finished: 1 });
    expect((await orderOf(f, answer.result.orderId))?.status).toBe("AUTHORIZED");
    expect((await rowsOf(f, answer.result.orderId))[0]).toMatchObject({ type: "AUTHORIZE", status: "SUCCESS", amazonState: "Open" });
    expect(await capOf(f)).toMatchObject({ usedMinor: 0, reservedMinor: 4495 });
  });

  it("a capture whose answer was lost stays PENDING and is finished once by the capture reconciler", async () => {
    fixture = await startPipelineFixture({ captureMode: "authorize", ipn: false });
    const f = fixture;
    const orderId = await placeOrder(f);
    await f.control("POST", "/_sandbox/faults", { action: "Capture", mode: "apply-then-500", count: 10 });
    expect((await captureOrder(f.db, f.actor, { orderId })).status).toBe("PENDING");
    await expect(voidAuthorization(f.db, f.actor, { orderId, reason: "x" })).rejects.toThrow(
      "A capture of this order is in progress at Amazon; wait for it to finish.",
    );
    await f.control("DELETE", "/_sandbox/faults");
    expect(await reconcilePendingCaptures(f.db, { olderThanMs: -1000 })).toMatchObject({ checked: 1, finished: 1 });
    expect(await reconcilePendingCaptures(f.db, { olderThanMs: -1000 })).toMatchObject({ checked: 0 });
    expect((await orderOf(f, orderId))?.status).toBe("COMPLETE");
    expect(
      await f.db
        .select()
        .from(transactions)
        .where(and(eq(transactions.orderId, orderId), eq(transactions.type, "CAPTURE"))),
    ).toEqual([expect.objectContaining({ status: "SUCCESS" })]);
    expect(await capOf(f)).toMatchObject({ usedMinor: 4495, reservedMinor: 0 });
  });
});
