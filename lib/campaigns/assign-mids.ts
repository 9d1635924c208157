import { and, eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { campaignMids, campaigns, mids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import type { AssignmentInput } from "./parse-campaign-forms";

/** Adds a MID to a campaign or updates its priority, weight and switch. */
export async function saveAssignment(db: Db, actor: Actor, campaignId: number, midId: number, input: AssignmentInput): Promise<void> {
  assertCan(actor, "campaigns.write");
  await runTransaction(db, async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!campaign) throw new DomainError("That campaign no longer exists.");
    const [mid] = await tx.select().from(mids).where(eq(mids.id, midId));
    if (!mid) throw new DomainError("Check the highlighted fields.", { mid_id: "Choose a MID." });
    if (mid.currency !== campaign.currency) {
      throw new DomainError("Check the highlighted fields.", { mid_id: `${mid.title} takes ${mid.currency}; this campaign sells in ${campaign.currency}.` });
    }
    const where = and(eq(campaignMids.campaignId, campaignId), eq(campaignMids.midId, midId));
    const [before] = await tx.select().from(campaignMids).where(where);
    if (before) await tx.update(campaignMids).set(input).where(where);
    else await tx.insert(campaignMids).values({ campaignId, midId, ...input });
    await recordAudit(tx, actor, {
      action: before ? "campaign.mid.update" : "campaign.mid.assign",
      entity: "campaign",
      entityId: campaignId,
      before: before ? { mid: midId, priority: before.priority, weight: before.weight, enabled: before.enabled } : null,
      after: { mid: midId, ...input },
    });
  });
}

export async function removeAssignment(db: Db, actor: Actor, campaignId: number, midId: number): Promise<void> {
  assertCan(actor, "campaigns.write");
  await runTransaction(db, async (tx) => {
    const where = and(eq(campaignMids.campaignId, campaignId), eq(campaignMids.midId, midId));
    const [before] = await tx.select().from(campaignMids).where(where);
    if (!before) return;
    await tx.delete(campaignMids).where(where);
    await recordAudit(tx, actor, {
      action: "campaign.mid.remove",
      entity: "campaign",
      entityId: campaignId,
      before: { mid: midId, priority: before.priority, weight: before.weight },
    });
  });
}
