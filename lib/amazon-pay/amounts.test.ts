import { describe, expect, it } from "vitest";
import { formatAmount, parseAmountToMinor, parseMoney } from "./amounts";

describe("formatAmount", () => {
  it.each([
    [1999, "USD", "19.99"],
    [5, "EUR", "0.05"],
    [0, "GBP", "0.00"],
    [100, "USD", "1.00"],
    [15_000_000, "USD", "150000.00"],
    [1000, "JPY", "1000"],
    [0, "JPY", "0"],
    [-250, "USD", "-2.50"],
  ])("%i %s → %s", (amountMinor, currency, expected) => {
    expect(formatAmount({ amountMinor, currency })).toBe(expected);
  });

  it("refuses non-integer minor units", () => {
    expect(() => formatAmount({ amountMinor: 1.5, currency: "USD" })).toThrow(RangeError);
    expect(() => formatAmount({ amountMinor: Number.NaN, currency: "USD" })).toThrow(RangeError);
  });
});

describe("parseAmountToMinor", () => {
  it.each([
    ["1.00", "USD", 100],
    ["5.0", "USD", 500],
    ["0", "USD", 0],
    ["500", "USD", 50000],
    ["0.01", "EUR", 1],
    ["19.99", "GBP", 1999],
    ["0.29", "USD", 29],
    ["1.10", "USD", 110],
    ["4.350", "USD", 435],
    ["1000", "JPY", 1000],
    ["1000.0", "JPY", 1000],
    ["-2.5", "USD", -250],
    [" 7.30 ", "USD", 730],
  ])("%s %s → %i", (amount, currency, expected) => {
    expect(parseAmountToMinor(amount, currency)).toBe(expected);
  });

  it.each([
    ["7.3295", "USD"],
    ["1.5", "JPY"],
    ["abc", "USD"],
    ["", "USD"],
    ["1e3", "USD"],
    ["1,000.00", "USD"],
    ["99999999999999999", "USD"],
  ])("rejects %s %s", (amount, currency) => {
    expect(parseAmountToMinor(amount, currency)).toBeNull();
  });

  it("does no float arithmetic (0.29 and 1.13 stay exact)", () => {
    expect(parseAmountToMinor("1.13", "USD")).toBe(113);
    expect(parseAmountToMinor("1234567.89", "USD")).toBe(123456789);
  });

  it("parseMoney uppercases the currency", () => {
    expect(parseMoney("12.00", "usd")).toEqual({ amountMinor: 1200, currency: "USD" });
  });
});
