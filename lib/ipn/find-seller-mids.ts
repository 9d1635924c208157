import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { mids } from "@/db/schema";

export type SellerMid = { id: number; testMode: boolean };

/** Every MID configured with this Seller ID (several may share one, e.g. one per currency). */
export async function findSellerMids(tx: Tx, sellerId: string): Promise<SellerMid[]> {
  return await tx.select({ id: mids.id, testMode: mids.testMode }).from(mids).where(eq(mids.merchantId, sellerId));
}

/** Why a verified notification of a Seller ID we have no MID for changes nothing (receipt and replay say the same). */
export function describeUnknownSeller(sellerId: string): string {
  return `unknown seller ${sellerId}: no MID has this Seller ID`;
}
