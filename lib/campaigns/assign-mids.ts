import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMids, campaigns, mids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import type { AssignmentInput } from "./parse-campaign-forms";

/** Adds a MID to a campaign or updates its priority, weight and switch. */
export function saveAssignment(db: Db, actor: Actor, campaignId: number, midId: number, input: AssignmentInput): void {
  assertCan(actor, "campaigns.write");
  db.transaction(
    (tx) => {
      const campaign = tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
      if (!campaign) throw new DomainError("That campaign no longer exists.");
      const mid = tx.select().from(mids).where(eq(mids.id, midId)).get();
      if (!mid) throw new DomainError("Check the highlighted fields.", { mid_id: "Choose a MID." });
      if (mid.currency !== campaign.currency) {
        throw new DomainError("Check the highlighted fields.", { mid_id: `${mid.title} takes ${mid.currency}; this campaign sells in ${campaign.currency}.` });
      }
      const where = and(eq(campaignMids.campaignId, campaignId), eq(campaignMids.midId, midId));
      const before = tx.select().from(campaignMids).where(where).get();
      if (before) tx.update(campaignMids).set(input).where(where).run();
      else
        tx.insert(campaignMids)
          .values({ campaignId, midId, ...input })
          .run();
      recordAudit(tx, actor, {
        action: before ? "campaign.mid.update" : "campaign.mid.assign",
        entity: "campaign",
        entityId: campaignId,
        before: before ? { mid: midId, priority: before.priority, weight: before.weight, enabled: before.enabled } : null,
        after: { mid: midId, ...input },
      });
    },
    { behavior: "immediate" },
  );
}

export function removeAssignment(db: Db, actor: Actor, campaignId: number, midId: number): void {
  assertCan(actor, "campaigns.write");
  db.transaction((tx) => {
    const where = and(eq(campaignMids.campaignId, campaignId), eq(campaignMids.midId, midId));
    const before = tx.select().from(campaignMids).where(where).get();
    if (!before) return;
    tx.delete(campaignMids).where(where).run();
    recordAudit(tx, actor, {
      action: "campaign.mid.remove",
      entity: "campaign",
      entityId: campaignId,
      before: { mid: midId, priority: before.priority, weight: before.weight },
    });
  });
}
