import { describe, expect, it } from "vitest";
import { labelFieldMessage, orderEntryLabels } from "./order-entry-labels";

describe("Order Entry error messages", () => {
  it("name the field by its label, not the API name", () => {
    expect(labelFieldMessage("emailAddress", "emailAddress: must be an email address.")).toBe("Email must be an email address.");
    expect(labelFieldMessage("product1_qty", "product1_qty: must be a whole number from 1 to 99.")).toBe("Quantity must be a whole number from 1 to 99.");
    expect(labelFieldMessage("amazonOrderId", "amazonOrderId: is required.")).toBe("Order reference id is required.");
    expect(labelFieldMessage("amazonOrderId", "amazonOrderId: is required.", orderEntryLabels(true))).toBe("Billing agreement id is required.");
  });

  it("leave messages of other fields, or without the field name, as they are", () => {
    expect(labelFieldMessage("campaignId", "campaignId: must be a positive whole number.")).toBe("campaignId: must be a positive whole number.");
    expect(labelFieldMessage("country", "Use a two-letter code.")).toBe("Use a two-letter code.");
  });
});
