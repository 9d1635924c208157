import { describe, expect, it } from "vitest";
import { monthKey, startOfDayMs, startOfIsoDayMs, startOfMonthMs } from "./calendar";

describe("calendar in a time zone", () => {
  it("puts an instant in the zone's month", () => {
    const at = new Date("2026-03-01T03:00:00Z");
    expect(monthKey(at, "UTC")).toBe("2026-03");
    expect(monthKey(at, "America/New_York")).toBe("2026-02");
  });

  it("finds local midnight", () => {
    expect(new Date(startOfDayMs(new Date("2026-07-15T02:30:00Z"), "America/Los_Angeles")).toISOString()).toBe("2026-07-14T07:00:00.000Z");
    expect(new Date(startOfDayMs(new Date("2026-07-15T02:30:00Z"), "UTC")).toISOString()).toBe("2026-07-15T00:00:00.000Z");
  });

  it("finds the first instant of the month across a DST change", () => {
    expect(new Date(startOfMonthMs(new Date("2026-03-20T12:00:00Z"), "America/New_York")).toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(new Date(startOfMonthMs(new Date("2026-03-20T12:00:00Z"), "UTC")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("reads real calendar days only", () => {
    expect(new Date(startOfIsoDayMs("2026-03-01", "America/New_York") as number).toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(new Date(startOfIsoDayMs("2028-02-29", "UTC") as number).toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(new Date(startOfIsoDayMs("0099-01-01", "UTC") as number).toISOString()).toBe("0099-01-01T00:00:00.000Z");
    for (const text of ["2026-13-01", "2026-02-30", "2027-02-29", "2026-00-10", "2026-04-31", "0000-01-01", "2026-1-1", "tomorrow", ""]) {
      expect(startOfIsoDayMs(text, "UTC"), text).toBeNull();
    }
  });
});
