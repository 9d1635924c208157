import { desc, eq, inArray, or, sql } from "drizzle-orm";
import { engineOf, selectRows, type Db } from "@/db/client";
import { containsIgnoringCase } from "@/db/dialect";
import { customers, mids, orders, transactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatMoney } from "@/lib/money/money";
import { asRowId, parseSearchQuery, type FragmentAlternatives } from "./parse-search-query";
import { ftsMatch, SEARCH_INDEXES, searchTextCondition, type SearchIndexName } from "./search-conditions";

export const SEARCH_KINDS = ["order", "customer", "mid", "transaction"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One line of the top bar's results: where it goes and what it shows. Never a secret. */
export type SearchHit = { kind: SearchKind; key: string; href: string; title: string; detail: string };

export type SearchResults = { text: string; tooShort: boolean; hits: SearchHit[] };

const PER_KIND = 5;

const fullName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(" ");

/**
 * Newest matches first. SQLite: straight from the index (FTS5 walks its rowids backwards), so a
 * common fragment costs no more than a rare one. PostgreSQL: the planner picks between the
 * trigram index and walking the primary key backwards.
 */
async function newestMatches(db: Db, index: SearchIndexName, alternatives: FragmentAlternatives): Promise<number[]> {
  const { ftsTable, table, id } = SEARCH_INDEXES[index];
  const fts = sql.raw(ftsTable);
  const rows = await selectRows<{ id: number }>(
    db,
    engineOf(db) === "postgres"
      ? sql`select ${id} as id from ${table} where ${searchTextCondition(index, alternatives)} order by ${id} desc limit ${PER_KIND}`
      : sql`select rowid as id from ${fts} where ${fts} match ${ftsMatch(alternatives)} order by rowid desc limit ${PER_KIND}`,
  );
  return rows.map((r) => Number(r.id));
}

async function newestWithEmail(db: Db, email: string): Promise<number[]> {
  return (await db.select({ id: orders.id }).from(orders).where(eq(orders.email, email)).orderBy(desc(orders.id)).limit(PER_KIND)).map((o) => o.id);
}

async function findOrders(db: Db, orderIds: number[]): Promise<SearchHit[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .select({
      id: orders.id,
      email: orders.email,
      firstName: orders.firstName,
      lastName: orders.lastName,
      status: orders.status,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      amazonId: sql<string | null>`coalesce(${orders.amazonOrderReferenceId}, ${orders.amazonBillingAgreementId})`,
    })
    .from(orders)
    .where(inArray(orders.id, orderIds))
    .orderBy(desc(orders.id));
  return rows.map((o) => ({
    kind: "order",
    key: `order-${o.id}`,
    href: `/orders/${o.id}`,
    title: `Order #${o.id}`,
    detail: [fullName(o.firstName, o.lastName), o.email, formatMoney(o.totalMinor, o.currency), o.amazonId].filter(Boolean).join(" · "),
  }));
}

async function findCustomers(db: Db, customerIds: number[]): Promise<SearchHit[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .select({ id: customers.id, email: customers.email, firstName: customers.firstName, lastName: customers.lastName, phone: customers.phone })
    .from(customers)
    .where(inArray(customers.id, customerIds))
    .orderBy(desc(customers.id));
  return rows.map((c) => ({
    kind: "customer",
    key: `customer-${c.id}`,
    href: `/customers/${c.id}`,
    title: fullName(c.firstName, c.lastName) || c.email,
    detail: [c.email, c.phone].filter(Boolean).join(" · "),
  }));
}

const TRANSACTION_ID_LABELS = { amazonRefundId: "Refund", amazonCaptureId: "Capture", amazonAuthorizationId: "Authorization" } as const;

async function findTransactions(db: Db, transactionIds: number[], text: string): Promise<SearchHit[]> {
  if (transactionIds.length === 0) return [];
  const rows = await db
    .select({
      id: transactions.id,
      orderId: transactions.orderId,
      type: transactions.type,
      amountMinor: transactions.amountMinor,
      currency: transactions.currency,
      amazonAuthorizationId: transactions.amazonAuthorizationId,
      amazonCaptureId: transactions.amazonCaptureId,
      amazonRefundId: transactions.amazonRefundId,
    })
    .from(transactions)
    .where(inArray(transactions.id, transactionIds))
    .orderBy(desc(transactions.id));
  const needle = text.toLowerCase();
  return rows.map((t) => {
    // The id the fragment was found in, so the line shows what was typed.
    const field =
      (Object.keys(TRANSACTION_ID_LABELS) as Array<keyof typeof TRANSACTION_ID_LABELS>).find((key) => t[key]?.toLowerCase().includes(needle)) ??
      "amazonAuthorizationId";
    return {
      kind: "transaction",
      key: `transaction-${t.id}`,
      href: `/orders/${t.orderId}`,
      title: `${TRANSACTION_ID_LABELS[field]} ${t[field] ?? ""}`.trim(),
      detail: `Order #${t.orderId} · ${t.type} ${formatMoney(t.amountMinor, t.currency)}`,
    };
  });
}

/** MIDs by title, Seller ID, MID number or id: a small table, so a plain scan with the text taken literally. */
async function findMids(db: Db, text: string): Promise<SearchHit[]> {
  const midId = asRowId(text);
  const rows = await db
    .select({ id: mids.id, title: mids.title, merchantId: mids.merchantId, region: mids.region, currency: mids.currency })
    .from(mids)
    .where(
      or(...[mids.title, mids.merchantId, mids.midNumber].map((column) => containsIgnoringCase(column, text)), midId === null ? undefined : eq(mids.id, midId)),
    )
    .orderBy(mids.id)
    .limit(PER_KIND);
  return rows.map((m) => ({
    kind: "mid",
    key: `mid-${m.id}`,
    href: `/mids/${m.id}`,
    title: `MID #${m.id} ${m.title}`,
    detail: `Seller ID ${m.merchantId} · ${m.region} · ${m.currency}`,
  }));
}

/**
 * The top bar's search: orders (by id or a fragment), customers, MIDs and Amazon ids, each
 * kind only for a role that may read it, at most five of each.
 */
export async function searchEverything(db: Db, actor: Actor, raw: string): Promise<SearchResults> {
  const query = parseSearchQuery(raw);
  const hits: SearchHit[] = [];
  if (query.text === "") return { text: "", tooShort: false, hits };
  const mayRead = (permission: Parameters<typeof can>[1]) => can(actor.role, permission);
  if (mayRead("orders.read")) {
    hits.push(
      ...(await findOrders(
        db,
        query.orderId !== null
          ? [query.orderId]
          : query.email !== null
            ? await newestWithEmail(db, query.email)
            : query.alternatives
              ? await newestMatches(db, "orders", query.alternatives)
              : [],
      )),
    );
  }
  if (mayRead("customers.read")) {
    const fragment = parseSearchQuery(raw, { orderIds: false }).alternatives;
    const customerIds =
      query.email !== null
        ? (await db.select({ id: customers.id }).from(customers).where(eq(customers.email, query.email))).map((c) => c.id)
        : fragment
          ? await newestMatches(db, "customers", fragment)
          : [];
    hits.push(...(await findCustomers(db, customerIds)));
  }
  if (mayRead("mids.read")) hits.push(...(await findMids(db, query.text)));
  if (mayRead("transactions.read") && query.alternatives)
    hits.push(...(await findTransactions(db, await newestMatches(db, "transactions", query.alternatives), query.text)));
  return { text: query.text, tooShort: query.tooShort && hits.length === 0, hits };
}
