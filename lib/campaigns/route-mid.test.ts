import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { createCampaign, setCampaignArchived } from "./save-campaign";
import { saveAssignment } from "./assign-mids";
import { routeMidForCampaign } from "./route-mid";
import { reserveCap } from "@/lib/mids/cap-ledger";
import { setMidEnabled } from "@/lib/mids/save-mid";

const MONTH = "2026-11";

function setup(routingMode: "priority" | "weighted") {
  const { db, actorFor } = createTestDb();
  const admin = actorFor("admin");
  const first = createTestMid(db, admin, { monthly_cap: "100.00" });
  const second = createTestMid(db, admin, { monthly_cap: "100.00" });
  const campaign = createCampaign(db, admin, { name: "C", currency: "USD", storeName: "S", routingMode, captureMode: "sale" });
  saveAssignment(db, admin, campaign.id, first.id, { priority: 1, weight: 75, enabled: true });
  saveAssignment(db, admin, campaign.id, second.id, { priority: 2, weight: 25, enabled: true });
  return { db, admin, first, second, campaign };
}

describe("routeMidForCampaign", () => {
  it("takes the first MID by priority and fails over when its cap has no room", () => {
    const { db, first, second, campaign } = setup("priority");
    expect(routeMidForCampaign(db, campaign.id, MONTH, 5000)).toMatchObject({ ok: true, mid: { id: first.id } });
    db.transaction((tx) => reserveCap(tx, first.id, MONTH, 9000));
    expect(routeMidForCampaign(db, campaign.id, MONTH, 5000)).toMatchObject({ ok: true, mid: { id: second.id } });
    db.transaction((tx) => reserveCap(tx, second.id, MONTH, 9000));
    expect(routeMidForCampaign(db, campaign.id, MONTH, 5000)).toMatchObject({ ok: false, code: "CAP_REACHED" });
  });

  it("spreads by weight among MIDs with room", () => {
    const { db, first, second, campaign } = setup("weighted");
    expect(routeMidForCampaign(db, campaign.id, MONTH, 1, () => 0.5)).toMatchObject({ ok: true, mid: { id: first.id } });
    expect(routeMidForCampaign(db, campaign.id, MONTH, 1, () => 0.8)).toMatchObject({ ok: true, mid: { id: second.id } });
  });

  it("skips disabled MIDs and switched-off assignments, and names why nothing is left", () => {
    const { db, admin, first, second, campaign } = setup("priority");
    setMidEnabled(db, admin, first.id, false);
    expect(routeMidForCampaign(db, campaign.id, MONTH)).toMatchObject({ ok: true, mid: { id: second.id } });
    saveAssignment(db, admin, campaign.id, second.id, { priority: 2, weight: 25, enabled: false });
    expect(routeMidForCampaign(db, campaign.id, MONTH)).toMatchObject({ ok: false, code: "NO_MID_ASSIGNED" });
    expect(routeMidForCampaign(db, 999, MONTH)).toMatchObject({ ok: false, code: "UNKNOWN_CAMPAIGN" });
    setCampaignArchived(db, admin, campaign.id, true);
    expect(routeMidForCampaign(db, campaign.id, MONTH)).toMatchObject({ ok: false, code: "CAMPAIGN_ARCHIVED" });
  });

  it("refuses to assign a MID of another currency", () => {
    const { db, admin, campaign } = setup("priority");
    const gbp = createTestMid(db, admin, { region: "UK", currency: "GBP" });
    expect(() => saveAssignment(db, admin, campaign.id, gbp.id, { priority: 3, weight: 1, enabled: true })).toThrow(
      expect.objectContaining({ fieldErrors: { mid_id: `${gbp.title} takes GBP; this campaign sells in USD.` } }),
    );
  });
});
