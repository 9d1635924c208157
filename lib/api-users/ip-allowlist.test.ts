import { describe, expect, it } from "vitest";
import { isIpAllowed, parseIpRule } from "./ip-allowlist";

describe("IP allow-list", () => {
  it("parses addresses and CIDRs and refuses junk", () => {
    expect(parseIpRule("203.0.113.7")?.prefix).toBe(32);
    expect(parseIpRule("203.0.113.0/24")?.prefix).toBe(24);
    expect(parseIpRule("2001:db8::/32")?.prefix).toBe(32);
    expect(parseIpRule("203.0.113.0/33")).toBeNull();
    expect(parseIpRule("300.0.0.1")).toBeNull();
    expect(parseIpRule("example.com")).toBeNull();
  });

  it("matches IPv4 ranges, including odd prefixes", () => {
    expect(isIpAllowed("203.0.113.200", ["203.0.113.0/24"])).toBe(true);
    expect(isIpAllowed("203.0.114.1", ["203.0.113.0/24"])).toBe(false);
    expect(isIpAllowed("10.0.0.9", ["10.0.0.8/29"])).toBe(true);
    expect(isIpAllowed("10.0.0.16", ["10.0.0.8/29"])).toBe(false);
    expect(isIpAllowed("127.0.0.1", ["127.0.0.1"])).toBe(true);
  });

  it("matches IPv6 and IPv4-mapped addresses", () => {
    expect(isIpAllowed("2001:db8:1::5", ["2001:db8::/32"])).toBe(true);
    expect(isIpAllowed("2001:db9::1", ["2001:db8::/32"])).toBe(false);
    expect(isIpAllowed("::1", ["::1"])).toBe(true);
    expect(isIpAllowed("::ffff:127.0.0.1", ["127.0.0.0/8"])).toBe(true);
  });

  it("allows everything when the list is empty and nothing for unparseable client addresses", () => {
    expect(isIpAllowed("198.51.100.1", [])).toBe(true);
    expect(isIpAllowed("unknown", ["127.0.0.1"])).toBe(false);
  });
});
