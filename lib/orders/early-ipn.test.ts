import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { customers, midMonthlyUsage, orders, subscriptions, transactions } from "@/db/schema";
import { monthKey } from "@/lib/money/calendar";
import { holdAmazonMessages, type AmazonMessageHold } from "@/lib/testing/held-messages";
import { startPipelineFixture, TEST_SELLER } from "@/lib/testing/pipeline-fixture";
import { importOrder, type ImportOrderAnswer } from "./import-order";
import { parseImportOrderFields } from "./import-order-input";
import { reconcilePendingOrders } from "./reconcile-pending-orders";
import { refundOrder } from "./refund-order";

type Fixture = Awaited<ReturnType<typeof startPipelineFixture>>;
type LedgerObject = { type: string; id: string; state: string; referenceId?: string; captureIds?: string[] };
/** The synchronous answer, Amazon's IPNs for the charge, and a reconciler run. */
type Message = "answer" | "authorization Open" | "authorization Closed" | "capture Completed" | "look-up";

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** "authorization Open", "capture Completed", …, or null for notifications about other objects. */
function messageOf(ipnBody: string): string | null {
  const message = JSON.parse((JSON.parse(ipnBody) as { Message: string }).Message) as { NotificationType: string; NotificationData: string };
  const state = /<State>(\w+)<\/State>/.exec(message.NotificationData)?.[1];
  if (message.NotificationType === "PaymentAuthorize") return `authorization ${state}`;
  if (message.NotificationType === "PaymentCapture") return `capture ${state}`;
  return null;
}

async function startFixture(captureMode: "sale" | "authorize") {
  const f = await startPipelineFixture({ ipn: false, captureMode, capMajor: "100000" });
  return { f, hold: await holdAmazonMessages(f.sandbox, TEST_SELLER) };
}

const usageOf = async (f: Fixture) =>
  (
    await f.db
      .select()
      .from(midMonthlyUsage)
      .where(and(eq(midMonthlyUsage.midId, f.mid.id), eq(midMonthlyUsage.month, monthKey(new Date()))))
  )[0] ?? { capturedMinor: 0, reservedMinor: 0 };

/**
 * Places an order through importOrder with Authorize's answer and every IPN held back, then
 * delivers them (and runs the reconciler) in the given order; IPNs about other objects follow.
 * `lostAnswer`: Amazon applies every Authorize attempt but answers 500, so there is no answer.
 */
async function placeInOrder(
  f: Fixture,
  hold: AmazonMessageHold,
  sequence: Message[],
  options: { productId: number; lostAnswer?: boolean },
): Promise<{ orderId: number; answer: ImportOrderAnswer | null }> {
  const { amazonOrderId, accessToken } = await f.checkout(options.productId === f.recurring.id ? "BillingAgreement" : "OrderReference");
  const input = parseImportOrderFields({
    campaignId: String(f.campaign.id),
    product1_id: String(options.productId),
    amazonBillerId: String(f.mid.id),
    amazonOrderId,
    amazonAddressConsent: accessToken,
  });
  if (options.lostAnswer)
    await f.control("POST", "/_sandbox/faults", {
      action: options.productId === f.recurring.id ? "AuthorizeOnBillingAgreement" : "Authorize",
      mode: "apply-then-500",
      count: 4,
    });
  const held = options.lostAnswer ? null : hold.holdNextAuthorize();
  const importing = importOrder(f.db, input, "api");
  const answerHeld = held ? await held : null;
  const lostAnswer = answerHeld ? null : await importing;
  const ipns = await hold.takeIpns();
  const byMessage = new Map(ipns.map((body) => [messageOf(body), body]));
  let answer: ImportOrderAnswer | null = null;
  for (const message of sequence) {
    if (message === "answer") {
      answerHeld?.release();
      answer = await importing;
    } else if (message === "look-up") {
      await reconcilePendingOrders(f.db, { olderThanMs: -1000 });
    } else {
      const body = byMessage.get(message);
      if (!body) throw new Error(`Amazon sent no "${message}" IPN (got ${[...byMessage.keys()].join(", ")})`);
      expect((await f.postIpn(body)).status).toBe(200);
    }
  }
  for (const body of ipns.filter((b) => messageOf(b) === null)) await f.postIpn(body);
  const orderId = (answer ?? lostAnswer)?.result.orderId;
  if (orderId === undefined) throw new Error("no order");
  return { orderId, answer };
}

/** Everything the order ended with, Amazon's ids replaced by whether they are the ledger's. */
async function endStateOf(f: Fixture, orderId: number) {
  const [order] = await f.db.select().from(orders).where(eq(orders.id, orderId));
  const [charge] = await f.db.select().from(transactions).where(eq(transactions.orderId, orderId));
  if (!order || !charge) throw new Error(`order ${orderId} has no charge`);
  const ledger = await f.control<{ objects: LedgerObject[] }>("GET", `/_sandbox/ledger?sellerId=${TEST_SELLER.sellerId}`);
  const authorization = ledger.objects.find((o) => o.type === "Authorization" && o.referenceId === charge.referenceId);
  const customer = order.customerId === null ? undefined : (await f.db.select().from(customers).where(eq(customers.id, order.customerId)))[0];
  const subscription = await f.db.select().from(subscriptions).where(eq(subscriptions.orderId, orderId));
  return {
    order: {
      status: order.status,
      email: order.email,
      firstName: order.firstName,
      lastName: order.lastName,
      shipName: order.shipName,
      shipAddress1: order.shipAddress1,
      shipCity: order.shipCity,
      shipPostalCode: order.shipPostalCode,
      shipCountry: order.shipCountry,
    },
    customer: customer && { email: customer.email, firstName: customer.firstName, lastName: customer.lastName },
    charge: {
      type: charge.type,
      status: charge.status,
      amazonState: charge.amazonState,
      reasonCode: charge.reasonCode,
      authorizationIdIsAmazons: authorization !== undefined && charge.amazonAuthorizationId === authorization.id,
      captureIdIsAmazons: charge.amazonCaptureId === (authorization?.captureIds?.[0] ?? null),
      orderReferenceIdIsAmazons: charge.amazonOrderReferenceId !== null && authorization?.id.startsWith(`${charge.amazonOrderReferenceId}-A`) === true,
    },
    subscriptions: subscription.map((s) => ({ status: s.status, customerLinked: s.customerId === order.customerId && s.customerId !== null })),
  };
}

describe("a CaptureNow sale ends the same whatever order Amazon's messages come in", () => {
  let f: Fixture;
  let hold: AmazonMessageHold;
  beforeAll(async () => {
    ({ f, hold } = await startFixture("sale"));
  });
  afterAll(async () => {
    await hold.close();
    await f.close();
  });

  const messages: Message[] = ["answer", "authorization Open", "authorization Closed", "capture Completed", "look-up"];
  for (const [label, productId] of [
    ["one-time (order reference)", "oneTime"],
    ["recurring (billing agreement)", "recurring"],
  ] as const) {
    it(`${label}: all ${permutations(messages).length} orders of the answer, the three IPNs and a look-up end COMPLETE, captured once`, async () => {
      const product = f[productId];
      const states = [];
      const orderIds: number[] = [];
      for (const sequence of permutations(messages)) {
        const before = await usageOf(f);
        const { orderId, answer } = await placeInOrder(f, hold, sequence, { productId: product.id });
        orderIds.push(orderId);
        expect(answer, sequence.join(" → ")).toMatchObject({ ok: true, result: { orderStatus: "COMPLETE", responseType: "SUCCESS" } });
        const [charge] = await f.db.select().from(transactions).where(eq(transactions.orderId, orderId));
        expect(await usageOf(f), sequence.join(" → ")).toMatchObject({
          capturedMinor: before.capturedMinor + (charge?.amountMinor ?? NaN),
          reservedMinor: before.reservedMinor,
        });
        states.push({ sequence: sequence.join(" → "), ...(await endStateOf(f, orderId)) });
      }
      const [first] = states;
      expect(first).toMatchObject({
        order: { status: "COMPLETE", email: "jane.buyer@example.com" },
        customer: { email: "jane.buyer@example.com", firstName: "Jane", lastName: "Buyer" },
        charge: {
          type: "SALE",
          status: "SUCCESS",
          amazonState: "Completed",
          reasonCode: null,
          authorizationIdIsAmazons: true,
          captureIdIsAmazons: true,
          orderReferenceIdIsAmazons: true,
        },
        subscriptions: productId === "recurring" ? [{ status: "active", customerLinked: true }] : [],
      });
      for (const state of states) expect({ ...state, sequence: first.sequence }, state.sequence).toEqual(first);
      expect((await usageOf(f)).reservedMinor).toBe(0);

      // Each can be refunded, once.
      for (const orderId of orderIds) {
        expect((await refundOrder(f.db, f.actor, { orderId, reason: "Returned" })).status).toBe("PENDING");
        await expect(refundOrder(f.db, f.actor, { orderId, reason: "Again" })).rejects.toThrow("Check the highlighted fields.");
      }
      await hold.takeIpns();
    }, 120_000);
  }

  it("when Authorize's answer is lost (applied, then 500 on every attempt), the IPNs and a look-up in every order finish it the same way", async () => {
    const states = [];
    for (const sequence of permutations<Message>(["authorization Open", "authorization Closed", "capture Completed", "look-up"])) {
      const before = await usageOf(f);
      const { orderId } = await placeInOrder(f, hold, sequence, { productId: f.oneTime.id, lostAnswer: true });
      expect(await usageOf(f), sequence.join(" → ")).toMatchObject({ capturedMinor: before.capturedMinor + 4495, reservedMinor: before.reservedMinor });
      states.push({ sequence: sequence.join(" → "), ...(await endStateOf(f, orderId)) });
    }
    const [first] = states;
    expect(first.charge).toEqual({
      type: "SALE",
      status: "SUCCESS",
      amazonState: "Completed",
      reasonCode: null,
      authorizationIdIsAmazons: true,
      captureIdIsAmazons: true,
      orderReferenceIdIsAmazons: true,
    });
    expect(first.order.status).toBe("COMPLETE");
    for (const state of states) expect({ ...state, sequence: first.sequence }, state.sequence).toEqual(first);
  }, 60_000);
});

describe("a capture-later authorization stays AUTHORIZED whatever order its messages come in", () => {
  let f: Fixture;
  let hold: AmazonMessageHold;
  beforeAll(async () => {
    ({ f, hold } = await startFixture("authorize"));
  });
  afterAll(async () => {
    await hold.close();
    await f.close();
  });

  it("all 6 orders of the answer, the Open IPN and a look-up end AUTHORIZED with the amount still reserved", async () => {
    const states = [];
    for (const sequence of permutations<Message>(["answer", "authorization Open", "look-up"])) {
      const before = await usageOf(f);
      const { orderId, answer } = await placeInOrder(f, hold, sequence, { productId: f.oneTime.id });
      expect(answer, sequence.join(" → ")).toMatchObject({ ok: true, result: { orderStatus: "AUTHORIZED" } });
      expect(await usageOf(f), sequence.join(" → ")).toMatchObject({ capturedMinor: before.capturedMinor, reservedMinor: before.reservedMinor + 4495 });
      states.push({ sequence: sequence.join(" → "), ...(await endStateOf(f, orderId)) });
    }
    const [first] = states;
    expect(first).toMatchObject({
      order: { status: "AUTHORIZED", email: "jane.buyer@example.com" },
      charge: { type: "AUTHORIZE", status: "SUCCESS", amazonState: "Open", authorizationIdIsAmazons: true, captureIdIsAmazons: true },
    });
    for (const state of states) expect({ ...state, sequence: first.sequence }, state.sequence).toEqual(first);
  }, 60_000);
});
