import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { callMws, errorCode, OTHER_SELLER, pick, postSigned, SELLER, signRequest, startTestSandbox } from "./test-helpers";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe("request verification", () => {
  it("accepts a correctly signed GetServiceStatus and answers the exact envelope", async () => {
    const response = await callMws(sandbox, "GetServiceStatus");
    expect(response.status).toBe(200);
    expect(response.xml).toContain('<GetServiceStatusResponse xmlns="http://mws.amazonservices.com/schema/OffAmazonPayments/2013-01-01">');
    expect(pick(response.doc, "GetServiceStatusResponse", "GetServiceStatusResult", "Status")).toBe("GREEN");
    expect(pick(response.doc, "GetServiceStatusResponse", "ResponseMetadata", "RequestId")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a signature made with the wrong secret (403 SignatureDoesNotMatch)", async () => {
    const response = await callMws(sandbox, "GetServiceStatus", {}, { seller: { ...SELLER, secretKey: "wrong" } });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe("SignatureDoesNotMatch");
    expect(pick(response.doc, "ErrorResponse", "RequestId")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses an unknown access key (403 InvalidAccessKeyId)", async () => {
    const response = await callMws(sandbox, "GetServiceStatus", {}, { seller: { ...SELLER, accessKey: "AKIAUNKNOWN" } });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe("InvalidAccessKeyId");
  });

  it("refuses a parameter tampered with after signing", async () => {
    const signed = signRequest(sandbox, "GetOrderReferenceDetails", { AmazonOrderReferenceId: "S01-1111111-1111111" });
    signed.AmazonOrderReferenceId = "S01-2222222-2222222";
    const response = await postSigned(sandbox, signed);
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe("SignatureDoesNotMatch");
  });

  it("refuses a timestamp more than 15 minutes off (400 RequestExpired), either direction", async () => {
    for (const offset of [-16, 16]) {
      const timestamp = new Date(sandbox.clock.now() + offset * 60_000).toISOString();
      const response = await callMws(sandbox, "GetServiceStatus", {}, { timestamp });
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe("RequestExpired");
    }
    const nearly = await callMws(sandbox, "GetServiceStatus", {}, { timestamp: new Date(sandbox.clock.now() - 14 * 60_000).toISOString() });
    expect(nearly.status).toBe(200);
  });

  it("refuses a SellerId that the access key does not belong to (401 AccessDenied)", async () => {
    const response = await callMws(sandbox, "GetServiceStatus", {}, { seller: { ...SELLER, sellerId: OTHER_SELLER.sellerId } });
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe("AccessDenied");
  });

  it("reports missing common and operation parameters", async () => {
    const signed = signRequest(sandbox, "GetServiceStatus", {});
    delete signed.Timestamp;
    const missingCommon = await postSigned(sandbox, signed);
    expect(errorCode(missingCommon)).toBe("MissingParameter");
    const missingOperation = await callMws(sandbox, "GetOrderReferenceDetails");
    expect(missingOperation.status).toBe(400);
    expect(errorCode(missingOperation)).toBe("MissingParameter");
    expect(pick(missingOperation.doc, "ErrorResponse", "Error", "Message")).toContain("AmazonOrderReferenceId");
  });

  it("accepts the signature computed for the host without the port, and the live path", async () => {
    const signed = signRequest(sandbox, "GetServiceStatus", {}, { host: "127.0.0.1" });
    expect((await postSigned(sandbox, signed)).status).toBe(200);
    const live = await callMws(sandbox, "GetServiceStatus", {}, { path: "/OffAmazonPayments/2013-01-01" });
    expect(live.status).toBe(200);
  });

  it("merges query-string parameters with the form body", async () => {
    const signed = signRequest(sandbox, "GetServiceStatus", {});
    const query = new URLSearchParams({ Signature: signed.Signature, Timestamp: signed.Timestamp });
    const body = new URLSearchParams(Object.entries(signed).filter(([name]) => name !== "Signature" && name !== "Timestamp"));
    const response = await fetch(`${sandbox.url}/OffAmazonPayments_Sandbox/2013-01-01?${query}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
    expect(response.status).toBe(200);
  });

  it("answers an unknown path with 404 InvalidAddress and an unknown Action with InvalidParameterValue", async () => {
    const response = await fetch(`${sandbox.url}/OffAmazonPayments_Sandbox/2099-01-01`, { method: "POST", body: "" });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<Code>InvalidAddress</Code>");
    const unknown = await callMws(sandbox, "Frobnicate");
    expect(errorCode(unknown)).toBe("InvalidParameterValue");
  });
});

describe("HmacSHA1 and encoding edge cases", () => {
  it("accepts HmacSHA1 signatures and notes with non-ASCII, *, ~, spaces and JSON", async () => {
    const { createHmac } = await import("node:crypto");
    const { buildStringToSign } = await import("../../lib/amazon-pay/signature");
    const params: Record<string, string> = {
      AWSAccessKeyId: SELLER.accessKey,
      Action: "GetServiceStatus",
      SellerId: SELLER.sellerId,
      SignatureMethod: "HmacSHA1",
      SignatureVersion: "2",
      Timestamp: new Date(sandbox.clock.now()).toISOString(),
      Version: "2013-01-01",
      Note: 'Grüße * ~ {"a": 1} |',
    };
    params.Signature = createHmac("sha1", SELLER.secretKey)
      .update(buildStringToSign(`127.0.0.1:${sandbox.port}`, "/OffAmazonPayments_Sandbox/2013-01-01", params))
      .digest("base64");
    expect((await postSigned(sandbox, params)).status).toBe(200);
  });
});
