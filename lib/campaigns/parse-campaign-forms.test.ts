import { describe, expect, it } from "vitest";
import { parseCampaignForm } from "./parse-campaign-forms";

const base = { name: "Serum", currency: "USD", store_name: "Glow", routing_mode: "priority" };

describe("campaign form: capture mode", () => {
  it("reads sale or authorize, and defaults to sale when the field is absent", () => {
    expect(parseCampaignForm({ ...base, capture_mode: "authorize" })).toMatchObject({ ok: true, input: { captureMode: "authorize" } });
    expect(parseCampaignForm(base)).toMatchObject({ ok: true, input: { captureMode: "sale" } });
  });

  it("refuses anything else with a field error", () => {
    expect(parseCampaignForm({ ...base, capture_mode: "later" })).toEqual({
      ok: false,
      fieldErrors: { capture_mode: "Capture must be sale (immediately) or authorize (later, from the order page)." },
    });
  });
});
