import { runTransaction } from "@/db/client";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { reserveCap } from "@/lib/mids/cap-ledger";
import { monthKey } from "@/lib/money/calendar";
import { setMidEnabled } from "@/lib/mids/save-mid";
import { createCampaign } from "./save-campaign";
import { saveAssignment } from "./assign-mids";
import { getCampaign } from "./list-campaigns";
import { routeMidForCampaign } from "./route-mid";
import { computeRoutingShares } from "./routing-shares";

async function setup(routingMode: "priority" | "weighted") {
  const { db, actorFor } = await createTestDb();
  const admin = await actorFor("admin");
  const mids = [];
  for (let i = 0; i < 3; i++) mids.push(await createTestMid(db, admin, { monthly_cap: "100.00" }));
  const campaign = await createCampaign(db, admin, { name: "C", currency: "USD", storeName: "S", routingMode, captureMode: "sale" });
  for (const [i, m] of mids.entries()) await saveAssignment(db, admin, campaign.id, m.id, { priority: i + 1, weight: [60, 30, 10][i], enabled: true });
  return { db, admin, mids, campaign };
}

/** How often routeMidForCampaign picks each MID over an even sweep of its random input. */
async function measureRoutedShares(db: Awaited<ReturnType<typeof setup>>["db"], campaignId: number): Promise<Map<number, number>> {
  const picks = new Map<number, number>();
  const n = 200;
  for (let i = 0; i < n; i++) {
    const routed = await routeMidForCampaign(db, campaignId, monthKey(new Date()), 1, () => (i + 0.5) / n);
    if (routed.ok) picks.set(routed.mid.id, (picks.get(routed.mid.id) ?? 0) + 1 / n);
  }
  return picks;
}

describe("computeRoutingShares", () => {
  it("gives each MID the share of orders routing really sends it, as MIDs fill up or are switched off", async () => {
    const { db, admin, mids, campaign } = await setup("weighted");
    const expectShares = async (expected: number[]) => {
      const detail = await getCampaign(db, admin, campaign.id);
      const shares = computeRoutingShares("weighted", detail.assignments, detail.currency);
      const routed = await measureRoutedShares(db, campaign.id);
      mids.forEach((m, i) => {
        expect(shares.get(m.id)).toBeCloseTo(expected[i], 5);
        expect(routed.get(m.id) ?? 0).toBeCloseTo(expected[i], 2);
      });
    };
    await expectShares([0.6, 0.3, 0.1]);
    await runTransaction(db, async (tx) => reserveCap(tx, mids[0].id, monthKey(new Date()), 10_000)); // the first MID's cap is full
    await expectShares([0, 0.75, 0.25]);
    await setMidEnabled(db, admin, mids[2].id, false);
    await expectShares([0, 1, 0]);
  });

  it("sends everything to the first MID taking orders in priority mode", async () => {
    const { db, admin, mids, campaign } = await setup("priority");
    await saveAssignment(db, admin, campaign.id, mids[0].id, { priority: 1, weight: 60, enabled: false });
    const detail = await getCampaign(db, admin, campaign.id);
    const shares = computeRoutingShares("priority", detail.assignments, detail.currency);
    expect([...shares.values()]).toEqual([0, 1, 0]);
    expect((await measureRoutedShares(db, campaign.id)).get(mids[1].id)).toBeCloseTo(1, 5);
  });
});
