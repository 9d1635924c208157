import { runTransaction } from "@/db/client";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { createCampaign, setCampaignArchived } from "./save-campaign";
import { saveAssignment } from "./assign-mids";
import { routeMidForCampaign } from "./route-mid";
import { reserveCap } from "@/lib/mids/cap-ledger";
import { setMidEnabled } from "@/lib/mids/save-mid";

const MONTH = "2026-11";

async function setup(routingMode: "priority" | "weighted") {
  const { db, actorFor } = await createTestDb();
  const admin = await actorFor("admin");
  const first = await createTestMid(db, admin, { monthly_cap: "100.00" });
  const second = await createTestMid(db, admin, { monthly_cap: "100.00" });
  const campaign = await createCampaign(db, admin, { name: "C", currency: "USD", storeName: "S", routingMode, captureMode: "sale" });
  await saveAssignment(db, admin, campaign.id, first.id, { priority: 1, weight: 75, enabled: true });
  await saveAssignment(db, admin, campaign.id, second.id, { priority: 2, weight: 25, enabled: true });
  return { db, admin, first, second, campaign };
}

describe("routeMidForCampaign", () => {
  it("takes the first MID by priority and fails over when its cap has no room", async () => {
    const { db, first, second, campaign } = await setup("priority");
    expect(await routeMidForCampaign(db, campaign.id, MONTH, 5000)).toMatchObject({ ok: true, mid: { id: first.id } });
    await runTransaction(db, async (tx) => reserveCap(tx, first.id, MONTH, 9000));
    expect(await routeMidForCampaign(db, campaign.id, MONTH, 5000)).toMatchObject({ ok: true, mid: { id: second.id } });
    await runTransaction(db, async (tx) => reserveCap(tx, second.id, MONTH, 9000));
    expect(await routeMidForCampaign(db, campaign.id, MONTH, 5000)).toMatchObject({ ok: false, code: "CAP_REACHED" });
  });

  it("spreads by weight among MIDs with room", async () => {
    const { db, first, second, campaign } = await setup("weighted");
    expect(await routeMidForCampaign(db, campaign.id, MONTH, 1, () => 0.5)).toMatchObject({ ok: true, mid: { id: first.id } });
    expect(await routeMidForCampaign(db, campaign.id, MONTH, 1, () => 0.8)).toMatchObject({ ok: true, mid: { id: second.id } });
  });

  it("skips disabled MIDs and switched-off assignments, and names why nothing is left", async () => {
    const { db, admin, first, second, campaign } = await setup("priority");
    await setMidEnabled(db, admin, first.id, false);
    expect(await routeMidForCampaign(db, campaign.id, MONTH)).toMatchObject({ ok: true, mid: { id: second.id } });
    await saveAssignment(db, admin, campaign.id, second.id, { priority: 2, weight: 25, enabled: false });
    expect(await routeMidForCampaign(db, campaign.id, MONTH)).toMatchObject({ ok: false, code: "NO_MID_ASSIGNED" });
    expect(await routeMidForCampaign(db, 999, MONTH)).toMatchObject({ ok: false, code: "UNKNOWN_CAMPAIGN" });
    await setCampaignArchived(db, admin, campaign.id, true);
    expect(await routeMidForCampaign(db, campaign.id, MONTH)).toMatchObject({ ok: false, code: "CAMPAIGN_ARCHIVED" });
  });

  it("refuses to assign a MID of another currency", async () => {
    const { db, admin, campaign } = await setup("priority");
    const gbp = await createTestMid(db, admin, { region: "UK", currency: "GBP" });
    await expect(saveAssignment(db, admin, campaign.id, gbp.id, { priority: 3, weight: 1, enabled: true })).rejects.toThrow(
      expect.objectContaining({ fieldErrors: { mid_id: `${gbp.title} takes GBP; this campaign sells in USD.` } }),
    );
  });
});
