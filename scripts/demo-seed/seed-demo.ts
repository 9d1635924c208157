import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiUsers, campaignMids, campaigns, mids, orders, users } from "@/db/schema";
import type { Role } from "@/lib/values/roles";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/manage-users";
import { createMid } from "@/lib/mids/save-mid";
import type { MidInput } from "@/lib/mids/parse-mid-form";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { saveProduct } from "@/lib/campaigns/save-product";
import { saveAssignment } from "@/lib/campaigns/assign-mids";
import { createApiUser } from "@/lib/api-users/manage-api-users";
import { API_ENDPOINTS } from "@/lib/api-users/api-endpoints";
import { generateHistory } from "./generate-history";
import { seedNearCapOrders } from "./seed-demo-near-cap";
import { seedDemoSubscriptions } from "./seed-demo-recurring";

/** The demo's API user; its password is printed by `npm run demo` (demo only). */
export const DEMO_API_USER = { loginId: "demo-lander", password: "demo-lander-api-password-2026" };

/** Documented demo logins (README): one per role. Demo only — never use these anywhere real. */
export const DEMO_USERS: Array<{ email: string; name: string; role: Role; password: string }> = [
  { email: "admin@midconsole.test", name: "Ada Admin", role: "admin", password: "demo-admin-pass" },
  { email: "operator@midconsole.test", name: "Oscar Operator", role: "operator", password: "demo-operator-pass" },
  { email: "campaigns@midconsole.test", name: "Cam Manager", role: "campaign_manager", password: "demo-campaigns-pass" },
  { email: "support@midconsole.test", name: "Sam Support", role: "support", password: "demo-support-pass" },
];

/** Sandbox credentials the demo MIDs use; the demo starts the emulator with the same sellers. */
export type DemoSeller = { sellerId: string; accessKey: string; secretKey: string; clientId: string; clientSecret: string; region: "US" | "UK" | "DE" | "JP" };

export const DEMO_SELLERS: DemoSeller[] = [
  {
    sellerId: "A1DEMOUSMAIN01",
    accessKey: "AKIADEMOUSMAIN000001",
    secretKey: "demoSecretKeyUSmain0000000000000000000001",
    clientId: "amzn1.application-oa2-client.0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    clientSecret: "demo-client-secret-us-main-0001",
    region: "US",
  },
  {
    sellerId: "A1DEMOUSBACK02",
    accessKey: "AKIADEMOUSBACK000002",
    secretKey: "demoSecretKeyUSback0000000000000000000002",
    clientId: "amzn1.application-oa2-client.1a1b2c3d4e5f60718293a4b5c6d7e8f9",
    clientSecret: "demo-client-secret-us-back-0002",
    region: "US",
  },
  {
    sellerId: "A1DEMOUKGBP003",
    accessKey: "AKIADEMOUKGBP0000003",
    secretKey: "demoSecretKeyUKgbp00000000000000000000003",
    clientId: "amzn1.application-oa2-client.2a1b2c3d4e5f60718293a4b5c6d7e8f9",
    clientSecret: "demo-client-secret-uk-gbp-0003",
    region: "UK",
  },
  {
    sellerId: "A1DEMODEEUR004",
    accessKey: "AKIADEMODEEUR0000004",
    secretKey: "demoSecretKeyDEeur00000000000000000000004",
    clientId: "amzn1.application-oa2-client.3a1b2c3d4e5f60718293a4b5c6d7e8f9",
    clientSecret: "demo-client-secret-de-eur-0004",
    region: "DE",
  },
  // Known to the emulator but not seeded as a MID: for adding a MID by hand (README) and the e2e tests.
  {
    sellerId: "A1DEMOSPARE005",
    accessKey: "AKIADEMOSPARE0000005",
    secretKey: "demoSecretKeySpare0000000000000000000005",
    clientId: "amzn1.application-oa2-client.4a1b2c3d4e5f60718293a4b5c6d7e8f9",
    clientSecret: "demo-client-secret-spare-0005",
    region: "US",
  },
  // The promotion MID, seeded close to its monthly cap so the cap alert has something to show.
  {
    sellerId: "A1DEMOPROMO007",
    accessKey: "AKIADEMOPROMO0000007",
    secretKey: "demoSecretKeyPromo0000000000000000000007",
    clientId: "amzn1.application-oa2-client.6a1b2c3d4e5f60718293a4b5c6d7e8f9",
    clientSecret: "demo-client-secret-promo-0007",
    region: "US",
  },
];

/** The spare seller: the emulator knows it, no demo MID uses it (README: "Add a MID of your own"). */
export const DEMO_SPARE_SELLER = DEMO_SELLERS[4];
const PROMO_SELLER = DEMO_SELLERS[5];

/**
 * Another merchant's Amazon Pay account: known to the emulator, never a MID here, with its IPN URL
 * pointing at this app, as any merchant can point theirs at us. e2e/ipn-binding.spec.ts signs as it.
 */
export const DEMO_ATTACKER_SELLER: DemoSeller = {
  sellerId: "A1DEMOATTACK06",
  accessKey: "AKIADEMOATTACK000006",
  secretKey: "demoSecretKeyAttacker00000000000000000006",
  clientId: "amzn1.application-oa2-client.5a1b2c3d4e5f60718293a4b5c6d7e8f9",
  clientSecret: "demo-client-secret-attacker-0006",
  region: "US",
};

const DEMO_MIDS: Array<Omit<MidInput, "merchantId" | "accessKey" | "secretKey" | "clientId" | "clientSecret" | "region"> & { seller: DemoSeller }> = [
  {
    seller: DEMO_SELLERS[0],
    title: "Amazon Pay US — Main",
    midNumber: "US-001",
    mwsAuthToken: undefined,
    currency: "USD",
    testMode: true,
    descriptor: "AMZ*GLOWSKIN",
    customerServicePhone: "+1 800 555 0100",
    customerServiceEmail: "help@glowskin.test",
    monthlyCapMinor: 5_000_000,
    capCountsRefunds: true,
    capAlertPercent: 80,
    discountRateBps: 290,
    reserveRateBps: 500,
    transactionFeeMinor: 30,
    chargebackFeeMinor: 2000,
    enabled: true,
  },
  {
    seller: DEMO_SELLERS[1],
    title: "Amazon Pay US — Backup",
    midNumber: "US-002",
    mwsAuthToken: undefined,
    currency: "USD",
    testMode: true,
    descriptor: "AMZ*GLOWLABS",
    customerServicePhone: "+1 800 555 0101",
    customerServiceEmail: null,
    monthlyCapMinor: 2_500_000,
    capCountsRefunds: false,
    capAlertPercent: 75,
    discountRateBps: 310,
    reserveRateBps: 1000,
    transactionFeeMinor: 30,
    chargebackFeeMinor: 2500,
    enabled: true,
  },
  {
    seller: DEMO_SELLERS[2],
    title: "Amazon Pay UK",
    midNumber: "UK-001",
    mwsAuthToken: undefined,
    currency: "GBP",
    testMode: true,
    descriptor: "AMZ*GLOWSKIN UK",
    customerServicePhone: "+44 20 7946 0100",
    customerServiceEmail: "help@glowskin.test",
    monthlyCapMinor: 3_000_000,
    capCountsRefunds: true,
    capAlertPercent: 80,
    discountRateBps: 270,
    reserveRateBps: 500,
    transactionFeeMinor: 20,
    chargebackFeeMinor: 1500,
    enabled: true,
  },
  {
    seller: DEMO_SELLERS[3],
    title: "Amazon Pay DE",
    midNumber: "DE-001",
    mwsAuthToken: undefined,
    currency: "EUR",
    testMode: true,
    descriptor: "AMZ*GLOWSKIN DE",
    customerServicePhone: "+49 30 901820",
    customerServiceEmail: null,
    monthlyCapMinor: 2_000_000,
    capCountsRefunds: false,
    capAlertPercent: 90,
    discountRateBps: 280,
    reserveRateBps: 0,
    transactionFeeMinor: 25,
    chargebackFeeMinor: 1500,
    enabled: false,
  },
  {
    seller: PROMO_SELLER,
    title: "Amazon Pay US — Promo",
    midNumber: "US-003",
    mwsAuthToken: undefined,
    currency: "USD",
    testMode: true,
    descriptor: "AMZ*GLOWPROMO",
    customerServicePhone: "+1 800 555 0102",
    customerServiceEmail: "help@glowskin.test",
    monthlyCapMinor: 150_000,
    capCountsRefunds: true,
    capAlertPercent: 80,
    discountRateBps: 320,
    reserveRateBps: 1000,
    transactionFeeMinor: 30,
    chargebackFeeMinor: 2500,
    enabled: true,
  },
];

/**
 * Idempotent: creates what is missing, leaves what exists alone. With `history` (default) an
 * empty database also gets four weeks of past orders so every screen has something to show.
 */
export async function seedDemo(db: Db, options: { history?: boolean } = {}): Promise<void> {
  for (const demo of DEMO_USERS) {
    const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.email, demo.email));
    if (!exists) await createUser(db, null, demo);
  }
  const [admin] = await db.select().from(users).where(eq(users.email, DEMO_USERS[0].email));
  if (!admin) throw new Error("demo admin missing after seeding");
  const actor: Actor = { userId: admin.id, email: admin.email, name: admin.name, role: "admin", ip: "127.0.0.1" };
  for (const { seller, ...mid } of DEMO_MIDS) {
    const [exists] = await db.select({ id: mids.id }).from(mids).where(eq(mids.merchantId, seller.sellerId));
    if (exists) continue;
    await createMid(db, actor, {
      ...mid,
      merchantId: seller.sellerId,
      accessKey: seller.accessKey,
      secretKey: seller.secretKey,
      clientId: seller.clientId,
      clientSecret: seller.clientSecret,
      region: seller.region,
    });
  }
  await seedDemoCampaigns(db, actor);
  if (!(await db.select({ id: apiUsers.id }).from(apiUsers).where(eq(apiUsers.loginId, DEMO_API_USER.loginId)))[0]) {
    await createApiUser(
      db,
      actor,
      { loginId: DEMO_API_USER.loginId, name: "Demo lander", endpoints: API_ENDPOINTS.map((e) => e.id), ips: "" },
      DEMO_API_USER.password,
    );
  }
  const seedHistory = (options.history ?? true) && !(await db.select({ id: orders.id }).from(orders).limit(1))[0];
  if (seedHistory) await generateHistory(db, { orders: 600, days: 28, seed: 7 });
  await seedDemoCampaigns(db, actor, CAPTURE_LATER_CAMPAIGNS);
  // Routed last, after the history, so the generated orders stay what they were without it.
  const [promo] = await db.select({ id: mids.id }).from(mids).where(eq(mids.merchantId, PROMO_SELLER.sellerId));
  const [usCampaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.name, DEMO_CAMPAIGNS[0].name));
  if (
    promo &&
    usCampaign &&
    !(
      await db
        .select()
        .from(campaignMids)
        .where(and(eq(campaignMids.campaignId, usCampaign.id), eq(campaignMids.midId, promo.id)))
    )[0]
  ) {
    await saveAssignment(db, actor, usCampaign.id, promo.id, { priority: 3, weight: 100, enabled: true });
  }
  if (seedHistory && promo) {
    const [main] = await db.select({ id: mids.id }).from(mids).where(eq(mids.merchantId, DEMO_SELLERS[0].sellerId));
    await seedNearCapOrders(db, promo.id, { percent: 88, firstSerial: 1 });
    if (main) await seedDemoSubscriptions(db, main.id, { firstSerial: 900 });
  }
}

type DemoCampaign = {
  name: string;
  currency: "USD" | "GBP";
  storeName: string;
  routingMode: "priority" | "weighted";
  captureMode?: "sale" | "authorize";
  sellers: string[];
  products: Array<Record<string, string>>;
};

const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    name: "GlowSkin Serum — US",
    currency: "USD",
    storeName: "GlowSkin",
    routingMode: "priority",
    sellers: ["A1DEMOUSMAIN01", "A1DEMOUSBACK02"],
    products: [
      { name: "Vitamin C Serum", sku: "GS-SERUM-30", price: "39.95", shipping: "4.95", billing_type: "one_time" },
      { name: "Eye Cream (upsell)", sku: "GS-EYE-15", price: "24.00", shipping: "0", billing_type: "one_time" },
      {
        name: "Serum Club — monthly",
        sku: "GS-CLUB-M",
        price: "4.95",
        shipping: "0",
        billing_type: "recurring",
        cycle_days: "30",
        rebill_price: "34.95",
        trial_days: "14",
      },
    ],
  },
  {
    name: "GlowSkin Serum — UK",
    currency: "GBP",
    storeName: "GlowSkin UK",
    routingMode: "weighted",
    sellers: ["A1DEMOUKGBP003"],
    products: [{ name: "Vitamin C Serum", sku: "GS-SERUM-30-UK", price: "32.00", shipping: "3.50", billing_type: "one_time" }],
  },
];

/**
 * Seeded after the history, so the generated past orders (which other tests count) stay exactly
 * what they were before this campaign existed. Its orders are authorized only, and captured or
 * voided from the order page.
 */
const CAPTURE_LATER_CAMPAIGNS: DemoCampaign[] = [
  {
    name: "GlowSkin Serum — US ship then capture",
    currency: "USD",
    storeName: "GlowSkin",
    routingMode: "priority",
    captureMode: "authorize",
    sellers: ["A1DEMOUSMAIN01"],
    products: [{ name: "Vitamin C Serum (capture on shipment)", sku: "GS-SERUM-30-SHIP", price: "39.95", shipping: "4.95", billing_type: "one_time" }],
  },
];

async function seedDemoCampaigns(db: Db, actor: Actor, list: DemoCampaign[] = DEMO_CAMPAIGNS): Promise<void> {
  for (const demo of list) {
    if ((await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.name, demo.name)))[0]) continue;
    const campaign = await createCampaign(db, actor, {
      name: demo.name,
      currency: demo.currency,
      storeName: demo.storeName,
      routingMode: demo.routingMode,
      captureMode: demo.captureMode ?? "sale",
    });
    for (const product of demo.products) await saveProduct(db, actor, campaign.id, product);
    for (const [index, sellerId] of demo.sellers.entries()) {
      const [mid] = await db.select({ id: mids.id }).from(mids).where(eq(mids.merchantId, sellerId));
      if (mid) await saveAssignment(db, actor, campaign.id, mid.id, { priority: index + 1, weight: 100, enabled: true });
    }
  }
}
