import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mids } from "@/db/schema";
import { seedDemo } from "@/scripts/demo-seed/seed-demo";

/** A buyer's finished Amazon checkout: what a landing page would send to Import Order. */
export type Checkout = { amazonOrderReferenceId: string; accessToken: string };

async function createCheckout(sandboxUrl: string, sellerId: string, n: number): Promise<Checkout> {
  const response = await fetch(`${sandboxUrl}/_sandbox/checkouts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    // A buyer with name and email, so neither the app nor the floor needs a Login with Amazon profile call.
    body: JSON.stringify({ sellerId, type: "OrderReference", buyer: { name: `Bench Buyer ${n}`, email: `bench${n}@example.com` } }),
  });
  if (response.status !== 201) throw new Error(`creating a sandbox checkout failed: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Checkout;
}

/** Creates `count` fresh checkouts (an order reference can be charged once), 8 at a time. */
export async function createCheckouts(sandboxUrl: string, sellerId: string, count: number): Promise<Checkout[]> {
  const checkouts: Checkout[] = new Array<Checkout>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const i = next++;
        checkouts[i] = await createCheckout(sandboxUrl, sellerId, i);
      }
    }),
  );
  return checkouts;
}

/** The Import Order form for campaign 1 / product 1 / MID 1 of the demo data. */
export function importOrderBody(checkout: Checkout, credentials: { loginId: string; password: string }, n: number): string {
  return new URLSearchParams({
    loginId: credentials.loginId,
    password: credentials.password,
    campaignId: "1",
    product1_id: "1",
    product1_qty: "1",
    amazonBillerId: "1",
    paySource: "AMAZON",
    amazonOrderId: checkout.amazonOrderReferenceId,
    amazonAddressConsent: checkout.accessToken,
    firstName: "Bench",
    lastName: `Buyer${n}`,
    emailAddress: `bench${n}@example.com`,
    phoneNumber: "+1 206 555 0100",
    address1: "410 Terry Ave N",
    city: "Seattle",
    state: "WA",
    postalCode: "98109",
    country: "US",
    ipAddress: "203.0.113.10",
  }).toString();
}

/**
 * A bench database: the demo configuration (no history) with the seller's MID cap lifted, since
 * MID 1's 50,000.00 USD monthly cap would end a run after ~1,100 orders of 44.90.
 */
export async function seedBenchDemo(db: Db, sellerId: string): Promise<void> {
  await seedDemo(db, { history: false });
  const lifted = await db.update(mids).set({ monthlyCapMinor: 10_000_000_000 }).where(eq(mids.merchantId, sellerId)).returning({ id: mids.id });
  if (lifted.length === 0) throw new Error(`the demo MID of seller ${sellerId} is missing from the bench database`);
}
