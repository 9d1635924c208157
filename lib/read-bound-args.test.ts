import { describe, expect, it } from "vitest";
import { readBoundBoolean, readBoundChoice, readBoundId, readBoundOptionalId } from "./read-bound-args";

describe("bound server-action arguments", () => {
  it("takes positive whole ids only", () => {
    expect(readBoundId(42, "orderId")).toBe(42);
    for (const value of ["abc", -1, 0, 1.5, 1e20, true, {}, [7], null, undefined]) {
      expect(() => readBoundId(value, "orderId"), JSON.stringify(value)).toThrow("orderId must be a positive whole number; reload the page and try again.");
    }
    expect(readBoundOptionalId(null, "productId")).toBeNull();
    expect(() => readBoundOptionalId("x", "productId")).toThrow("productId must be");
  });

  it("takes booleans as booleans, never the strings a client may send", () => {
    expect(readBoundBoolean(false, "archived")).toBe(false);
    for (const value of ["false", "true", 0, 1, null, {}]) expect(() => readBoundBoolean(value, "archived")).toThrow("archived must be true or false");
  });

  it("takes a choice from its list only", () => {
    expect(readBoundChoice("AmazonRejected", "code", ["AmazonRejected"])).toBe("AmazonRejected");
    for (const value of ["bogus", 5, null, ["AmazonRejected"]])
      expect(() => readBoundChoice(value, "code", ["AmazonRejected"])).toThrow("code must be one of the listed values");
  });
});
