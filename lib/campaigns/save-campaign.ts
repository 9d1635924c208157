import { and, eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { campaignMids, campaignProducts, campaigns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { diffSnapshots, recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import type { CampaignDto } from "./campaign-dto";
import type { CampaignInput } from "./parse-campaign-forms";

export async function createCampaign(db: Db, actor: Actor, input: CampaignInput): Promise<CampaignDto> {
  assertCan(actor, "campaigns.write");
  const now = Date.now();
  return runTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...input, status: "active", createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, actor, { action: "campaign.create", entity: "campaign", entityId: row.id, after: { ...input } });
    return row;
  });
}

export async function updateCampaign(db: Db, actor: Actor, campaignId: number, input: CampaignInput): Promise<CampaignDto> {
  assertCan(actor, "campaigns.write");
  return runTransaction(db, async (tx) => {
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!before) throw new DomainError("That campaign no longer exists.");
    if (before.currency !== input.currency) {
      const [hasMids] = await tx.select({ midId: campaignMids.midId }).from(campaignMids).where(eq(campaignMids.campaignId, campaignId));
      const [hasProducts] = await tx.select({ id: campaignProducts.id }).from(campaignProducts).where(eq(campaignProducts.campaignId, campaignId));
      if (hasMids || hasProducts) {
        throw new DomainError("Check the highlighted fields.", {
          currency: "Currency cannot change once products or MIDs are attached; create a new campaign instead.",
        });
      }
    }
    const [after] = await tx
      .update(campaigns)
      .set({ ...input, updatedAt: Date.now() })
      .where(eq(campaigns.id, campaignId))
      .returning();
    const diff = diffSnapshots(
      { name: before.name, currency: before.currency, storeName: before.storeName, routingMode: before.routingMode, captureMode: before.captureMode },
      { ...input },
    );
    if (Object.keys(diff.after).length) await recordAudit(tx, actor, { action: "campaign.update", entity: "campaign", entityId: campaignId, ...diff });
    return after;
  });
}

export async function setCampaignArchived(db: Db, actor: Actor, campaignId: number, archived: boolean): Promise<CampaignDto> {
  assertCan(actor, "campaigns.write");
  const status = archived ? "archived" : "active";
  return runTransaction(db, async (tx) => {
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!before) throw new DomainError("That campaign no longer exists.");
    if (before.status === status) return before;
    const [after] = await tx
      .update(campaigns)
      .set({ status, updatedAt: Date.now() })
      .where(and(eq(campaigns.id, campaignId)))
      .returning();
    await recordAudit(tx, actor, {
      action: archived ? "campaign.archive" : "campaign.restore",
      entity: "campaign",
      entityId: campaignId,
      before: { status: before.status },
      after: { status },
    });
    return after;
  });
}
