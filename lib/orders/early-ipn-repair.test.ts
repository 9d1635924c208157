import { engineOf, executeSql } from "@/db/client";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { midMonthlyUsage, orders, transactions } from "@/db/schema";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { saveProduct } from "@/lib/campaigns/save-product";
import { saveAssignment } from "@/lib/campaigns/assign-mids";
import { monthKey } from "@/lib/money/calendar";
import { startPipelineFixture } from "@/lib/testing/pipeline-fixture";
import { importOrder } from "./import-order";
import { parseImportOrderFields } from "./import-order-input";
import { reconcilePendingOrders } from "./reconcile-pending-orders";
import { refundOrder } from "./refund-order";

type Fixture = Awaited<ReturnType<typeof startPipelineFixture>>;
let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/**
 * The repair statements exactly as SQLite's migration 0005 ships them. PostgreSQL databases start
 * from a baseline made after that repair, so it never ships there; its statements are plain SQL
 * but for SQLite's backtick quoting, so PostgreSQL runs them with double quotes instead: the
 * repaired rows must then finish the same way through PostgreSQL's reconciler and refunds.
 */
function readRepairStatements(engine: "sqlite" | "postgres"): string[] {
  const migration = readFileSync(path.resolve("db/migrations/0005_security_hardening.sql"), "utf8");
  return migration
    .slice(migration.indexOf("-- One-time repair"))
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((statement) => (engine === "postgres" ? statement.replaceAll("`", '"') : statement));
}

async function placeOrder(f: Fixture, campaignId: number, productId: number): Promise<number> {
  const { amazonOrderId, accessToken } = await f.checkout();
  const answer = await importOrder(
    f.db,
    parseImportOrderFields({
      campaignId: String(campaignId),
      product1_id: String(productId),
      amazonBillerId: String(f.mid.id),
      amazonOrderId,
      amazonAddressConsent: accessToken,
    }),
    "api",
  );
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result.orderId;
}

const chargeOf = async (f: Fixture, orderId: number) =>
  (await f.db.select().from(transactions).where(eq(transactions.orderId, orderId)).orderBy(transactions.id))[0];
const statusOf = async (f: Fixture, orderId: number) => (await f.db.select().from(orders).where(eq(orders.id, orderId)))[0]?.status;
const usageOf = async (f: Fixture) =>
  (
    await f.db
      .select()
      .from(midMonthlyUsage)
      .where(and(eq(midMonthlyUsage.midId, f.mid.id), eq(midMonthlyUsage.month, monthKey(new Date()))))
  )[0];

it("migration 0005's repair puts sales finished as AUTHORIZED back to PENDING, and the reconciler finishes them captured and refundable, counted once", async () => {
  fixture = await startPipelineFixture({ ipn: false });
  const f = fixture;
  const later = await createCampaign(f.db, f.actor, {
    name: "Ship then capture",
    currency: "USD",
    storeName: "Pipeline Store",
    routingMode: "priority",
    captureMode: "authorize",
  });
  const laterProduct = await saveProduct(f.db, f.actor, later.id, {
    name: "Serum",
    sku: "SERUM-SHIP",
    price: "39.95",
    shipping: "5.00",
    billing_type: "one_time",
  });
  await saveAssignment(f.db, f.actor, later.id, f.mid.id, { priority: 1, weight: 100, enabled: true });

  const [afterCaptureIpn, afterOpenIpn, untouched] = [
    await placeOrder(f, f.campaign.id, f.oneTime.id),
    await placeOrder(f, f.campaign.id, f.oneTime.id),
    await placeOrder(f, f.campaign.id, f.oneTime.id),
  ];
  const authorized = await placeOrder(f, later.id, laterProduct.id);
  const captureIds = new Map(await Promise.all([afterCaptureIpn, afterOpenIpn].map(async (id) => [id, (await chargeOf(f, id))?.amazonCaptureId] as const)));

  // The shape the early "Open" IPN left behind: SUCCESS without a capture id, the order
  // AUTHORIZED, the reservation never settled; amazon_state is whatever IPN came last.
  for (const [orderId, amazonState] of [
    [afterCaptureIpn, "Completed"],
    [afterOpenIpn, "Open"],
  ] as const) {
    const charge = await chargeOf(f, orderId);
    if (!charge) throw new Error("no charge");
    await f.db.update(transactions).set({ amazonCaptureId: null, amazonState, reasonCode: null }).where(eq(transactions.id, charge.id));
    await f.db.update(orders).set({ status: "AUTHORIZED" }).where(eq(orders.id, orderId));
    await f.db
      .update(midMonthlyUsage)
      .set({
        capturedMinor: sql`${midMonthlyUsage.capturedMinor} - ${charge.amountMinor}`,
        reservedMinor: sql`${midMonthlyUsage.reservedMinor} + ${charge.amountMinor}`,
      })
      .where(eq(midMonthlyUsage.midId, f.mid.id));
  }
  expect(await usageOf(f)).toMatchObject({ capturedMinor: 4495, reservedMinor: 3 * 4495 });

  for (const statement of readRepairStatements(engineOf(f.db))) await executeSql(f.db, sql.raw(statement));
  expect(
    await Promise.all([afterCaptureIpn, afterOpenIpn, untouched, authorized].map(async (id) => [await statusOf(f, id), (await chargeOf(f, id))?.status])),
  ).toEqual([
    ["PENDING", "PENDING"],
    ["PENDING", "PENDING"],
    ["COMPLETE", "SUCCESS"],
    ["AUTHORIZED", "SUCCESS"],
  ]);

  expect(await reconcilePendingOrders(f.db, { olderThanMs: 0 })).toEqual({ checked: 2, finished: 2, stillPending: 0 });
  for (const orderId of [afterCaptureIpn, afterOpenIpn]) {
    expect(await statusOf(f, orderId)).toBe("COMPLETE");
    expect(await chargeOf(f, orderId)).toMatchObject({ status: "SUCCESS", amazonCaptureId: captureIds.get(orderId) });
  }
  expect(await usageOf(f)).toMatchObject({ capturedMinor: 3 * 4495, reservedMinor: 4495 });
  expect(await statusOf(f, authorized)).toBe("AUTHORIZED");
  expect(await reconcilePendingOrders(f.db, { olderThanMs: 0 })).toMatchObject({ checked: 0 });

  for (const orderId of [afterCaptureIpn, afterOpenIpn]) {
    expect((await refundOrder(f.db, f.actor, { orderId, reason: "Returned" })).status).toBe("PENDING");
    await expect(refundOrder(f.db, f.actor, { orderId, reason: "Again" })).rejects.toThrow("Check the highlighted fields.");
  }
  expect(await usageOf(f)).toMatchObject({ capturedMinor: 3 * 4495 });
});
