import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, mids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";

/** Names (and currencies, which a chosen MID or campaign pins) for the MID and campaign filters: every role that reads transactions may see these. */
export async function listFilterOptions(db: Db, actor: Actor) {
  assertCan(actor, "transactions.read");
  return {
    mids: await db.select({ id: mids.id, title: mids.title, currency: mids.currency }).from(mids).orderBy(asc(mids.id)),
    campaigns: await db.select({ id: campaigns.id, name: campaigns.name, currency: campaigns.currency }).from(campaigns).orderBy(asc(campaigns.id)),
  };
}
