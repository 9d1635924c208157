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
  /** Where to do it; null when the signed-in role may not (the step then names who can). */
  href: string | null;
  whoCan: string;
};

const exists = (db: Db, table: typeof mids | typeof campaigns | typeof campaignMids | typeof apiUsers | typeof orders) =>
  db.select({ one: sql<number>`1` }).from(table).limit(1).get() !== undefined;

/**
 * The path from an empty install to a first order: add a MID, verify it with Amazon, create a
 * campaign, assign the MID, create the lander's API user, paste the lander snippet. Each step is
 * read from the data, so it ticks itself off however it was done. Links only where the role may act.
 */
export function loadOnboarding(db: Db, actor: Actor): OnboardingStep[] {
  assertCan(actor, "dashboard.read");
  const firstMid = db.select({ id: mids.id }).from(mids).orderBy(asc(mids.id)).limit(1).get();
  const firstCampaign = db.select({ id: campaigns.id }).from(campaigns).orderBy(asc(campaigns.id)).limit(1).get();
  const verified = db.select({ one: sql<number>`1` }).from(mids).where(sql`${mids.lastVerifyResult} like 'ACTIVE%'`).limit(1).get() !== undefined;
  const linkIf = (permission: Permission, href: string) => (can(actor.role, permission) ? href : null);
  return [
    { key: "mid", title: "Add an Amazon Pay MID", detail: "Seller ID, MWS keys and Login with Amazon client, with its cap and fees.", done: firstMid !== undefined, href: linkIf("mids.write", "/mids/new"), whoCan: "an operator" },
    { key: "verify", title: "Verify its credentials", detail: "One signed call to Amazon confirms the keys and the account's status.", done: verified, href: firstMid ? linkIf("mids.write", `/mids/${firstMid.id}`) : null, whoCan: "an operator" },
    { key: "campaign", title: "Create a campaign", detail: "Its currency, products and when to capture.", done: firstCampaign !== undefined, href: linkIf("campaigns.write", "/campaigns/new"), whoCan: "a campaign manager" },
    { key: "assign", title: "Assign the MID to the campaign", detail: "Routing picks among assigned MIDs with cap room.", done: exists(db, campaignMids), href: firstCampaign ? linkIf("campaigns.write", `/campaigns/${firstCampaign.id}`) : null, whoCan: "a campaign manager" },
    { key: "api_user", title: "Create an API user for the lander", detail: "The loginId and password the lander's server sends with each order.", done: exists(db, apiUsers), href: linkIf("api_users.manage", "/settings/api-users"), whoCan: "an admin" },
    { key: "first_order", title: "Paste the lander snippet and take a first order", detail: "The MID page has the snippet; Order Entry places a sandbox order by hand.", done: exists(db, orders), href: firstMid ? linkIf("mids.read", `/mids/${firstMid.id}`) : null, whoCan: "an operator" },
  ];
}
