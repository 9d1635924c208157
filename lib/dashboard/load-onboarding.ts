import { asc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiUsers, campaignMids, campaigns, mids, orders } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { can, type Permission } from "@/lib/auth/permissions";

export type OnboardingStep = {
  key: "mid" | "verify" | "campaign" | "assign" | "api_user" | "first_order";
  title: string;
  detail: string;
  done: boolean;
  /** Whether the signed-in role may do it; when not, the step names who can. */
  allowed: boolean;
  /** Where to do it; null when not allowed or while an earlier step it needs is undone. */
  href: string | null;
  whoCan: string;
};

const exists = async (db: Db, table: typeof mids | typeof campaigns | typeof campaignMids | typeof apiUsers | typeof orders) =>
  (
    await db
      .select({ one: sql<number>`1` })
      .from(table)
      .limit(1)
  )[0] !== undefined;

/**
 * The path from an empty install to a first order: add a MID, verify it with Amazon, create a
 * campaign, assign the MID, create the lander's API user, paste the lander snippet. Each step is
 * read from the data, so it ticks itself off however it was done. Links only where the role may act.
 */
export async function loadOnboarding(db: Db, actor: Actor): Promise<OnboardingStep[]> {
  assertCan(actor, "dashboard.read");
  const [firstMid] = await db.select({ id: mids.id }).from(mids).orderBy(asc(mids.id)).limit(1);
  const [firstCampaign] = await db.select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).limit(1);
  const verified =
    (
      await db
        .select({ one: sql<number>`1` })
        .from(mids)
        .where(sql`${mids.lastVerifyResult} like 'ACTIVE%'`)
        .limit(1)
    )[0] !== undefined;
  const step = (
    key: OnboardingStep["key"],
    title: string,
    detail: string,
    done: boolean,
    permission: Permission,
    href: string | null,
    whoCan: string,
  ): OnboardingStep => {
    const allowed = can(actor.role, permission);
    return { key, title, detail, done, allowed, href: allowed ? href : null, whoCan };
  };
  return [
    step(
      "mid",
      "Add an Amazon Pay MID",
      "Seller ID, MWS keys and Login with Amazon client, with its cap and fees.",
      firstMid !== undefined,
      "mids.write",
      "/mids/new",
      "an operator",
    ),
    step(
      "verify",
      "Verify its credentials",
      "One signed call to Amazon confirms the keys and the account's status.",
      verified,
      "mids.write",
      firstMid ? `/mids/${firstMid.id}` : null,
      "an operator",
    ),
    step(
      "campaign",
      "Create a campaign",
      "Its currency, products and when to capture.",
      firstCampaign !== undefined,
      "campaigns.write",
      "/campaigns/new",
      "a campaign manager",
    ),
    step(
      "assign",
      "Assign the MID to the campaign",
      "Routing picks among assigned MIDs with cap room.",
      await exists(db, campaignMids),
      "campaigns.write",
      firstCampaign ? `/campaigns/${firstCampaign.id}` : null,
      "a campaign manager",
    ),
    step(
      "api_user",
      "Create an API user for the lander",
      "The loginId and password the lander's server sends with each order.",
      await exists(db, apiUsers),
      "api_users.manage",
      "/settings/api-users",
      "an admin",
    ),
    step(
      "first_order",
      "Paste the lander snippet and take a first order",
      "The MID page has the snippet; Order Entry places a sandbox order by hand.",
      await exists(db, orders),
      "mids.read",
      firstMid ? `/mids/${firstMid.id}` : null,
      "an operator",
    ),
  ];
}
