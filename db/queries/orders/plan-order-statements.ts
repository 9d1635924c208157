import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../client";
import { campaignMids, campaignProducts, campaigns, mids } from "../../schema";
import { param, preparedStatement } from "../prepared-statement";
import type { CampaignMidRow, CampaignProductRow, CampaignRow, MidRow } from "../rows";

/* The reads that price an order and check its campaign and MID (lib/orders/plan-order.ts), prepared once. */

const selectCampaign = preparedStatement((db) =>
  db
    .select()
    .from(campaigns)
    .where(eq(campaigns.id, param("id"))),
);
const selectActiveProduct = preparedStatement((db) =>
  db
    .select()
    .from(campaignProducts)
    .where(and(eq(campaignProducts.campaignId, param("campaignId")), eq(campaignProducts.id, param("productId")), isNull(campaignProducts.archivedAt))),
);
const selectMid = preparedStatement((db) =>
  db
    .select()
    .from(mids)
    .where(eq(mids.id, param("id"))),
);
const selectAssignment = preparedStatement((db) =>
  db
    .select()
    .from(campaignMids)
    .where(and(eq(campaignMids.campaignId, param("campaignId")), eq(campaignMids.midId, param("midId")))),
);

export async function findCampaignForOrder(db: Db, id: number): Promise<CampaignRow | undefined> {
  return (await selectCampaign(db, { id }))[0];
}

/** A product of the campaign that is not archived. */
export async function findActiveCampaignProduct(db: Db, campaignId: number, productId: number): Promise<CampaignProductRow | undefined> {
  return (await selectActiveProduct(db, { campaignId, productId }))[0];
}

export async function findMidForOrder(db: Db, id: number): Promise<MidRow | undefined> {
  return (await selectMid(db, { id }))[0];
}

/** The MID's assignment to the campaign, if it has one. */
export async function findCampaignMid(db: Db, campaignId: number, midId: number): Promise<CampaignMidRow | undefined> {
  return (await selectAssignment(db, { campaignId, midId }))[0];
}
