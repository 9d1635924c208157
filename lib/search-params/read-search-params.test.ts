import { describe, expect, it } from "vitest";
import { readSearchParams, searchParamsOf } from "./read-search-params";

describe("readSearchParams", () => {
  it("keeps well-formed values and lists every malformed one with its rule", () => {
    const params = readSearchParams({
      from: "2026-02-28",
      to: "2026-02-30",
      mid: "abc",
      campaign: "7",
      min: "1e309",
      max: "12.50",
      status: "SUCCESS",
      type: "bogus",
      q: "x".repeat(101),
    });
    expect(params.day("from")).toBe("2026-02-28");
    expect(params.day("to")).toBeUndefined();
    expect(params.id("mid")).toBeUndefined();
    expect(params.id("campaign")).toBe(7);
    expect(params.amount("min")).toBeUndefined();
    expect(params.amount("max")).toBe("12.50");
    expect(params.oneOf("status", ["SUCCESS", "ERROR"] as const)).toBe("SUCCESS");
    expect(params.oneOf("type", ["SALE", "REFUND"] as const)).toBeUndefined();
    expect(params.text("q")).toBeUndefined();
    expect(params.ignored).toEqual([
      { name: "to", value: "2026-02-30", rule: "must be a real date as YYYY-MM-DD" },
      { name: "mid", value: "abc", rule: "must be a positive whole number" },
      { name: "min", value: "1e309", rule: "must be an amount such as 10.00" },
      { name: "type", value: "bogus", rule: "must be one of SALE, REFUND" },
      { name: "q", value: "x".repeat(101), rule: "must be at most 100 characters" },
    ]);
  });

  it("treats empty values as no filter and a repeated name by its first value", () => {
    const params = readSearchParams(searchParamsOf("http://x/orders?from=&mid=2&mid=abc&q=%20%20"));
    expect(params.day("from")).toBeUndefined();
    expect(params.id("mid")).toBe(2);
    expect(params.text("q")).toBeUndefined();
    expect(params.ignored).toEqual([]);
  });
});
