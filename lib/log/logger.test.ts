import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createLogger, readLogLevel } from "./logger.mjs";
import { chooseRequestId, runWithRequestId } from "./request-id.mjs";

function captureLines() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

const SECRETS = [
  "hunter2-pass",
  "mws-secret-value",
  "lwa-token-value",
  "session-cookie-value",
  "Bearer abc.def",
  "-----BEGIN PRIVATE KEY-----x",
  "ak-live-123",
];

describe("the logger", () => {
  it("writes JSON lines with the request id and without the value of any secret field", () => {
    const { lines, destination } = captureLines();
    const log = createLogger({ level: "info", destination });
    const error = Object.assign(new Error("Amazon answered 500"), { mwsAuthToken: "lwa-token-value" });
    const failedQuery = new DrizzleQueryError(
      "insert into users (email, password_hash) values (?, ?)",
      ["a@b.test", "hunter2-pass"],
      new Error("UNIQUE constraint failed: users.email"),
    );
    runWithRequestId("req-42", () => {
      log.info(
        {
          user: { email: "a@b.test", password: "hunter2-pass", passwordHash: "hunter2-pass" },
          mid: { name: "US main", secret_key_enc: "mws-secret-value", clientSecret: "mws-secret-value" },
          fields: { loginId: "lander", amazonAddressConsent: "lwa-token-value", accessToken: "lwa-token-value" },
          headers: new Headers({ cookie: "session-cookie-value", authorization: "Bearer abc.def", "x-api-key": "ak-live-123" }),
          keys: [{ privateKey: "-----BEGIN PRIVATE KEY-----x" }],
        },
        "order placed",
      );
      log.error({ err: error }, "reconcile failed");
      log.error(failedQuery);
    });
    expect(lines).toHaveLength(3);
    for (const line of lines) for (const secret of SECRETS) expect(line).not.toContain(secret);
    const [first, second, third] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      level: "info",
      msg: "order placed",
      requestId: "req-42",
      user: { email: "a@b.test", password: "[redacted]", passwordHash: "[redacted]" },
      mid: { name: "US main", secret_key_enc: "[redacted]" },
      fields: { loginId: "lander", amazonAddressConsent: "[redacted]" },
      headers: { cookie: "[redacted]", authorization: "[redacted]", "x-api-key": "[redacted]" },
      keys: [{ privateKey: "[redacted]" }],
    });
    expect(second).toMatchObject({ level: "error", requestId: "req-42", err: { type: "Error", message: "Amazon answered 500" } });
    expect(second.err).not.toHaveProperty("mwsAuthToken");
    expect(third).toMatchObject({
      requestId: "req-42",
      msg: "Failed query: insert into users (email, password_hash) values (?, ?)",
      err: {
        type: "DrizzleQueryError",
        message: "Failed query: insert into users (email, password_hash) values (?, ?)",
        cause: { message: "UNIQUE constraint failed: users.email" },
      },
    });
    expect(third.err.stack).toMatch(/^Error: Failed query: insert into users \(email, password_hash\) values \(\?, \?\)\n\s+at /);
  });

  it("has no request id outside a request, and follows LOG_LEVEL", () => {
    const { lines, destination } = captureLines();
    const log = createLogger({ level: readLogLevel("WARN"), destination });
    log.info("not written");
    log.warn("written");
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.not.objectContaining({ requestId: expect.anything() })]);
    expect(() => readLogLevel("loud")).toThrow('LOG_LEVEL: "loud" is not one of trace, debug, info, warn, error, fatal, silent.');
    expect(readLogLevel(undefined)).toBe("info");
  });

  it("keeps a caller's plain X-Request-Id and replaces anything else", () => {
    expect(chooseRequestId("lb-7f3a.1")).toBe("lb-7f3a.1");
    for (const bad of [undefined, "", "a b", "x".repeat(129), 'id\n{"level":"fatal"}', ["a", "b"]]) {
      expect(chooseRequestId(bad as string | undefined)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
