import { describe, expect, it } from "vitest";
import { auditActionLabel, auditEntityHref, describeChanges, formatAuditValue } from "./describe-audit";
import { SECRET_MARKER } from "./record-audit";

describe("describeChanges", () => {
  it("labels fields and formats money in the entity's currency, rates as percentages", () => {
    expect(describeChanges({ monthly_cap_minor: 5_000_000, discount_rate_bps: 280 }, { monthly_cap_minor: 6_000_000, discount_rate_bps: 290 }, "USD")).toEqual([
      { key: "monthly_cap_minor", label: "Monthly cap", before: "$50,000.00", after: "$60,000.00" },
      { key: "discount_rate_bps", label: "Discount rate", before: "2.8 %", after: "2.9 %" },
    ]);
    expect(describeChanges(null, { transaction_fee_minor: 30, currency: "EUR" }, "USD")[0]).toEqual({
      key: "transaction_fee_minor",
      label: "Transaction fee",
      after: "€0.30",
    });
    expect(describeChanges(null, { transaction_fee_minor: 500 }, "JPY")[0].after).toBe("¥500");
  });

  it("hides fields whose value did not change", () => {
    expect(
      describeChanges({ title: "A", enabled: true, cap_alert_percent: 80 }, { title: "B", enabled: true, cap_alert_percent: 80 }, null).map((c) => c.key),
    ).toEqual(["title"]);
    expect(describeChanges({ enabled: true }, { enabled: true }, null)).toEqual([]);
  });

  it("shows secrets only as set or changed, booleans and roles in words", () => {
    expect(formatAuditValue("password", SECRET_MARKER, null)).toBe("changed (hidden)");
    expect(formatAuditValue("secret_key", "set", null)).toBe("Set");
    expect(formatAuditValue("client_secret", "not set", null)).toBe("Not set");
    expect(formatAuditValue("test_mode", false, null)).toBe("No");
    expect(formatAuditValue("role", "campaign_manager", null)).toBe("Campaign manager");
    expect(formatAuditValue("cap_alert_percent", 80, null)).toBe("80 %");
    expect(formatAuditValue("ips", [], null)).toBe("—");
  });

  it("shows a campaign's and a product's stored codes as the words their forms use", () => {
    expect(formatAuditValue("billingType", "one_time", null)).toBe("One-time");
    expect(formatAuditValue("routingMode", "weighted", null)).toBe("Weighted");
    expect(formatAuditValue("captureMode", "authorize", null)).toBe("Later (authorize only)");
    // A code this list does not know yet still shows, as stored.
    expect(formatAuditValue("captureMode", "someday", null)).toBe("someday");
  });

  it("names actions and links entities to their pages", () => {
    expect(auditActionLabel("mid.update")).toBe("MID edited");
    expect(auditActionLabel("order.note")).toBe("Note");
    expect(auditActionLabel("something.new_thing")).toBe("Something new thing");
    expect(auditEntityHref("order", "12")).toBe("/orders/12");
    expect(auditEntityHref("campaign", "3")).toBe("/campaigns/3");
    expect(auditEntityHref("mid", null)).toBeNull();
  });
});
