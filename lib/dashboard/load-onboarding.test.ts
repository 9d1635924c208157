import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { saveAssignment } from "@/lib/campaigns/assign-mids";
import { createApiUser } from "@/lib/api-users/manage-api-users";
import { loadOnboarding } from "./load-onboarding";

const doneKeys = (steps: Awaited<ReturnType<typeof loadOnboarding>>) => steps.filter((s) => s.done).map((s) => s.key);

describe("loadOnboarding", () => {
  it("ticks off each step as it is done, whoever does it", async () => {
    const { db, actorFor } = await createTestDb();
    const admin = await actorFor("admin");
    expect(doneKeys(await loadOnboarding(db, admin))).toEqual([]);
    const mid = await createTestMid(db, admin);
    expect(doneKeys(await loadOnboarding(db, admin))).toEqual(["mid"]); // added, not verified
    const campaign = await createCampaign(db, admin, { name: "C", currency: "USD", storeName: "S", routingMode: "priority", captureMode: "sale" });
    await saveAssignment(db, admin, campaign.id, mid.id, { priority: 1, weight: 100, enabled: true });
    await createApiUser(db, admin, { loginId: "lander", name: "Lander", endpoints: ["order.import"], ips: "" });
    expect(doneKeys(await loadOnboarding(db, admin))).toEqual(["mid", "campaign", "assign", "api_user"]);
    expect((await loadOnboarding(db, admin)).find((s) => s.key === "verify")?.href).toBe(`/mids/${mid.id}`);
  });

  it("links only to what the role may do and names who can do the rest", async () => {
    const { db, actorFor } = await createTestDb();
    const steps = await loadOnboarding(db, await actorFor("support"));
    expect(steps.every((s) => s.href === null && !s.allowed)).toBe(true);
    expect(steps.find((s) => s.key === "api_user")?.whoCan).toBe("an admin");
    const manager = await loadOnboarding(db, await actorFor("campaign_manager"));
    expect(manager.find((s) => s.key === "campaign")?.href).toBe("/campaigns/new");
    expect(manager.find((s) => s.key === "mid")).toMatchObject({ allowed: false, href: null });
    // Allowed, but it needs a campaign first.
    expect(manager.find((s) => s.key === "assign")).toMatchObject({ allowed: true, href: null });
  });
});
