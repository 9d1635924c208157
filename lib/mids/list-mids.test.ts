import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { listMids } from "./list-mids";

describe("the MIDs list's search", () => {
  let db: Db;
  let admin: Actor;
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    const created = await createTestDb();
    db = created.db;
    admin = await created.actorFor("admin");
    ids.north = (await createTestMid(db, admin, { title: "Brand North", merchant_id: "A1NORTHSELLER9", mid_number: "MID-4471" })).id;
    ids.south = (await createTestMid(db, admin, { title: "Brand_South 100%", merchant_id: "A2SOUTHSELLER7", descriptor: "AMZ*SOUTHWEAR" })).id;
  });

  const found = async (q: string) => (await listMids(db, admin, { q })).map((m) => m.id);

  it("finds a title, Seller ID, MID number or descriptor fragment in any case", async () => {
    expect(await found("north")).toEqual([ids.north]);
    expect(await found("BRAND")).toEqual([ids.north, ids.south]);
    expect(await found("a1northseller")).toEqual([ids.north]);
    expect(await found("mid-44")).toEqual([ids.north]);
    expect(await found("southwear")).toEqual([ids.south]);
  });

  it("takes LIKE wildcards literally", async () => {
    expect(await found("brand_")).toEqual([ids.south]);
    expect(await found("100%")).toEqual([ids.south]);
    expect(await found("d%s")).toEqual([]);
  });

  it("finds a MID by its number, and takes a long number as text rather than an id", async () => {
    expect(await found(String(ids.south))).toEqual([ids.south]);
    expect(await found("4155550199")).toEqual([]);
  });
});
