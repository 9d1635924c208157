import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sqliteClientOf, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { selectsPostgres } from "@/db/target";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { listOrders } from "@/lib/orders/list-orders";
import { listTransactions } from "@/lib/transactions/list-transactions";
import { listCustomers } from "@/lib/customers/list-customers";
import { parseSearchQuery } from "./parse-search-query";
import { searchEverything } from "./search-everything";
import { rebuildSearchIndex } from "./rebuild-search-index";
import { SEARCH_COUNT_CAP } from "./count-matches-up-to";
import { summarizeTransactions } from "@/lib/transactions/summarize-transactions";

type Buyer = { email: string; first: string; last: string; phone: string; oro: string };

const BUYERS: Buyer[] = [
  { email: "jane.doe@example.com", first: "Jane", last: "Doe", phone: "+1 (415) 555-0199", oro: "S01-1234567-7654321" },
  { email: "x_y@example.com", first: "Xavier", last: "Young", phone: "5550123", oro: "P01-2222222-3333333" },
  { email: "xzy@example.com", first: "Percy", last: "Fifty%Off", phone: "5550456", oro: "S01-9999999-1111111" },
];

const engine = selectsPostgres() ? "postgres" : "sqlite";

describe("search (SQLite's FTS5 index, PostgreSQL's trigram index)", () => {
  let db: Db;
  let admin: Actor;
  let support: Actor;
  let midId: number;
  const orderIds: Record<string, number> = {};
  const transactionIds: Record<string, number> = {};

  const insertBuyer = async (b: Buyer) => {
    const now = Date.now();
    const [customer] = await db
      .insert(schema.customers)
      .values({ email: b.email, firstName: b.first, lastName: b.last, phone: b.phone, createdAt: now, updatedAt: now })
      .returning({ id: schema.customers.id });
    const [order] = await db
      .insert(schema.orders)
      .values({
        customerId: customer.id,
        midId,
        amazonOrderReferenceId: b.oro,
        status: "COMPLETE",
        currency: "USD",
        subtotalMinor: 4490,
        shippingMinor: 0,
        totalMinor: 4490,
        source: "api",
        email: b.email,
        firstName: b.first,
        lastName: b.last,
        phone: b.phone,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: schema.orders.id });
    orderIds[b.email] = order.id;
    // Recorded PENDING first, Amazon's ids arrive with the answer (as the app does it).
    const [sale] = await db
      .insert(schema.transactions)
      .values({
        orderId: order.id,
        midId,
        type: "SALE",
        status: "PENDING",
        amountMinor: 4490,
        currency: "USD",
        referenceId: `ref-${b.email}`,
        amazonOrderReferenceId: b.oro,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: schema.transactions.id });
    transactionIds[b.email] = sale.id;
    await db
      .update(schema.transactions)
      .set({ status: "SUCCESS", amazonAuthorizationId: `${b.oro}-A0000${order.id}`, amazonCaptureId: `${b.oro}-C0000${order.id}` })
      .where(eq(schema.transactions.id, sale.id));
  };

  beforeEach(async () => {
    const created = await createTestDb();
    db = created.db;
    admin = await created.actorFor("admin");
    support = await created.actorFor("support");
    midId = (await createTestMid(db, admin, { title: "Brand North", merchant_id: "A1NORTHSELLER9" })).id;
    for (const b of BUYERS) await insertBuyer(b);
  });

  const orders = async (q: string) => (await listOrders(db, support, { q }, { sort: "newest", perPage: 25 })).rows.map((r) => r.email);
  const transactions = async (q: string) => (await listTransactions(db, support, { q }, { perPage: 25 })).rows.map((r) => r.id);
  const customers = async (q: string) => (await listCustomers(db, support, { q, perPage: 25 })).rows.map((r) => r.email);

  it("a search matching more than the cap says so instead of counting and summing every match", async () => {
    expect(await summarizeTransactions(db, support, { q: "jane.doe" })).toMatchObject({
      count: 1,
      currencies: [{ currency: "USD", captured: { count: 1, minor: 4490 } }],
    });
    // Refunds of Jane's order, as many as the cap: all match her name.
    const refund = (i: number) => ({
      orderId: orderIds["jane.doe@example.com"],
      midId,
      type: "REFUND" as const,
      status: "SUCCESS" as const,
      amountMinor: 1,
      currency: "USD",
      referenceId: `bulk-${i}`,
      createdAt: 1,
      updatedAt: 1,
    });
    // In batches: one statement's parameters are limited on both engines.
    for (let start = 0; start < SEARCH_COUNT_CAP; start += 1000)
      await db.insert(schema.transactions).values(Array.from({ length: Math.min(1000, SEARCH_COUNT_CAP - start) }, (_, k) => refund(start + k + 1)));
    expect(await summarizeTransactions(db, support, { q: "jane.doe" })).toEqual({ count: SEARCH_COUNT_CAP, currencies: [], capped: true });
    // Without the search the running totals answer in full.
    expect(await summarizeTransactions(db, support, { type: "REFUND" })).toMatchObject({ count: SEARCH_COUNT_CAP });
  });

  it("finds a partial email anywhere in the address, in every list", async () => {
    expect(await orders("e.do")).toEqual(["jane.doe@example.com"]);
    expect(await orders("JANE.DOE@EXAMPLE")).toEqual(["jane.doe@example.com"]);
    expect(await customers("ne.doe")).toEqual(["jane.doe@example.com"]);
    expect(await transactions("ane.doe@")).toEqual([transactionIds["jane.doe@example.com"]]);
    // A whole address is looked up exactly (by the email indexes), in any case.
    expect(await orders("Jane.Doe@Example.com")).toEqual(["jane.doe@example.com"]);
    expect(await customers("jane.doe@example.com")).toEqual(["jane.doe@example.com"]);
    expect(await transactions("jane.doe@example.com")).toEqual([transactionIds["jane.doe@example.com"]]);
  });

  it("finds a customer name, part of it, or its words in any order", async () => {
    expect(await orders("Jane Doe")).toEqual(["jane.doe@example.com"]);
    expect(await orders("doe jane")).toEqual(["jane.doe@example.com"]);
    expect(await customers("avie")).toEqual(["x_y@example.com"]);
    expect(await transactions("Xavier")).toEqual([transactionIds["x_y@example.com"]]);
  });

  it("finds a phone number however it is punctuated", async () => {
    expect(await orders("555-0199")).toEqual(["jane.doe@example.com"]);
    expect(await customers("(415) 555")).toEqual(["jane.doe@example.com"]);
    expect(await customers("4155550199")).toEqual(["jane.doe@example.com"]);
  });

  it("finds fragments of order references, authorizations and captures", async () => {
    expect(await orders("567-765")).toEqual(["jane.doe@example.com"]);
    expect(await orders("p01-2222")).toEqual(["x_y@example.com"]);
    const janeCapture = `321-C0000${orderIds["jane.doe@example.com"]}`;
    expect(await transactions(janeCapture)).toEqual([transactionIds["jane.doe@example.com"]]);
    expect(await transactions("1111111-A")).toEqual([transactionIds["xzy@example.com"]]);
    // The transaction's order reference is its order's: found through the order.
    expect(await transactions("9999999")).toEqual([transactionIds["xzy@example.com"]]);
  });

  it("needs 3 characters for a fragment; shorter text is an order id or nothing", async () => {
    expect(await orders("ja")).toEqual([]);
    expect(await customers("do")).toEqual([]);
    expect(parseSearchQuery("ja").tooShort).toBe(true);
    expect(parseSearchQuery("jan").tooShort).toBe(false);
    const id = orderIds["xzy@example.com"];
    expect(await orders(`#${id}`)).toEqual(["xzy@example.com"]);
    expect(await orders(String(id))).toEqual(["xzy@example.com"]);
    expect(parseSearchQuery(String(id)).tooShort).toBe(false);
  });

  it("takes LIKE wildcards and FTS syntax in the text literally", async () => {
    expect(await customers("x_y")).toEqual(["x_y@example.com"]);
    // As LIKE patterns these would match xzy@…; taken literally, nothing has them.
    expect(await customers("x%y")).toEqual([]);
    expect(await customers("x_y@")).toEqual(["x_y@example.com"]);
    expect(await customers("fifty%off")).toEqual(["xzy@example.com"]);
    expect(await orders('"doe" OR "x')).toEqual([]);
    expect(await orders("jane*")).toEqual([]);
    await expect(orders('a"b(c')).resolves.toBeInstanceOf(Array);
  });

  // SQLite's index tables follow the rows through triggers; PostgreSQL's expression indexes are kept current by the engine itself.
  it("follows inserts, updates and deletes", async () => {
    const { customers: customerRows, orders: orderRows, transactions: transactionRows } = schema;
    const janeOrder = orderIds["jane.doe@example.com"];
    await db.update(orderRows).set({ email: "jane.smith@example.org", lastName: "Smith" }).where(eq(orderRows.id, janeOrder));
    await db.update(customerRows).set({ email: "jane.smith@example.org" }).where(eq(customerRows.email, "jane.doe@example.com"));
    expect(await orders("jane.doe")).toEqual([]);
    expect(await orders("jane smith")).toEqual(["jane.smith@example.org"]);
    expect(await customers("jane.doe")).toEqual([]);
    expect(await customers("smith@example.org")).toEqual(["jane.smith@example.org"]);

    const janeSale = transactionIds["jane.doe@example.com"];
    await db.update(transactionRows).set({ amazonRefundId: "S01-1234567-7654321-R0009" }).where(eq(transactionRows.id, janeSale));
    expect(await transactions("321-R0009")).toEqual([janeSale]);
    await db.delete(transactionRows).where(eq(transactionRows.id, janeSale));
    expect(await transactions("321-R0009")).toEqual([]);

    await db.delete(orderRows).where(eq(orderRows.id, janeOrder));
    expect(await orders("jane smith")).toEqual([]);
    await db.delete(customerRows).where(eq(customerRows.email, "jane.smith@example.org"));
    expect(await customers("jane")).toEqual([]);
  });

  // Bulk loads write SQLite's index tables with the triggers off, then rebuild them; PostgreSQL's indexes are on the rows themselves and need no rebuild.
  it.skipIf(engine === "postgres")("is rebuilt to the same answers after a bulk load", async () => {
    rebuildSearchIndex(sqliteClientOf(db));
    expect(await orders("e.do")).toEqual(["jane.doe@example.com"]);
    expect(await customers("x_y")).toEqual(["x_y@example.com"]);
    expect(await transactions("1111111-A")).toEqual([transactionIds["xzy@example.com"]]);
  });

  describe("the top bar's search", () => {
    const kinds = async (actor: Actor, q: string) => (await searchEverything(db, actor, q)).hits.map((h) => `${h.kind}:${h.href}`);

    it("jumps to an order by its number, with or without #", async () => {
      const id = orderIds["jane.doe@example.com"];
      expect((await kinds(support, `#${id}`))[0]).toBe(`order:/orders/${id}`);
      expect((await kinds(support, String(id)))[0]).toBe(`order:/orders/${id}`);
    });

    it("groups orders, customers and Amazon ids for a fragment", async () => {
      const jane = orderIds["jane.doe@example.com"];
      expect(await kinds(support, "jane.doe")).toEqual([`order:/orders/${jane}`, expect.stringMatching(/^customer:\/customers\/\d+$/)]);
      const hits = (await searchEverything(db, support, `C0000${jane}`)).hits;
      expect(hits.map((h) => [h.kind, h.href, h.title])).toEqual([["transaction", `/orders/${jane}`, `Capture S01-1234567-7654321-C0000${jane}`]]);
    });

    it("finds MIDs by name or Seller ID only for roles that may read MIDs, and never shows a secret", async () => {
      expect(await kinds(admin, "north")).toEqual([`mid:/mids/${midId}`]);
      expect(await kinds(admin, "a1northseller")).toEqual([`mid:/mids/${midId}`]);
      expect(await kinds(support, "north")).toEqual([]);
      const everything = JSON.stringify(await searchEverything(db, admin, "a1north"));
      expect(everything).not.toMatch(/testSecretKey|AKIATEST/);
    });

    it("finds a phone number's order and customer, and takes its digits as no MID id", async () => {
      const jane = orderIds["jane.doe@example.com"];
      expect(await kinds(admin, "4155550199")).toEqual([`order:/orders/${jane}`, expect.stringMatching(/^customer:\/customers\/\d+$/)]);
    });

    it("says when the text is too short", async () => {
      expect(await searchEverything(db, support, "ja")).toMatchObject({ tooShort: true, hits: [] });
      expect(await searchEverything(db, support, "")).toMatchObject({ tooShort: false, hits: [] });
    });
  });
});
