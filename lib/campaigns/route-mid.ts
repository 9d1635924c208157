import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMids, campaigns, mids } from "@/db/schema";
import { readCapRoom } from "@/lib/mids/cap-ledger";

export type RouteResult =
  | { ok: true; mid: typeof mids.$inferSelect }
  | { ok: false; code: "UNKNOWN_CAMPAIGN" | "CAMPAIGN_ARCHIVED" | "NO_MID_ASSIGNED" | "CAP_REACHED"; message: string };

/**
 * Picks the MID a lander should render Amazon's widgets with: enabled assignments of enabled
 * MIDs with room for `amountMinor` this month, by priority (lowest first) or by weight.
 * `random` is injectable so weighted routing can be tested.
 */
export async function routeMidForCampaign(
  db: Db,
  campaignId: number,
  month: string,
  amountMinor = 1,
  random: () => number = Math.random,
): Promise<RouteResult> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) return { ok: false, code: "UNKNOWN_CAMPAIGN", message: `Campaign ${campaignId} does not exist.` };
  if (campaign.status !== "active") return { ok: false, code: "CAMPAIGN_ARCHIVED", message: `Campaign ${campaignId} is archived.` };
  const candidates = await db
    .select({ link: campaignMids, mid: mids })
    .from(campaignMids)
    .innerJoin(mids, eq(mids.id, campaignMids.midId))
    .where(and(eq(campaignMids.campaignId, campaignId), eq(campaignMids.enabled, true), eq(mids.enabled, true), eq(mids.currency, campaign.currency)))
    .orderBy(asc(campaignMids.priority), asc(mids.id));
  if (candidates.length === 0) return { ok: false, code: "NO_MID_ASSIGNED", message: `Campaign ${campaignId} has no enabled Amazon Pay MID assigned.` };
  const withRoom = [];
  for (const c of candidates) if ((await readCapRoom(db, c.mid.id, month)).leftMinor >= amountMinor) withRoom.push(c);
  if (withRoom.length === 0) return { ok: false, code: "CAP_REACHED", message: `Every MID of campaign ${campaignId} has reached its monthly cap.` };
  if (campaign.routingMode === "priority") return { ok: true, mid: withRoom[0].mid };
  const total = withRoom.reduce((sum, c) => sum + c.link.weight, 0);
  let pick = random() * total;
  for (const c of withRoom) {
    pick -= c.link.weight;
    if (pick < 0) return { ok: true, mid: c.mid };
  }
  return { ok: true, mid: withRoom[withRoom.length - 1].mid };
}
