import { afterEach, describe, expect, it } from "vitest";
import { createLoginWithAmazonClient } from "./login-with-amazon";
import { resolveLwaBaseUrl } from "./regions";
import { startLocalServer, type LocalServer, type Responder } from "./test-fixtures/local-server";

const CLIENT_ID = "amzn1.application-oa2-client.8f6f4c3b";
let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value), headers: { "Content-Type": "application/json" } });

const tokenInfo = { aud: CLIENT_ID, user_id: "amzn1.account.AGHJ", iss: "https://www.amazon.com", exp: 3597, app_id: "amzn1.application.abc", iat: 1447890000 };
const profile = { user_id: "amzn1.account.AGHJ", name: "Jane Doe", email: "jane@example.com" };

async function setup(responder: Responder) {
  server = await startLocalServer(responder);
  const client = createLoginWithAmazonClient({ clientId: CLIENT_ID, region: "US", sandbox: true, endpointOverride: server.baseUrl });
  return { client, server };
}

describe("Login with Amazon", () => {
  it("checks the audience, then reads the profile with the decoded token in x-amz-access-token", async () => {
    const { client, server } = await setup((request) => (request.url === "/auth/o2/tokeninfo" ? json(200, tokenInfo) : json(200, profile)));
    const result = await client.getUserProfile("Atza%7CIwEBIA+abc");
    expect(result).toEqual({ userId: "amzn1.account.AGHJ", name: "Jane Doe", email: "jane@example.com", postalCode: undefined });
    expect(server.requests.map((r) => [r.method, r.url, r.headers["x-amz-access-token"]])).toEqual([
      ["GET", "/auth/o2/tokeninfo", "Atza|IwEBIA+abc"],
      ["GET", "/user/profile", "Atza|IwEBIA+abc"],
    ]);
  });

  it("returns token info", async () => {
    const { client } = await setup(() => json(200, tokenInfo));
    expect(await client.getTokenInfo("Atza|IwEBIA")).toEqual({
      aud: CLIENT_ID,
      userId: "amzn1.account.AGHJ",
      appId: "amzn1.application.abc",
      iss: "https://www.amazon.com",
      exp: 3597,
      iat: 1447890000,
    });
  });

  it("refuses a token issued to another client and never fetches the profile", async () => {
    const { client, server } = await setup(() => json(200, { ...tokenInfo, aud: "amzn1.application-oa2-client.other" }));
    await expect(client.getUserProfile("Atza|IwEBIA")).rejects.toMatchObject({ code: "TokenAudienceMismatch", retriable: false });
    expect(server.requests).toHaveLength(1);
  });

  it("maps Amazon's invalid_token error", async () => {
    const { client } = await setup(() => json(400, { error: "invalid_token", error_description: "The request has an invalid parameter : access_token" }));
    const error = await client.getTokenInfo("Atza|expired").catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 400, code: "invalid_token", retriable: false });
    expect(String((error as Error).message)).not.toContain("Atza|expired");
  });

  it("rejects empty or header-unsafe tokens without a request", async () => {
    const { client, server } = await setup(() => json(200, tokenInfo));
    await expect(client.getTokenInfo("")).rejects.toMatchObject({ code: "InvalidInput" });
    await expect(client.getTokenInfo("Atza|a\r\nX-Evil: 1")).rejects.toMatchObject({ code: "InvalidInput" });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["US", false, "https://api.amazon.com"],
    ["US", true, "https://api.sandbox.amazon.com"],
    ["UK", true, "https://api.sandbox.amazon.co.uk"],
    ["DE", false, "https://api.amazon.de"],
    ["JP", true, "https://api.sandbox.amazon.co.jp"],
  ] as const)("LWA base for %s sandbox=%s", (region, sandbox, expected) => {
    expect(resolveLwaBaseUrl({ region, sandbox })).toBe(expected);
  });
});
