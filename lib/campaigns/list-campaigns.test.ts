import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { setMidEnabled } from "@/lib/mids/save-mid";
import { createCampaign } from "./save-campaign";
import { saveProduct } from "./save-product";
import { saveAssignment } from "./assign-mids";
import { listCampaigns } from "./list-campaigns";

describe("listCampaigns", () => {
  it("counts each campaign's own products and MIDs, whatever the ids of the rows", async () => {
    const { db, actorFor } = await createTestDb();
    const admin = await actorFor("admin");
    const [a, b] = [await createTestMid(db, admin), await createTestMid(db, admin)];
    const first = await createCampaign(db, admin, { name: "First", currency: "USD", storeName: "S", routingMode: "priority", captureMode: "sale" });
    const second = await createCampaign(db, admin, { name: "Second", currency: "USD", storeName: "S", routingMode: "priority", captureMode: "authorize" });
    for (const sku of ["A", "B", "C"]) await saveProduct(db, admin, first.id, { name: sku, sku, price: "1.00", shipping: "0", billing_type: "one_time" });
    await saveProduct(db, admin, second.id, { name: "D", sku: "D", price: "1.00", shipping: "0", billing_type: "one_time" });
    await saveAssignment(db, admin, first.id, a.id, { priority: 1, weight: 100, enabled: true });
    await saveAssignment(db, admin, first.id, b.id, { priority: 2, weight: 100, enabled: true });
    await saveAssignment(db, admin, second.id, b.id, { priority: 1, weight: 100, enabled: true });
    await setMidEnabled(db, admin, a.id, false);

    const rows = await listCampaigns(db, admin);
    expect(rows.find((c) => c.id === first.id)).toMatchObject({ productCount: 3, midCount: 2, enabledMidCount: 1, captureMode: "sale" });
    expect(rows.find((c) => c.id === second.id)).toMatchObject({ productCount: 1, midCount: 1, enabledMidCount: 1, captureMode: "authorize" });
  });
});
