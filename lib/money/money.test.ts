import { describe, expect, it } from "vitest";
import { formatBpsAsPercent, formatMinorPlain, formatMoney, parseMajorToMinor, parsePercentToBps } from "./money";

describe("money", () => {
  it("parses major units to minor without float error", () => {
    expect(parseMajorToMinor("0.29", "USD")).toBe(29);
    expect(parseMajorToMinor("1,234.5", "USD")).toBe(123450);
    expect(parseMajorToMinor("50000", "EUR")).toBe(5000000);
    expect(parseMajorToMinor("1500", "JPY")).toBe(1500);
  });

  it("refuses malformed amounts and decimals JPY does not have", () => {
    expect(parseMajorToMinor("1.234", "USD")).toBeNull();
    expect(parseMajorToMinor("-5", "USD")).toBeNull();
    expect(parseMajorToMinor("abc", "USD")).toBeNull();
    expect(parseMajorToMinor("10.5", "JPY")).toBeNull();
    expect(parseMajorToMinor("", "USD")).toBeNull();
  });

  it("formats for forms and for people", () => {
    expect(formatMinorPlain(123450, "USD")).toBe("1234.50");
    expect(formatMinorPlain(1500, "JPY")).toBe("1500");
    expect(formatMoney(123450, "USD")).toBe("$1,234.50");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });

  it("converts percents to basis points", () => {
    expect(parsePercentToBps("2.95")).toBe(295);
    expect(parsePercentToBps("100")).toBe(10000);
    expect(parsePercentToBps("2.955")).toBeNull();
    expect(formatBpsAsPercent(295)).toBe("2.95");
    expect(formatBpsAsPercent(1000)).toBe("10");
    expect(formatBpsAsPercent(0)).toBe("0");
  });
});
