import { afterEach, describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_TOKEN_ENV,
  chooseClientAddress,
  createClientAddressStamp,
  normalizeAddress,
  parseTrustProxy,
} from "./trust-proxy.mjs";
import { clientIpFromHeaders } from "./client-ip";

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:127.0.0.1", "127.0.0.1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[::1]", "::1"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(["", "unknown", "203.0.113", "203.0.113.256", "evil.example.com", "1.2.3.4, 5.6.7.8", "<script>"])("%j is not an address", (input) => {
    expect(normalizeAddress(input)).toBeNull();
  });
});

describe("parseTrustProxy", () => {
  it.each([undefined, "", "  ", "0", "false", "none", "NONE"])("%j trusts no proxy", (value) => {
    expect(parseTrustProxy(value)).toEqual({ mode: "none" });
  });

  it("reads a number of hops", () => {
    expect(parseTrustProxy("2")).toEqual({ mode: "hops", hops: 2 });
  });

  it("reads a list of addresses and CIDR ranges, IPv4 and IPv6", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 192.0.2.1 ,2001:db8::/32,::1,::ffff:198.51.100.9");
    expect(trust.mode).toBe("list");
    if (trust.mode !== "list") return;
    expect(trust.entries).toEqual(["10.0.0.0/8", "192.0.2.1", "2001:db8::/32", "::1", "::ffff:198.51.100.9"]);
    expect(trust.list.check("10.200.3.4", "ipv4")).toBe(true);
    expect(trust.list.check("11.0.0.1", "ipv4")).toBe(false);
    expect(trust.list.check("198.51.100.9", "ipv4")).toBe(true);
    expect(trust.list.check("2001:db8:ffff::1", "ipv6")).toBe(true);
  });

  it.each([
    ["true", '"true"'],
    ["loopback", '"loopback"'],
    ["10.0.0.0/33", '"10.0.0.0/33"'],
    ["2001:db8::/129", '"2001:db8::/129"'],
    ["10.0.0.0/8/1", '"10.0.0.0/8/1"'],
    ["10.0.0.1, proxy.internal", '"proxy.internal"'],
    ["-1", '"-1"'],
    ["101", "101 hops"],
  ])("refuses %j, naming the entry", (value, named) => {
    expect(() => parseTrustProxy(value)).toThrow(/^TRUST_PROXY: /);
    expect(() => parseTrustProxy(value)).toThrow(named);
  });
});

describe("chooseClientAddress", () => {
  const none = parseTrustProxy(undefined);

  it("without a trusted proxy, uses the socket address whatever X-Forwarded-For says", () => {
    expect(chooseClientAddress("198.51.100.20", "203.0.113.7", none)).toBe("198.51.100.20");
    expect(chooseClientAddress("::ffff:198.51.100.20", ["203.0.113.7", "10.0.0.1"], none)).toBe("198.51.100.20");
    expect(chooseClientAddress("2001:db8::20", undefined, none)).toBe("2001:db8::20");
    expect(chooseClientAddress(undefined, "203.0.113.7", none)).toBe("unknown");
  });

  it("with N hops, takes the entry N steps left of the socket", () => {
    const one = parseTrustProxy("1");
    const two = parseTrustProxy("2");
    // The client wrote "6.6.6.6"; the proxy appended what it saw.
    expect(chooseClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", one)).toBe("203.0.113.7");
    expect(chooseClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1", two)).toBe("203.0.113.7");
    expect(chooseClientAddress("10.0.0.2", undefined, one)).toBe("10.0.0.2");
    // Fewer entries than hops: the furthest one known.
    expect(chooseClientAddress("10.0.0.2", "203.0.113.7", two)).toBe("203.0.113.7");
    // Repeated headers count as one list, in order.
    expect(chooseClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.7"], one)).toBe("203.0.113.7");
  });

  it("with a list, steps left only while the hop is a listed proxy", () => {
    const trust = parseTrustProxy("10.0.0.0/8, ::1");
    expect(chooseClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.9", trust)).toBe("203.0.113.7");
    expect(chooseClientAddress("::ffff:10.0.0.2", "203.0.113.7", trust)).toBe("203.0.113.7");
    expect(chooseClientAddress("::1", "[2001:db8::7]:5555", trust)).toBe("2001:db8::7");
    // A socket that is not a listed proxy is the client, whatever it forwards.
    expect(chooseClientAddress("198.51.100.20", "203.0.113.7", trust)).toBe("198.51.100.20");
    // Everything is a proxy: the leftmost entry is the best we know.
    expect(chooseClientAddress("10.0.0.2", "10.0.0.3", trust)).toBe("10.0.0.3");
  });

  it("stops at the proxy when the entry it passed on is not an address", () => {
    expect(chooseClientAddress("10.0.0.2", "203.0.113.7, not-an-ip", parseTrustProxy("1"))).toBe("10.0.0.2");
    expect(chooseClientAddress("10.0.0.2", "<script>", parseTrustProxy("10.0.0.0/8"))).toBe("10.0.0.2");
  });
});

describe("the app server's stamp and clientIpFromHeaders", () => {
  const saved = process.env[CLIENT_ADDRESS_TOKEN_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[CLIENT_ADDRESS_TOKEN_ENV];
    else process.env[CLIENT_ADDRESS_TOKEN_ENV] = saved;
  });

  function request(remoteAddress: string, headers: Record<string, string>) {
    return { headers: { ...headers } as Record<string, string | string[] | undefined>, socket: { remoteAddress } } as unknown as Parameters<
      ReturnType<typeof createClientAddressStamp>
    >[0];
  }

  function asHeaders(req: ReturnType<typeof request>): Headers {
    return new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
  }

  it("overwrites a copy the client sent and warns once when X-Forwarded-For arrives with no proxy trusted", () => {
    const warnings: string[] = [];
    const stamp = createClientAddressStamp({ trust: parseTrustProxy(undefined), token: "t0ken", warn: (m) => warnings.push(m) });
    process.env[CLIENT_ADDRESS_TOKEN_ENV] = "t0ken";

    const forged = request("198.51.100.20", { "x-forwarded-for": "203.0.113.7", [CLIENT_ADDRESS_HEADER]: "t0ken 203.0.113.8" });
    stamp(forged);
    expect(clientIpFromHeaders(asHeaders(forged))).toBe("198.51.100.20");
    const again = request("198.51.100.21", { "x-forwarded-for": "203.0.113.9" });
    stamp(again);
    expect(clientIpFromHeaders(asHeaders(again))).toBe("198.51.100.21");

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("TRUST_PROXY is not set");
    expect(warnings[0]).not.toContain("203.0.113.7");
  });

  it("does not warn when a proxy is configured, and believes the trusted hop", () => {
    const warnings: string[] = [];
    const stamp = createClientAddressStamp({ trust: parseTrustProxy("1"), token: "t0ken", warn: (m) => warnings.push(m) });
    process.env[CLIENT_ADDRESS_TOKEN_ENV] = "t0ken";
    const req = request("10.0.0.2", { "x-forwarded-for": "203.0.113.7" });
    stamp(req);
    expect(clientIpFromHeaders(asHeaders(req))).toBe("203.0.113.7");
    expect(warnings).toEqual([]);
  });

  it("believes the header only with this start's token, and never X-Forwarded-For", () => {
    process.env[CLIENT_ADDRESS_TOKEN_ENV] = "t0ken";
    expect(clientIpFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: "guess 203.0.113.7" }))).toBe("unknown");
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.7" }))).toBe("unknown");
    delete process.env[CLIENT_ADDRESS_TOKEN_ENV];
    expect(clientIpFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: " 203.0.113.7" }))).toBe("unknown");
  });
});
