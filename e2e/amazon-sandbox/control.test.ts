import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { callMws, control, createCheckout, createOpenOrder, errorCode, SANDBOX_PATH, SELLER, signRequest, startTestSandbox } from "./test-helpers";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe("control endpoints, faults and Login with Amazon", () => {
  it("injects 503s for one action only, `count` times, then recovers; DELETE clears", async () => {
    await control(sandbox, "POST", "/_sandbox/faults", { action: "GetServiceStatus", mode: "503", count: 2 });
    expect((await callMws(sandbox, "GetMerchantAccountStatus")).status).toBe(200);
    const first = await callMws(sandbox, "GetServiceStatus");
    expect(first.status).toBe(503);
    expect(errorCode(first)).toBe("ServiceUnavailable");
    expect((await callMws(sandbox, "GetServiceStatus")).status).toBe(503);
    expect((await callMws(sandbox, "GetServiceStatus")).status).toBe(200);
    await control(sandbox, "POST", "/_sandbox/faults", { mode: "500", count: 5 });
    expect((await callMws(sandbox, "GetServiceStatus")).status).toBe(500);
    await control(sandbox, "DELETE", "/_sandbox/faults");
    expect((await callMws(sandbox, "GetServiceStatus")).status).toBe(200);
  });

  it("throttle mode answers RequestThrottled with RequestID and an empty Type", async () => {
    await control(sandbox, "POST", "/_sandbox/faults", { mode: "throttle", count: 1 });
    const response = await callMws(sandbox, "GetServiceStatus");
    expect(response.status).toBe(503);
    expect(response.xml).toContain("<Type></Type><Code>RequestThrottled</Code>");
    expect(response.xml).toContain("<RequestID>");
  });

  it("apply-then-500 applies the operation but answers 500", async () => {
    const { id } = await createCheckout(sandbox);
    await control(sandbox, "POST", "/_sandbox/faults", { action: "SetOrderReferenceDetails", mode: "apply-then-500", count: 1 });
    const set = await callMws(sandbox, "SetOrderReferenceDetails", {
      AmazonOrderReferenceId: id,
      "OrderReferenceAttributes.OrderTotal.Amount": "3.00",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
    });
    expect(set.status).toBe(500);
    const { body } = await control<{ objects: Array<{ id: string; amount: string | null }> }>(sandbox, "GET", `/_sandbox/ledger?sellerId=${SELLER.sellerId}`);
    expect(body.objects.find((o) => o.id === id)?.amount).toBe("3.00");
  });

  it("reset mode drops the connection", async () => {
    await control(sandbox, "POST", "/_sandbox/faults", { mode: "reset", count: 1 });
    await expect(callMws(sandbox, "GetServiceStatus")).rejects.toThrow();
  });

  it("timeout mode never answers, so the caller's own timeout fires", async () => {
    await control(sandbox, "POST", "/_sandbox/faults", { action: "GetServiceStatus", mode: "timeout", count: 1 });
    const signed = signRequest(sandbox, "GetServiceStatus", {});
    const attempt = fetch(`${sandbox.url}${SANDBOX_PATH}`, {
      method: "POST",
      body: new URLSearchParams(signed).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      signal: AbortSignal.timeout(300),
    });
    await expect(attempt).rejects.toThrow();
    expect((await callMws(sandbox, "GetServiceStatus")).status).toBe(200);
  });

  it("latency delays answers", async () => {
    await control(sandbox, "POST", "/_sandbox/latency", { ms: 150 });
    const started = Date.now();
    await callMws(sandbox, "GetServiceStatus");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await control(sandbox, "POST", "/_sandbox/latency", { ms: 0 });
  });

  it("optional sandbox throttling: Authorize-class burst of 2", async () => {
    const id = await createOpenOrder(sandbox);
    await control(sandbox, "POST", "/_sandbox/throttle", { enabled: true });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await callMws(sandbox, "CloseOrderReference", { AmazonOrderReferenceId: id })).status);
    await control(sandbox, "POST", "/_sandbox/throttle", { enabled: false });
    expect(statuses).toEqual([200, 200, 503]);
  });

  it("validates control input and the ledger lists objects with state and amounts", async () => {
    expect((await control(sandbox, "POST", "/_sandbox/checkouts", { sellerId: SELLER.sellerId, type: "Nope" })).status).toBe(400);
    expect((await control(sandbox, "POST", "/_sandbox/faults", { mode: "explode" })).status).toBe(400);
    const id = await createOpenOrder(sandbox, "12.34");
    const { body } = await control<{ objects: Array<{ id: string; type: string; state: string; amount: string }> }>(
      sandbox,
      "GET",
      `/_sandbox/ledger?sellerId=${SELLER.sellerId}`,
    );
    expect(body.objects.find((o) => o.id === id)).toMatchObject({ type: "OrderReference", state: "Open", amount: "12.34" });
    expect((await control(sandbox, "GET", "/_sandbox/ledger?sellerId=NOPE")).status).toBe(400);
  });

  it("tokeninfo and profile answer for checkout tokens (header, bearer and query forms); bad tokens get invalid_token", async () => {
    const { accessToken } = await createCheckout(sandbox);
    const info = await fetch(`${sandbox.url}/auth/o2/tokeninfo?access_token=${encodeURIComponent(accessToken)}`);
    const infoBody = (await info.json()) as Record<string, unknown>;
    expect(infoBody).toMatchObject({ aud: SELLER.clientId, iss: "https://www.amazon.com" });
    expect(String(infoBody.user_id)).toMatch(/^amzn1\.account\./);
    const viaHeader = await fetch(`${sandbox.url}/auth/o2/tokeninfo`, { headers: { "x-amz-access-token": accessToken } });
    expect(viaHeader.status).toBe(200);
    const profile = await fetch(`${sandbox.url}/user/profile`, { headers: { authorization: `bearer ${accessToken}` } });
    expect(await profile.json()).toMatchObject({ name: "Jane Buyer", email: "jane@example.com", user_id: infoBody.user_id });
    const bad = await fetch(`${sandbox.url}/user/profile`, { headers: { authorization: "bearer Atza|nope" } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "invalid_token", error_description: "The request has an invalid parameter : access_token" });
  });

  it("the clock endpoint advances time and returns the new now", async () => {
    const before = sandbox.clock.now();
    const { body } = await control<{ now: string }>(sandbox, "POST", "/_sandbox/clock", { advanceMinutes: 10 });
    expect(Date.parse(body.now) - before).toBeGreaterThanOrEqual(10 * 60_000);
  });
});
