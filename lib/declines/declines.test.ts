import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { classifyAuthorizationDecline, mapDecline } from "./map-decline";
import { listDeclineRules, resetDeclineRule, saveDeclineRule } from "./manage-decline-rules";
import { ForbiddenError } from "@/lib/auth/actor";

describe("decline mapping", () => {
  it("classifies Amazon reason codes, SoftDecline included", () => {
    expect(classifyAuthorizationDecline("InvalidPaymentMethod", true)).toBe("InvalidPaymentMethod:soft");
    expect(classifyAuthorizationDecline("InvalidPaymentMethod", false)).toBe("InvalidPaymentMethod:hard");
    expect(classifyAuthorizationDecline("AmazonRejected", null)).toBe("AmazonRejected");
    expect(classifyAuthorizationDecline("TransactionTimedOut", null)).toBe("TransactionTimedOut");
    expect(classifyAuthorizationDecline("SomethingNew", null)).toBe("ApiError");
  });

  it("uses the MID's rule, then the global rule, then the default", async () => {
    const { db, actorFor } = await createTestDb();
    const operator = await actorFor("operator");
    const mid = await createTestMid(db, operator);
    expect(await mapDecline(db, mid.id, "AmazonRejected")).toMatchObject({ kind: "hard", message: expect.stringContaining("could not accept") });
    await saveDeclineRule(db, operator, { midId: null, code: "AmazonRejected", kind: "soft", message: "Global message" });
    await saveDeclineRule(db, operator, { midId: null, code: "AmazonRejected", kind: "soft", message: "Global message, edited" });
    expect(await mapDecline(db, mid.id, "AmazonRejected")).toEqual({ reasonCode: "AmazonRejected", kind: "soft", message: "Global message, edited" });
    await saveDeclineRule(db, operator, { midId: mid.id, code: "AmazonRejected", kind: "hard", message: "MID message" });
    expect((await mapDecline(db, mid.id, "AmazonRejected")).message).toBe("MID message");
    expect((await listDeclineRules(db, operator, mid.id)).find((r) => r.code === "AmazonRejected")).toMatchObject({ isOverride: true, message: "MID message" });
    await resetDeclineRule(db, operator, mid.id, "AmazonRejected");
    expect((await mapDecline(db, mid.id, "AmazonRejected")).message).toBe("Global message, edited");
    expect((await listDeclineRules(db, operator, null)).filter((r) => r.code === "AmazonRejected")).toHaveLength(1);
  });

  it("validates and refuses roles that may not edit", async () => {
    const { db, actorFor } = await createTestDb();
    await expect(saveDeclineRule(db, await actorFor("operator"), { midId: null, code: "AmazonRejected", kind: "maybe", message: "" })).rejects.toThrow(
      expect.objectContaining({ fieldErrors: { kind: "Choose soft or hard.", message: "The customer-facing message is required." } }),
    );
    await expect(saveDeclineRule(db, await actorFor("support"), { midId: null, code: "AmazonRejected", kind: "soft", message: "x" })).rejects.toThrow(
      ForbiddenError,
    );
  });
});
