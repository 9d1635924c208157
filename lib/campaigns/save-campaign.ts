import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMids, campaignProducts, campaigns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { diffSnapshots, recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import type { CampaignDto } from "./campaign-dto";
import type { CampaignInput } from "./parse-campaign-forms";

export function createCampaign(db: Db, actor: Actor, input: CampaignInput): CampaignDto {
  assertCan(actor, "campaigns.write");
  const now = Date.now();
  return db.transaction((tx) => {
    const row = tx
      .insert(campaigns)
      .values({ ...input, status: "active", createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "campaign.create", entity: "campaign", entityId: row.id, after: { ...input } });
    return row;
  });
}

export function updateCampaign(db: Db, actor: Actor, campaignId: number, input: CampaignInput): CampaignDto {
  assertCan(actor, "campaigns.write");
  return db.transaction(
    (tx) => {
      const before = tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
      if (!before) throw new DomainError("That campaign no longer exists.");
      if (before.currency !== input.currency) {
        const hasMids = tx.select({ midId: campaignMids.midId }).from(campaignMids).where(eq(campaignMids.campaignId, campaignId)).get();
        const hasProducts = tx.select({ id: campaignProducts.id }).from(campaignProducts).where(eq(campaignProducts.campaignId, campaignId)).get();
        if (hasMids || hasProducts) {
          throw new DomainError("Check the highlighted fields.", {
            currency: "Currency cannot change once products or MIDs are attached; create a new campaign instead.",
          });
        }
      }
      const after = tx
        .update(campaigns)
        .set({ ...input, updatedAt: Date.now() })
        .where(eq(campaigns.id, campaignId))
        .returning()
        .get();
      const diff = diffSnapshots(
        { name: before.name, currency: before.currency, storeName: before.storeName, routingMode: before.routingMode, captureMode: before.captureMode },
        { ...input },
      );
      if (Object.keys(diff.after).length) recordAudit(tx, actor, { action: "campaign.update", entity: "campaign", entityId: campaignId, ...diff });
      return after;
    },
    { behavior: "immediate" },
  );
}

export function setCampaignArchived(db: Db, actor: Actor, campaignId: number, archived: boolean): CampaignDto {
  assertCan(actor, "campaigns.write");
  const status = archived ? "archived" : "active";
  return db.transaction((tx) => {
    const before = tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
    if (!before) throw new DomainError("That campaign no longer exists.");
    if (before.status === status) return before;
    const after = tx
      .update(campaigns)
      .set({ status, updatedAt: Date.now() })
      .where(and(eq(campaigns.id, campaignId)))
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: archived ? "campaign.archive" : "campaign.restore",
      entity: "campaign",
      entityId: campaignId,
      before: { status: before.status },
      after: { status },
    });
    return after;
  });
}
