import { beforeEach, describe, expect, it } from "vitest";
import { sqliteClientOf, type Db } from "@/db/client";
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

describe("search (migration 0006 index)", () => {
  let db: Db;
  let admin: Actor;
  let support: Actor;
  let midId: number;
  const orderIds: Record<string, number> = {};
  const transactionIds: Record<string, number> = {};

  const insertBuyer = (b: Buyer) => {
    const now = Date.now();
    const sqlite = sqliteClientOf(db);
    const customer = sqlite
      .prepare("insert into customers (email, first_name, last_name, phone, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
      .run(b.email, b.first, b.last, b.phone, now, now);
    const order = sqlite
      .prepare(
        "insert into orders (customer_id, mid_id, amazon_order_reference_id, status, currency, subtotal_minor, shipping_minor, total_minor, source, email, first_name, last_name, phone, created_at, updated_at) values (?, ?, ?, 'COMPLETE', 'USD', 4490, 0, 4490, 'api', ?, ?, ?, ?, ?, ?)",
      )
      .run(customer.lastInsertRowid, midId, b.oro, b.email, b.first, b.last, b.phone, now, now);
    orderIds[b.email] = Number(order.lastInsertRowid);
    // Recorded PENDING first, Amazon's ids arrive with the answer (as the app does it).
    const sale = sqlite
      .prepare(
        "insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, amazon_order_reference_id, created_at, updated_at) values (?, ?, 'SALE', 'PENDING', 4490, 'USD', ?, ?, ?, ?)",
      )
      .run(order.lastInsertRowid, midId, `ref-${b.email}`, b.oro, now, now);
    transactionIds[b.email] = Number(sale.lastInsertRowid);
    sqlite
      .prepare("update transactions set status = 'SUCCESS', amazon_authorization_id = ?, amazon_capture_id = ? where id = ?")
      .run(`${b.oro}-A0000${orderIds[b.email]}`, `${b.oro}-C0000${orderIds[b.email]}`, sale.lastInsertRowid);
  };

  beforeEach(async () => {
    const created = await createTestDb();
    db = created.db;
    admin = await created.actorFor("admin");
    support = await created.actorFor("support");
    midId = (await createTestMid(db, admin, { title: "Brand North", merchant_id: "A1NORTHSELLER9" })).id;
    for (const b of BUYERS) insertBuyer(b);
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
    sqliteClientOf(db)
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
         insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, created_at, updated_at)
         select ?, ?, 'REFUND', 'SUCCESS', 1, 'USD', 'bulk-' || i, 1, 1 from n`,
      )
      .run(SEARCH_COUNT_CAP, orderIds["jane.doe@example.com"], midId);
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

  it("follows inserts, updates and deletes through the triggers", async () => {
    const sqlite = sqliteClientOf(db);
    const janeOrder = orderIds["jane.doe@example.com"];
    sqlite.prepare("update orders set email = 'jane.smith@example.org', last_name = 'Smith' where id = ?").run(janeOrder);
    sqlite.prepare("update customers set email = 'jane.smith@example.org' where email = 'jane.doe@example.com'").run();
    expect(await orders("jane.doe")).toEqual([]);
    expect(await orders("jane smith")).toEqual(["jane.smith@example.org"]);
    expect(await customers("jane.doe")).toEqual([]);
    expect(await customers("smith@example.org")).toEqual(["jane.smith@example.org"]);

    const janeSale = transactionIds["jane.doe@example.com"];
    sqlite.prepare("update transactions set amazon_refund_id = 'S01-1234567-7654321-R0009' where id = ?").run(janeSale);
    expect(await transactions("321-R0009")).toEqual([janeSale]);
    sqlite.prepare("delete from transactions where id = ?").run(janeSale);
    expect(await transactions("321-R0009")).toEqual([]);

    sqlite.prepare("delete from orders where id = ?").run(janeOrder);
    expect(await orders("jane smith")).toEqual([]);
    sqlite.prepare("delete from customers where email = 'jane.smith@example.org'").run();
    expect(await customers("jane")).toEqual([]);
  });

  it("is rebuilt to the same answers after a bulk load", async () => {
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

    it("says when the text is too short", async () => {
      expect(await searchEverything(db, support, "ja")).toMatchObject({ tooShort: true, hits: [] });
      expect(await searchEverything(db, support, "")).toMatchObject({ tooShort: false, hits: [] });
    });
  });
});
