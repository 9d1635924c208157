import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { gatewayCalls, ipnEvents, orders, transactions } from "@/db/schema";
import { readCapRoom } from "@/lib/mids/cap-ledger";
import { monthKey } from "@/lib/money/calendar";
import { startPipelineFixture } from "@/lib/testing/pipeline-fixture";
import { importOrder } from "./import-order";
import { parseImportOrderFields } from "./import-order-input";
import { refundOrder } from "./refund-order";
import { cancelOrder } from "./cancel-order";
import { markRefundedExternally } from "./mark-refunded-externally";
import { pollPendingRefunds } from "./poll-pending-refunds";

type Fixture = Awaited<ReturnType<typeof startPipelineFixture>>;
let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function placeOrder(f: Fixture): Promise<number> {
  const { amazonOrderId, accessToken } = await f.checkout();
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
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result.orderId;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

describe("refunds and IPNs", () => {
  it("refunds part of an order, stays pending until Amazon's signed IPN completes it, and ignores a replay and a forgery", async () => {
    fixture = await startPipelineFixture();
    const f = fixture;
    const orderId = await placeOrder(f); // 44.95
    const refund = await refundOrder(f.db, f.actor, { orderId, amountMinor: 1000, reason: "Damaged bottle" });
    expect(refund.status).toBe("PENDING");
    expect((await f.db.select().from(transactions).where(eq(transactions.id, refund.transactionId)))[0]?.amazonRefundId).toMatch(/-R\d+$/);

    const completed = await waitFor(
      async () => (await f.db.select().from(transactions).where(eq(transactions.id, refund.transactionId)))[0],
      (t) => t?.status !== "PENDING",
    );
    expect(completed?.status).toBe("SUCCESS");
    const [order] = await f.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 1000 });
    expect((await readCapRoom(f.db, f.mid.id, monthKey(new Date()))).usedMinor).toBe(4495 - 1000);

    // Replay every IPN the emulator sent: all are duplicates and nothing moves.
    const before = JSON.stringify(await f.db.select().from(transactions));
    for (const body of [...f.ipnBodies]) expect((await f.postIpn(body)).body.result).toBe("duplicate");
    expect(JSON.stringify(await f.db.select().from(transactions))).toBe(before);

    // A forged IPN (amount changed after signing) is refused and stored as rejected.
    const refundIpn = f.ipnBodies.find((b) => b.includes("PaymentRefund")) as string;
    const forged = await f.postIpn(refundIpn.replace(/10\.00/g, "44.95"));
    expect(forged).toMatchObject({ status: 403, body: { result: "rejected", detail: "bad-signature" } });
    expect(await f.db.select().from(ipnEvents).where(eq(ipnEvents.verified, false))).toHaveLength(1);
  });

  it("refuses a refund beyond what is left before calling Amazon, and requires a reason", async () => {
    fixture = await startPipelineFixture();
    const f = fixture;
    const orderId = await placeOrder(f);
    await expect(refundOrder(f.db, f.actor, { orderId, amountMinor: 4496, reason: "Too much" })).rejects.toMatchObject({
      fieldErrors: { amount: "At most $44.95 can still be refunded on this order." },
    });
    await expect(refundOrder(f.db, f.actor, { orderId, amountMinor: 100, reason: " " })).rejects.toMatchObject({
      fieldErrors: { reason: "A reason is required for every refund." },
    });
    await refundOrder(f.db, f.actor, { orderId, reason: "Full refund" });
    await expect(refundOrder(f.db, f.actor, { orderId, amountMinor: 1, reason: "Again" })).rejects.toMatchObject({
      fieldErrors: { amount: "At most $0.00 can still be refunded on this order." },
    });
    const refunds = await f.db.select().from(transactions).where(eq(transactions.type, "REFUND"));
    expect(refunds).toHaveLength(1);
  });
});

describe("cancel and external refunds", () => {
  it("cancels a declined order at Amazon and refuses to cancel a charged one", async () => {
    fixture = await startPipelineFixture();
    const f = fixture;
    const { amazonOrderId, accessToken } = await f.checkout();
    const input = parseImportOrderFields({
      campaignId: String(f.campaign.id),
      product1_id: String(f.oneTime.id),
      amazonBillerId: String(f.mid.id),
      amazonOrderId,
      amazonAddressConsent: accessToken,
    });
    input.sandboxSimulation = { authorizationNote: '{"SandboxSimulation":{"State":"Declined","ReasonCode":"TransactionTimedOut"}}' };
    const declined = await importOrder(f.db, input, "api");
    await cancelOrder(f.db, f.actor, { orderId: declined.result.orderId, reason: "Buyer gave up" });
    expect((await f.db.select().from(orders).where(eq(orders.id, declined.result.orderId)))[0]?.status).toBe("CANCELED");
    const ledger = await f.control<{ objects: Array<{ id: string; state: string }> }>("GET", `/_sandbox/ledger?sellerId=${f.mid.merchantId}`);
    expect(ledger.objects.find((o) => o.id === amazonOrderId)?.state).toBe("Canceled");

    const charged = await placeOrder(f);
    await expect(cancelOrder(f.db, f.actor, { orderId: charged, reason: "x" })).rejects.toThrow("This order was charged; refund it instead of cancelling.");
  });

  it("records a refund made in Seller Central without calling Amazon", async () => {
    fixture = await startPipelineFixture();
    const f = fixture;
    const orderId = await placeOrder(f);
    const callsBefore = (await f.db.select().from(gatewayCalls)).length;
    await markRefundedExternally(f.db, f.actor, { orderId, amountMinor: 4495, reason: "Refunded in Seller Central" });
    expect((await f.db.select().from(orders).where(eq(orders.id, orderId)))[0]).toMatchObject({ status: "REFUNDED", refundedMinor: 4495 });
    expect(await f.db.select().from(gatewayCalls)).toHaveLength(callsBefore);
    await expect(markRefundedExternally(f.db, f.actor, { orderId, amountMinor: 1, reason: "again" })).rejects.toThrow(
      expect.objectContaining({ fieldErrors: { amount: "Enter an amount from 0.01 to $0.00." } }),
    );
  });
});

describe("refund poller", () => {
  it("completes a refund whose IPN never came, once", async () => {
    fixture = await startPipelineFixture({ ipn: false });
    const f = fixture;
    const orderId = await placeOrder(f);
    const refund = await refundOrder(f.db, f.actor, { orderId, amountMinor: 500, reason: "Late IPN" });
    expect((await pollPendingRefunds(f.db, { olderThanMs: -1000 })).checked).toBe(1);
    expect((await f.db.select().from(transactions).where(eq(transactions.id, refund.transactionId)))[0]?.status).toBe("PENDING");
    await f.control("POST", "/_sandbox/clock", { advanceMinutes: 5 });
    expect(await pollPendingRefunds(f.db, { olderThanMs: -1000 })).toMatchObject({ checked: 1, completed: 1 });
    expect(await pollPendingRefunds(f.db, { olderThanMs: -1000 })).toMatchObject({ checked: 0 });
    expect((await f.db.select().from(orders).where(eq(orders.id, orderId)))[0]).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 500 });
  });
});
