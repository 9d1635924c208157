import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createAmazonPayClient, type AmazonPayClientConfig } from "./client";
import { AmazonPayError } from "./errors";
import { resolveServiceUrl } from "./regions";
import { signParameters } from "./signature";
import * as fx from "./test-fixtures/mws-responses";
import { startLocalServer, type LocalServer, type Responder } from "./test-fixtures/local-server";
import type { GatewayCallRecord } from "./types";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";
let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(responder: Responder, overrides: Partial<AmazonPayClientConfig> = {}) {
  server = await startLocalServer(responder);
  const calls: GatewayCallRecord[] = [];
  let tick = 0;
  const client = createAmazonPayClient({
    sellerId: "A2K7NDRCTOTPW9",
    accessKey: "AKIAIOSFODNN7EXAMPLE",
    secretKey: SECRET,
    mwsAuthToken: "amzn.mws.token-EXAMPLE",
    region: "US",
    sandbox: true,
    endpointOverride: server.baseUrl,
    retryBaseDelayMs: 1,
    responseTimeoutMs: 2_000,
    onCall: (record) => calls.push(record),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
    ...overrides,
  });
  return { client, calls, server };
}

function formParams(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** Verifies a recorded request the way Amazon (and the emulator) would. */
function expectValidSignature(request: { url: string; headers: Record<string, unknown>; body: string }) {
  const params = formParams(request.body);
  const host = String(request.headers.host);
  expect(signParameters(SECRET, host, request.url, params)).toBe(params.Signature);
}

const ok = (body: string) => ({ status: 200, body });

describe("requests", () => {
  it("posts a signed form to the sandbox path of the override host", async () => {
    const { client, calls, server } = await setup(() => ok(fx.getOrderReferenceDetailsOpen));
    const result = await client.getOrderReferenceDetails({ amazonOrderReferenceId: "S01-5695290-1354077", accessToken: "Atza%7CIwEBabc" });

    expect(result.orderReference.orderTotal).toEqual({ amountMinor: 1999, currency: "USD" });
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/OffAmazonPayments_Sandbox/2013-01-01");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=utf-8");
    expect(String(request.headers["user-agent"])).toMatch(/^mid-console-amazon-pay\//);
    expectValidSignature(request);
    expect(formParams(request.body)).toMatchObject({
      Action: "GetOrderReferenceDetails",
      AmazonOrderReferenceId: "S01-5695290-1354077",
      AccessToken: "Atza|IwEBabc",
      SellerId: "A2K7NDRCTOTPW9",
      MWSAuthToken: "amzn.mws.token-EXAMPLE",
      SignatureMethod: "HmacSHA256",
      SignatureVersion: "2",
      Version: "2013-01-01",
      Timestamp: "2026-01-01T00:00:00.000Z",
    });
    expect(request.body).toContain("AccessToken=Atza%7CIwEBabc");

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      action: "GetOrderReferenceDetails",
      httpStatus: 200,
      attempt: 1,
      willRetry: false,
      requestId: "b4ab4bc3-c9ea-44f0-9a3d-67cccef565c6",
    });
    expect(calls[0].params.AccessToken).toBe("[redacted]");
    expect(calls[0].params.MWSAuthToken).toBe("[redacted]");
    expect(calls[0].params.Signature).toBe("[redacted]");
    expect(calls[0].params.AWSAccessKeyId).toBe("****MPLE");
  });

  it("uses the live path when sandbox is false and formats JPY without decimals", async () => {
    const { client, server } = await setup(() => ok(fx.authorizeCaptureNow), { sandbox: false, region: "JP" });
    await client.authorize({
      amazonOrderReferenceId: "P03-1111111-2222222",
      authorizationReferenceId: "ord-1-a1",
      authorizationAmount: { amountMinor: 1000, currency: "JPY" },
      transactionTimeout: 0,
      captureNow: true,
      sellerAuthorizationNote: '{"SandboxSimulation": {"State":"Declined"}}',
    });
    const [request] = server.requests;
    expect(request.url).toBe("/OffAmazonPayments/2013-01-01");
    expectValidSignature(request);
    expect(formParams(request.body)).toMatchObject({
      "AuthorizationAmount.Amount": "1000",
      "AuthorizationAmount.CurrencyCode": "JPY",
      TransactionTimeout: "0",
      CaptureNow: "true",
    });
  });

  it("rejects invalid input before sending anything", async () => {
    const { client, server } = await setup(() => ok(fx.authorizeCaptureNow));
    await expect(client.getOrderReferenceDetails({ amazonOrderReferenceId: "S01-1", accessToken: "a", addressConsentToken: "b" })).rejects.toMatchObject({
      code: "InvalidInput",
      httpStatus: 0,
      retriable: false,
    });
    await expect(
      client.capture({ amazonAuthorizationId: "x", captureReferenceId: "c", captureAmount: { amountMinor: 1.5, currency: "USD" } }),
    ).rejects.toMatchObject({ code: "InvalidInput" });
    await expect(client.getCaptureDetails({ amazonCaptureId: " " })).rejects.toMatchObject({ code: "InvalidInput" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("errors and retries", () => {
  it("retries 503 with a fresh timestamp and the same operation params", async () => {
    const { client, calls, server } = await setup((_, index) => (index === 0 ? { status: 503, body: fx.errorThrottled } : ok(fx.refundPending)));
    const result = await client.refund({
      amazonCaptureId: "S01-5695290-1354077-C041953",
      refundReferenceId: "ref-1",
      refundAmount: { amountMinor: 500, currency: "USD" },
    });
    expect(result.refund.status.state).toBe("Pending");
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map((r) => formParams(r.body));
    server.requests.forEach(expectValidSignature);
    expect(first.Timestamp).not.toBe(second.Timestamp);
    const strip = (p: Record<string, string>) => ({ ...p, Timestamp: "", Signature: "" });
    expect(strip(first)).toEqual(strip(second));
    expect(calls.map((c) => [c.attempt, c.httpStatus, c.errorCode, c.willRetry])).toEqual([
      [1, 503, "RequestThrottled", true],
      [2, 200, undefined, false],
    ]);
    expect(calls[0].requestId).toBe("7a1b2c3d-throttle");
  });

  it("does not retry 4xx and throws a typed error without secrets", async () => {
    const { client, calls, server } = await setup(() => ({ status: 405, body: fx.errorNotModifiable }));
    const error = await client
      .setOrderReferenceDetails({ amazonOrderReferenceId: "S01-5695290-1354077", orderTotal: { amountMinor: 100, currency: "USD" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonPayError);
    expect(error).toMatchObject({
      httpStatus: 405,
      type: "Sender",
      code: "OrderReferenceNotModifiable",
      requestId: "6d4699b8-1238-4c09-b539-176e2c2f5462",
      retriable: false,
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
    for (const text of [JSON.stringify(error), inspect(error, { depth: 5, showHidden: true }), JSON.stringify(calls)]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it("gives up after maxAttempts on repeated 500", async () => {
    const { client, server } = await setup(() => ({ status: 500, body: "<html>oops</html>" }), { maxAttempts: 3 });
    await expect(client.getServiceStatus()).rejects.toMatchObject({ httpStatus: 500, code: "HTTP500", retriable: true, attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it("repeats a 500 only for operations that are safe to repeat; 503 for any", async () => {
    const { client, server } = await setup((_, index) =>
      index === 0 ? { status: 503, body: fx.errorThrottled } : index === 1 ? { status: 500, body: "" } : ok(fx.confirmOrderReference),
    );
    await expect(client.confirmOrderReference({ amazonOrderReferenceId: "S01-5695290-1354077" })).rejects.toMatchObject({
      httpStatus: 500,
      retriable: true,
      mayHaveApplied: true,
      attempts: 2,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("503 means not processed; an earlier 500 keeps the outcome open", async () => {
    const throttled = await setup(() => ({ status: 503, body: fx.errorThrottled }), { maxAttempts: 2 });
    await expect(throttled.client.getServiceStatus()).rejects.toMatchObject({ code: "RequestThrottled", mayHaveApplied: false, attempts: 2 });
    await throttled.server.close();

    const mixed = await setup((_, index) => (index === 0 ? { status: 500, body: "" } : { status: 400, body: fx.errorNotModifiable }));
    await expect(
      mixed.client.capture({ amazonAuthorizationId: "S01-1-A1", captureReferenceId: "c1", captureAmount: { amountMinor: 100, currency: "USD" } }),
    ).rejects.toMatchObject({ httpStatus: 400, retriable: false, mayHaveApplied: true, attempts: 2 });
  });

  it("retries a response timeout for Authorize (idempotent by reference id)", async () => {
    const { client, calls, server } = await setup((_, index) => (index === 0 ? "hang" : ok(fx.authorizeCaptureNow)), {
      responseTimeoutMs: 150,
    });
    const input = {
      amazonOrderReferenceId: "S01-5695290-1354077",
      authorizationReferenceId: "ord-1001-a1",
      authorizationAmount: { amountMinor: 1999, currency: "USD" },
    };
    const result = await client.authorize(input);
    expect(result.authorization.authorizationReferenceId).toBe("ord-1001-a1");
    expect(server.requests.map((r) => formParams(r.body).AuthorizationReferenceId)).toEqual(["ord-1001-a1", "ord-1001-a1"]);
    expect(calls[0]).toMatchObject({ httpStatus: 0, errorCode: "Timeout", willRetry: true });
  });

  it("does not repeat a non-idempotent call after a timeout; reports that it may have applied", async () => {
    const { client, server } = await setup(() => "hang", { responseTimeoutMs: 150 });
    await expect(client.confirmOrderReference({ amazonOrderReferenceId: "S01-5695290-1354077" })).rejects.toMatchObject({
      code: "Timeout",
      retriable: true,
      mayHaveApplied: true,
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("treats a dropped connection after sending as ConnectionReset", async () => {
    const { client } = await setup(() => "destroy", { maxAttempts: 1 });
    await expect(client.closeAuthorization({ amazonAuthorizationId: "S01-1-A1" })).rejects.toMatchObject({
      code: "ConnectionReset",
      mayHaveApplied: true,
    });
  });

  it("retries connection failures (request never sent) for any operation", async () => {
    const { server } = await setup(() => ok(fx.confirmOrderReference));
    const closedPort = server.port;
    await server.close();
    const calls: GatewayCallRecord[] = [];
    const client = createAmazonPayClient({
      sellerId: "A1",
      accessKey: "AKIAIOSFODNN7EXAMPLE",
      secretKey: SECRET,
      region: "US",
      sandbox: true,
      endpointOverride: `http://127.0.0.1:${closedPort}`,
      maxAttempts: 3,
      retryBaseDelayMs: 1,
      onCall: (r) => calls.push(r),
    });
    const error = await client.confirmOrderReference({ amazonOrderReferenceId: "S01-1" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ConnectionError", httpStatus: 0, retriable: true, mayHaveApplied: false, attempts: 3 });
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it("reports an unreadable 200 as MalformedResponse without retrying", async () => {
    const { client, server } = await setup(() => ok("<Unexpected/>"));
    await expect(client.getRefundDetails({ amazonRefundId: "S01-1-R1" })).rejects.toMatchObject({ code: "MalformedResponse", retriable: false });
    expect(server.requests).toHaveLength(1);
  });
});

describe("onCall", () => {
  it("a throwing hook does not fail the call; notes are redacted", async () => {
    const { server } = await setup(() => ok(fx.refundPending));
    const client = createAmazonPayClient({
      sellerId: "A1",
      accessKey: "AKIAIOSFODNN7EXAMPLE",
      secretKey: SECRET,
      region: "UK",
      sandbox: true,
      endpointOverride: server.baseUrl,
      onCall: () => {
        throw new Error("database is locked");
      },
    });
    const result = await client.refund({
      amazonCaptureId: "S02-1-C1",
      refundReferenceId: "ref-1",
      refundAmount: { amountMinor: 500, currency: "GBP" },
      sellerRefundNote: "refund for Jane Doe",
    });
    expect(result.requestId).toBe("req-ref");
  });

  it("records redact notes and tokens", async () => {
    const { client, calls } = await setup(() => ok(fx.refundPending));
    await client.refund({
      amazonCaptureId: "S01-1-C1",
      refundReferenceId: "ref-1",
      refundAmount: { amountMinor: 500, currency: "USD" },
      sellerRefundNote: "refund for Jane Doe",
      softDescriptor: "Shop",
    });
    expect(calls[0].params).toMatchObject({
      SellerRefundNote: "[redacted 19 chars]",
      SoftDescriptor: "[redacted 4 chars]",
      RefundReferenceId: "ref-1",
      "RefundAmount.Amount": "5.00",
    });
    expect(JSON.stringify(calls)).not.toContain("Jane Doe");
  });
});

describe("endpoints", () => {
  it.each([
    ["US", true, "https://mws.amazonservices.com/OffAmazonPayments_Sandbox/2013-01-01"],
    ["UK", false, "https://mws-eu.amazonservices.com/OffAmazonPayments/2013-01-01"],
    ["DE", true, "https://mws-eu.amazonservices.com/OffAmazonPayments_Sandbox/2013-01-01"],
    ["JP", false, "https://mws.amazonservices.jp/OffAmazonPayments/2013-01-01"],
  ] as const)("%s sandbox=%s", (region, sandbox, expected) => {
    expect(resolveServiceUrl({ region, sandbox }).toString()).toBe(expected);
  });

  it("override keeps the environment path and host:port", () => {
    expect(resolveServiceUrl({ region: "DE", sandbox: true, endpointOverride: "http://127.0.0.1:8484/" }).toString()).toBe(
      "http://127.0.0.1:8484/OffAmazonPayments_Sandbox/2013-01-01",
    );
    expect(resolveServiceUrl({ region: "US", sandbox: false, endpointOverride: "localhost:9000" }).toString()).toBe(
      "http://localhost:9000/OffAmazonPayments/2013-01-01",
    );
  });
});

describe("truncated responses", () => {
  it("a body cut off mid-way is ConnectionReset, not a parse error", async () => {
    const http = await import("node:http");
    const raw = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/xml", "Content-Length": "1000" });
      res.write("<GetServiceStatusResponse>");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    const address = raw.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const client = createAmazonPayClient({
      sellerId: "A1",
      accessKey: "AKIAIOSFODNN7EXAMPLE",
      secretKey: SECRET,
      region: "US",
      sandbox: true,
      endpointOverride: `http://127.0.0.1:${port}`,
      maxAttempts: 1,
    });
    await expect(client.getServiceStatus()).rejects.toMatchObject({ code: "ConnectionReset", mayHaveApplied: true });
    raw.closeAllConnections();
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  });
});
