import { describe, expect, it } from "vitest";
import { parseMidForm, type MidFormValues } from "./parse-mid-form";

const valid: MidFormValues = {
  title: "Main US",
  merchant_id: "A2K7NDRCTOTPW9",
  access_key: "AKIAIOSFODNN7EXAMPLE",
  secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  client_id: "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef",
  region: "US",
  currency: "USD",
  test_mode: "on",
  descriptor: "AMZ*MYSTORE",
  customer_service_phone: "+1 800 555 0100",
  monthly_cap: "50,000.00",
  cap_alert_percent: "80",
  discount_rate: "2.95",
  reserve_rate: "10",
  transaction_fee: "0.30",
  chargeback_fee: "15",
  enabled: "on",
};

function errorsOf(values: MidFormValues, mode: "create" | "edit" = "create") {
  const result = parseMidForm(values, mode);
  return result.ok ? {} : result.fieldErrors;
}

describe("parseMidForm", () => {
  it("accepts a complete MID and converts money and rates", () => {
    const result = parseMidForm(valid, "create");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.monthlyCapMinor).toBe(5_000_000);
    expect(result.input.discountRateBps).toBe(295);
    expect(result.input.reserveRateBps).toBe(1000);
    expect(result.input.transactionFeeMinor).toBe(30);
    expect(result.input.testMode).toBe(true);
    expect(result.input.capCountsRefunds).toBe(false);
  });

  it("names each malformed credential", () => {
    const errors = errorsOf({ ...valid, merchant_id: "12345", access_key: "short", secret_key: "nope", client_id: "amzn1.client" });
    expect(errors.merchant_id).toMatch(/Seller ID/);
    expect(errors.access_key).toMatch(/20 letters and digits/);
    expect(errors.secret_key).toMatch(/40-character/);
    expect(errors.client_id).toMatch(/amzn1\.application-oa2-client/);
  });

  it("requires keys on create but keeps them on edit when blank", () => {
    expect(errorsOf({ ...valid, access_key: "", secret_key: "" }).secret_key).toMatch(/required/);
    const edit = parseMidForm({ ...valid, access_key: "", secret_key: "" }, "edit");
    expect(edit.ok && edit.input.secretKey === undefined && edit.input.accessKey === undefined).toBe(true);
  });

  it("limits the descriptor to 16 characters", () => {
    expect(errorsOf({ ...valid, descriptor: "A".repeat(17) }).descriptor).toMatch(/1–16 characters/);
    expect(errorsOf({ ...valid, descriptor: "" }).descriptor).toMatch(/required/);
    expect(errorsOf({ ...valid, descriptor: "A".repeat(16) }).descriptor).toBeUndefined();
  });

  it("requires a phone and a positive cap", () => {
    expect(errorsOf({ ...valid, customer_service_phone: "" }).customer_service_phone).toMatch(/required/);
    expect(errorsOf({ ...valid, monthly_cap: "" }).monthly_cap).toMatch(/required/);
    expect(errorsOf({ ...valid, monthly_cap: "0" }).monthly_cap).toMatch(/greater than 0/);
    expect(errorsOf({ ...valid, monthly_cap: "12.345" }).monthly_cap).toMatch(/at most 2 decimals/);
  });

  it("keeps rates between 0 and 100 percent", () => {
    expect(errorsOf({ ...valid, discount_rate: "101" }).discount_rate).toMatch(/0 to 100/);
    expect(errorsOf({ ...valid, reserve_rate: "-1" }).reserve_rate).toMatch(/0 to 100/);
    expect(errorsOf({ ...valid, reserve_rate: "100" }).reserve_rate).toBeUndefined();
  });

  it("accepts only the region/currency pairs Amazon accepts, naming them", () => {
    expect(errorsOf({ ...valid, region: "US", currency: "EUR" }).currency).toBe("Amazon Pay US accepts USD only.");
    expect(errorsOf({ ...valid, region: "JP", currency: "USD" }).currency).toBe("Amazon Pay JP accepts JPY only.");
    expect(errorsOf({ ...valid, region: "UK", currency: "CAD" }).currency).toBe("Amazon Pay UK accepts GBP, EUR, USD only.");
    expect(errorsOf({ ...valid, region: "DE", currency: "USD" }).currency).toBeUndefined();
    expect(errorsOf({ ...valid, region: "JP", currency: "JPY", monthly_cap: "1000000", transaction_fee: "30" })).toEqual({});
    expect(errorsOf({ ...valid, region: "XX" }).region).toMatch(/US, UK, DE, JP/);
  });
});
