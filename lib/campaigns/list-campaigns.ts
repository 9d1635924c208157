import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMids, campaignProducts, campaigns, mids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { DomainError } from "@/lib/errors";
import { attachVolumes } from "@/lib/mids/list-mids";
import { toMidDto } from "@/lib/mids/mid-dto";
import type { CampaignDetail, CampaignListRow } from "./campaign-dto";

// Spelled out: drizzle renders ${campaigns.id} as a bare "id" inside these subqueries, which
// SQLite then binds to the subquery's own table (products, MIDs) instead of the campaign.
const CAMPAIGN_ID = sql.raw(`"campaigns"."id"`);

export async function listCampaigns(db: Db, actor: Actor, filter: { status?: "active" | "archived"; q?: string } = {}): Promise<CampaignListRow[]> {
  assertCan(actor, "campaigns.read");
  const rows = await db
    .select({
      campaign: campaigns,
      productCount: sql<number>`(select count(*) from ${campaignProducts} p where p.campaign_id = ${CAMPAIGN_ID} and p.archived_at is null)`,
      midCount: sql<number>`(select count(*) from ${campaignMids} m where m.campaign_id = ${CAMPAIGN_ID})`,
      enabledMidCount: sql<number>`(select count(*) from ${campaignMids} m join ${mids} x on x.id = m.mid_id where m.campaign_id = ${CAMPAIGN_ID} and m.enabled and x.enabled)`,
    })
    .from(campaigns)
    .where(filter.status ? eq(campaigns.status, filter.status) : undefined)
    .orderBy(asc(campaigns.status), desc(campaigns.id));
  const q = filter.q?.trim().toLowerCase();
  return rows
    .map((r) => ({ ...r.campaign, productCount: r.productCount, midCount: r.midCount, enabledMidCount: r.enabledMidCount }))
    .filter((c) => !q || c.name.toLowerCase().includes(q) || c.storeName.toLowerCase().includes(q) || String(c.id) === q);
}

export async function getCampaign(db: Db, actor: Actor, campaignId: number, now = new Date()): Promise<CampaignDetail> {
  assertCan(actor, "campaigns.read");
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new DomainError("Campaign not found.");
  const products = await db.select().from(campaignProducts).where(eq(campaignProducts.campaignId, campaignId)).orderBy(asc(campaignProducts.id));
  const assigned = await db
    .select({ link: campaignMids, mid: mids })
    .from(campaignMids)
    .innerJoin(mids, eq(mids.id, campaignMids.midId))
    .where(eq(campaignMids.campaignId, campaignId))
    .orderBy(asc(campaignMids.priority), asc(mids.id));
  const withVolume = new Map(
    (
      await attachVolumes(
        db,
        assigned.map((a) => toMidDto(a.mid)),
        now,
      )
    ).map((m) => [m.id, m]),
  );
  return {
    ...campaign,
    products,
    assignments: assigned.map((a) => ({
      midId: a.link.midId,
      priority: a.link.priority,
      weight: a.link.weight,
      enabled: a.link.enabled,
      mid: withVolume.get(a.link.midId)!,
    })),
  };
}
