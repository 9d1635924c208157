import { describe, expect, it } from "vitest";
import { buildImportOrderParams, buildLanderSnippet, widgetScriptUrl } from "./lander-snippet";

const mid = {
  id: 7,
  merchantId: "A2K7NDRCTOTPW9",
  clientId: "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef",
  region: "US" as const,
  testMode: true,
};

describe("lander snippet", () => {
  it("uses Amazon's widget script for each region and mode", () => {
    expect(widgetScriptUrl("US", true)).toBe("https://static-na.payments-amazon.com/OffAmazonPayments/us/sandbox/js/Widgets.js");
    expect(widgetScriptUrl("US", false)).toBe("https://static-na.payments-amazon.com/OffAmazonPayments/us/js/Widgets.js");
    expect(widgetScriptUrl("DE", true)).toBe("https://static-eu.payments-amazon.com/OffAmazonPayments/de/sandbox/lpa/js/Widgets.js");
    expect(widgetScriptUrl("JP", false)).toBe("https://static-fe.payments-amazon.com/OffAmazonPayments/jp/lpa/js/Widgets.js");
  });

  it("fills in the MID's ids and sandbox mode", () => {
    const code = buildLanderSnippet(mid, "one-time");
    expect(code).toContain('"A2K7NDRCTOTPW9"');
    expect(code).toContain(mid.clientId);
    expect(code).toContain("setSandboxMode(true)");
    expect(code).not.toContain("Widgets.Consent");
    expect(buildLanderSnippet({ ...mid, testMode: false }, "one-time")).not.toContain("setSandboxMode");
  });

  it("adds the billing agreement and consent widget for recurring products", () => {
    const code = buildLanderSnippet(mid, "recurring");
    expect(code).toContain('agreementType: "BillingAgreement"');
    expect(code).toContain("OffAmazonPayments.Widgets.Consent");
  });

  it("lists the Import Order parameters with the biller id", () => {
    expect(buildImportOrderParams(mid).find((p) => p.name === "amazonBillerId")?.value).toBe("7");
  });
});
