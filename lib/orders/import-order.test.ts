import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { customers, gatewayCalls, orders, subscriptions, transactions } from "@/db/schema";
import { readCapRoom } from "@/lib/mids/cap-ledger";
import { monthKey } from "@/lib/money/calendar";
import { startPipelineFixture, TEST_SELLER } from "@/lib/testing/pipeline-fixture";
import { importOrder } from "./import-order";
import { parseImportOrderFields } from "./import-order-input";
import { reconcilePendingOrders } from "./reconcile-pending-orders";
import { ORDER_SIMULATIONS } from "./sandbox-simulations";

type Fixture = Awaited<ReturnType<typeof startPipelineFixture>>;
let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

type LedgerObject = { type: string; id: string; state: string; referenceId?: string };

async function authorizationsInLedger(f: Fixture): Promise<LedgerObject[]> {
  const ledger = await f.control<{ objects: LedgerObject[] }>("GET", `/_sandbox/ledger?sellerId=${TEST_SELLER.sellerId}`);
  return ledger.objects.filter((o) => o.type === "Authorization");
}

function orderFields(f: Fixture, amazonOrderId: string, accessToken: string, extra: Record<string, string> = {}) {
  return parseImportOrderFields({
    campaignId: String(f.campaign.id),
    product1_id: String(f.oneTime.id),
    product1_qty: "2",
    amazonBillerId: String(f.mid.id),
    amazonOrderId,
    amazonAddressConsent: accessToken,
    paySource: "AMAZON",
    ...extra,
  });
}

describe("importOrder against the sandbox emulator", () => {
  it("charges a one-time order once, fills the buyer from Amazon and counts it against the cap", async () => {
    fixture = await startPipelineFixture();
    const { amazonOrderId, accessToken } = await fixture.checkout();
    const answer = await importOrder(fixture.db, orderFields(fixture, amazonOrderId, accessToken), "api");
    expect(answer.ok).toBe(true);
    expect(answer.result).toMatchObject({ orderStatus: "COMPLETE", responseType: "SUCCESS", amountPaid: "84.90", amazonOrderReferenceId: amazonOrderId });
    expect(answer.result.amazonCaptureId).toMatch(/^S01-\d{7}-\d{7}-C\d+$/);
    const [customer] = await fixture.db
      .select()
      .from(customers)
      .where(eq(customers.id, answer.result.customerId ?? -1));
    expect(customer?.email).toBe("jane.buyer@example.com");
    expect(await readCapRoom(fixture.db, fixture.mid.id, monthKey(new Date()))).toMatchObject({ usedMinor: 8490, reservedMinor: 0 });

    // The same ORO again: the first result, no second authorization.
    const again = await importOrder(fixture.db, orderFields(fixture, amazonOrderId, accessToken), "api");
    expect(again.result.orderId).toBe(answer.result.orderId);
    expect(await authorizationsInLedger(fixture)).toHaveLength(1);

    const calls = await fixture.db.select().from(gatewayCalls).where(eq(gatewayCalls.orderId, answer.result.orderId));
    expect(calls.map((c) => c.action)).toEqual(
      expect.arrayContaining(["GetOrderReferenceDetails", "SetOrderReferenceDetails", "ConfirmOrderReference", "Authorize"]),
    );
    expect(JSON.stringify(calls)).not.toContain(TEST_SELLER.secretKey);
    expect(JSON.stringify(calls)).not.toContain(accessToken);
  });

  it("maps a soft decline, releases the cap, and lets the buyer retry the same order reference", async () => {
    fixture = await startPipelineFixture();
    const { amazonOrderId, accessToken } = await fixture.checkout();
    const input = orderFields(fixture, amazonOrderId, accessToken);
    input.sandboxSimulation = { authorizationNote: ORDER_SIMULATIONS.find((s) => s.id === "soft-decline")!.value };
    const declined = await importOrder(fixture.db, input, "order_entry");
    expect(declined.ok).toBe(false);
    if (declined.ok) return;
    expect(declined.error.code).toBe("DECLINED_SOFT");
    expect(declined.result).toMatchObject({ orderStatus: "DECLINED", responseType: "SOFT_DECLINE", declineReason: "InvalidPaymentMethod" });
    expect(await readCapRoom(fixture.db, fixture.mid.id, monthKey(new Date()))).toMatchObject({ usedMinor: 0, reservedMinor: 0 });

    // The buyer picks another payment method (the emulator reverts the ORO after the update time).
    await fixture.control("POST", "/_sandbox/clock", { advanceMinutes: 6 });
    const retried = await importOrder(fixture.db, orderFields(fixture, amazonOrderId, accessToken), "order_entry");
    expect(retried.ok).toBe(true);
    expect(retried.result).toMatchObject({ orderId: declined.result.orderId, orderStatus: "COMPLETE" });
    const sales = await fixture.db.select().from(transactions).where(eq(transactions.orderId, declined.result.orderId));
    expect(sales.map((s) => [s.referenceId, s.status])).toEqual([
      [expect.stringMatching(/-a1$/), "SOFT_DECLINE"],
      [expect.stringMatching(/-a2$/), "SUCCESS"],
    ]);
  });

  it("starts a subscription for a recurring product on a billing agreement", async () => {
    fixture = await startPipelineFixture();
    const { amazonOrderId, accessToken } = await fixture.checkout("BillingAgreement");
    const answer = await importOrder(
      fixture.db,
      orderFields(fixture, amazonOrderId, accessToken, { product1_id: String(fixture.recurring.id), product1_qty: "1" }),
      "api",
    );
    expect(answer.ok).toBe(true);
    expect(answer.result).toMatchObject({ orderStatus: "COMPLETE", amountPaid: "4.95", amazonBillingAgreementId: amazonOrderId });
    const [subscription] = await fixture.db.select().from(subscriptions).where(eq(subscriptions.orderId, answer.result.orderId));
    expect(subscription).toMatchObject({ status: "active", rebillPriceMinor: 3495, cycleDays: 30, amazonBillingAgreementId: amazonOrderId });
    expect(subscription!.nextBillAt - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
  });

  it("refuses an order that would pass the cap before calling Amazon", async () => {
    fixture = await startPipelineFixture({ capMajor: "50" });
    const { amazonOrderId, accessToken } = await fixture.checkout();
    await expect(importOrder(fixture.db, orderFields(fixture, amazonOrderId, accessToken), "api")).rejects.toMatchObject({ code: "CAP_REACHED" });
    expect(await fixture.db.select().from(orders)).toHaveLength(0);
    expect(await fixture.db.select().from(gatewayCalls)).toHaveLength(0);
  });

  it("retries Amazon 503s with the same reference id and ends with exactly one authorization", async () => {
    fixture = await startPipelineFixture();
    const { amazonOrderId, accessToken } = await fixture.checkout();
    await fixture.control("POST", "/_sandbox/faults", { action: "Authorize", mode: "503", count: 2 });
    const answer = await importOrder(fixture.db, orderFields(fixture, amazonOrderId, accessToken), "api");
    expect(answer.result.orderStatus).toBe("COMPLETE");
    // In the order they were made: PostgreSQL returns an unordered select in no fixed order.
    const attempts = await fixture.db.select().from(gatewayCalls).where(eq(gatewayCalls.action, "Authorize")).orderBy(gatewayCalls.id);
    expect(attempts.map((a) => a.httpStatus)).toEqual([503, 503, 200]);
    expect(new Set(attempts.map((a) => JSON.parse(a.params).AuthorizationReferenceId)).size).toBe(1);
    expect(await authorizationsInLedger(fixture)).toHaveLength(1);
  });

  it("leaves an order PENDING when Amazon applied the charge but the answer was lost, and the reconciler finishes it once", async () => {
    // No IPNs here: the reconciler alone must find the authorization.
    fixture = await startPipelineFixture({ ipn: false });
    const { amazonOrderId, accessToken } = await fixture.checkout();
    await fixture.control("POST", "/_sandbox/faults", { action: "Authorize", mode: "apply-then-500", count: 10 });
    const answer = await importOrder(fixture.db, orderFields(fixture, amazonOrderId, accessToken), "api");
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe("ORDER_PENDING");
    expect(answer.result.orderStatus).toBe("PENDING");
    expect((await readCapRoom(fixture.db, fixture.mid.id, monthKey(new Date()))).reservedMinor).toBe(8490);

    await fixture.control("DELETE", "/_sandbox/faults");
    const first = await reconcilePendingOrders(fixture.db, { olderThanMs: -1000 });
    expect(first).toMatchObject({ checked: 1, finished: 1 });
    const second = await reconcilePendingOrders(fixture.db, { olderThanMs: -1000 });
    expect(second.checked).toBe(0);
    const [order] = await fixture.db.select().from(orders).where(eq(orders.id, answer.result.orderId));
    expect(order?.status).toBe("COMPLETE");
    expect(await readCapRoom(fixture.db, fixture.mid.id, monthKey(new Date()))).toMatchObject({ usedMinor: 8490, reservedMinor: 0 });
    expect(await authorizationsInLedger(fixture)).toHaveLength(1);
  });
});

describe("cap race", () => {
  it("approves exactly as many of 64 concurrent imports as the cap allows", async () => {
    // Each order is 2 × 39.95 + 5.00 = 84.90; a cap of 849.00 fits exactly 10.
    fixture = await startPipelineFixture({ capMajor: "849" });
    const f = fixture;
    const checkouts = await Promise.all(Array.from({ length: 64 }, () => f.checkout()));
    const answers = await Promise.allSettled(checkouts.map((c) => importOrder(f.db, orderFields(f, c.amazonOrderId, c.accessToken), "api")));
    const approved = answers.filter((a) => a.status === "fulfilled" && a.value.ok);
    const capRefusals = answers.filter((a) => a.status === "rejected" && (a.reason as { code?: string }).code === "CAP_REACHED");
    expect(approved).toHaveLength(10);
    expect(capRefusals).toHaveLength(54);
    expect(await readCapRoom(f.db, f.mid.id, monthKey(new Date()))).toMatchObject({ usedMinor: 84900, reservedMinor: 0, leftMinor: 0 });
    expect(await authorizationsInLedger(f)).toHaveLength(10);
  });
});
