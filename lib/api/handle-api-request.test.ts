import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as importOrderRoute } from "@/app/api/order/import/route";
import { POST as queryOrderRoute } from "@/app/api/order/query/route";
import { POST as refundOrderRoute } from "@/app/api/order/refund/route";
import { createApiUser } from "@/lib/api-users/manage-api-users";
import { API_ENDPOINTS } from "@/lib/api-users/api-endpoints";
import { startPipelineFixture } from "@/lib/testing/pipeline-fixture";

type Fixture = Awaited<ReturnType<typeof startPipelineFixture>>;
let fixture: Fixture;
let credentials: { loginId: string; password: string };

// The route handlers themselves (the code Next.js serves), on a real database file and the emulator over HTTP.
beforeAll(async () => {
  fixture = await startPipelineFixture({ ipn: false });
  Object.assign(process.env, fixture.env);
  const { password } = await createApiUser(fixture.db, fixture.actor, {
    loginId: "contract-lander",
    name: "Contract",
    endpoints: API_ENDPOINTS.map((e) => e.id),
    ips: "",
  });
  credentials = { loginId: "contract-lander", password };
});

afterEach(async () => {
  await fixture.control("DELETE", "/_sandbox/faults");
});

afterAll(async () => {
  await fixture.close();
});

async function call(route: (request: Request) => Promise<Response>, path: string, fields: Record<string, string>) {
  const response = await route(
    new Request(`http://127.0.0.1${path}`, {
      method: "POST",
      body: new URLSearchParams({ ...credentials, ...fields }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
  );
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as { result: string; code?: string; message: unknown; orderId?: number; orderStatus?: string },
  };
}

async function orderFields() {
  const { amazonOrderId, accessToken } = await fixture.checkout();
  return {
    campaignId: String(fixture.campaign.id),
    product1_id: String(fixture.oneTime.id),
    product1_qty: "1",
    amazonBillerId: String(fixture.mid.id),
    amazonOrderId,
    amazonAddressConsent: accessToken,
    paySource: "AMAZON",
  };
}

/** What Amazon (the emulator) holds for one order reference. */
async function ledgerObjects(type: "Authorization" | "Refund", amazonOrderId: string) {
  const body = await fixture.control<{ objects: Array<{ type: string; id: string }> }>("GET", `/_sandbox/ledger?sellerId=${fixture.mid.merchantId}`);
  return body.objects.filter((o) => o.type === type && o.id.startsWith(amazonOrderId));
}

describe("the API's contract when Amazon is unavailable", () => {
  it("answers 503 AMAZON_UNAVAILABLE with Retry-After when nothing was charged, and the same request then goes through once", async () => {
    const fields = await orderFields();
    await fixture.control("POST", "/_sandbox/faults", { action: "Authorize", mode: "503", count: 4 });
    const refused = await call(importOrderRoute, "/api/order/import", fields);
    expect(refused).toMatchObject({ status: 503, retryAfter: "30", body: { result: "ERROR", code: "AMAZON_UNAVAILABLE" } });
    expect(String(refused.body.message)).toMatch(/nothing was charged/);

    await fixture.control("DELETE", "/_sandbox/faults");
    const retried = await call(importOrderRoute, "/api/order/import", fields);
    expect(retried).toMatchObject({
      status: 200,
      retryAfter: null,
      body: { result: "SUCCESS", message: { orderStatus: "COMPLETE", orderId: refused.body.orderId } },
    });
    expect(await ledgerObjects("Authorization", fields.amazonOrderId)).toHaveLength(1);
  });

  it("answers 504 ORDER_PENDING without Retry-After when Amazon may have charged; the order is then queried, not charged again", async () => {
    const fields = await orderFields();
    await fixture.control("POST", "/_sandbox/faults", { action: "Authorize", mode: "apply-then-500", count: 10 });
    const pending = await call(importOrderRoute, "/api/order/import", fields);
    expect(pending).toMatchObject({ status: 504, retryAfter: null, body: { result: "ERROR", code: "ORDER_PENDING", orderStatus: "PENDING" } });
    expect(String(pending.body.message)).toMatch(/query it instead of retrying/);

    const query = await call(queryOrderRoute, "/api/order/query", { orderId: String(pending.body.orderId) });
    expect(query).toMatchObject({
      status: 200,
      body: { result: "SUCCESS", message: { totalResults: 1, data: [{ orderId: pending.body.orderId, orderStatus: "PENDING" }] } },
    });
    // Sent again anyway: the same pending order comes back, and Amazon holds one authorization.
    const again = await call(importOrderRoute, "/api/order/import", fields);
    expect(again.body).toMatchObject({ result: "SUCCESS", message: { orderId: pending.body.orderId, orderStatus: "PENDING" } });
    expect(await ledgerObjects("Authorization", fields.amazonOrderId)).toHaveLength(1);
  });

  it("answers a refund Amazon could not take with 503 AMAZON_UNAVAILABLE, and refunds once when sent again", async () => {
    const fields = await orderFields();
    const order = await call(importOrderRoute, "/api/order/import", fields);
    const orderId = String((order.body.message as { orderId: number }).orderId);
    await fixture.control("POST", "/_sandbox/faults", { action: "Refund", mode: "503", count: 4 });
    const refused = await call(refundOrderRoute, "/api/order/refund", { orderId, refundAmount: "5.00", reason: "Outage test" });
    expect(refused).toMatchObject({ status: 503, retryAfter: "30", body: { result: "ERROR", code: "AMAZON_UNAVAILABLE" } });

    await fixture.control("DELETE", "/_sandbox/faults");
    const retried = await call(refundOrderRoute, "/api/order/refund", { orderId, refundAmount: "5.00", reason: "Outage test" });
    expect(retried).toMatchObject({ status: 200, body: { result: "SUCCESS", message: { refundStatus: "PENDING" } } });
    expect(await ledgerObjects("Refund", fields.amazonOrderId)).toHaveLength(1);
  });
});
