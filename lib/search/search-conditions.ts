import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { engineOf, type Db } from "@/db/client";
import { containsCaseSensitive } from "@/db/dialect";
import { customers, orders, transactions } from "@/db/schema";
import { parseSearchQuery, type FragmentAlternatives } from "./parse-search-query";

/*
 * One search, two indexes. SQLite: the FTS5 trigram tables of migration 0006 (not in the drizzle
 * schema), asked with a MATCH expression. A rowid subquery is materialised once and then probed
 * by primary key or index: fast when the fragment is specific, and bounded by the match count
 * when it is not. PostgreSQL: pg_trgm GIN indexes on each row's search text
 * (db/pg/migrations/0002), asked with ILIKE; the planner uses the index only when the query calls
 * the same function on the same columns, as `searchText` below does.
 */

/** The three indexes: their FTS5 table (SQLite), and the row id and search text they index (PostgreSQL). */
export const SEARCH_INDEXES = {
  orders: {
    ftsTable: "orders_search",
    table: orders,
    id: orders.id,
    searchText: () =>
      sql`orders_search_text(${orders.email}, ${orders.firstName}, ${orders.lastName}, ${orders.phone}, ${orders.amazonOrderReferenceId}, ${orders.amazonBillingAgreementId})`,
  },
  customers: {
    ftsTable: "customers_search",
    table: customers,
    id: customers.id,
    searchText: () => sql`customers_search_text(${customers.email}, ${customers.firstName}, ${customers.lastName}, ${customers.phone})`,
  },
  transactions: {
    ftsTable: "transactions_search",
    table: transactions,
    id: transactions.id,
    searchText: () => sql`transactions_search_text(${transactions.amazonAuthorizationId}, ${transactions.amazonCaptureId}, ${transactions.amazonRefundId})`,
  },
} as const;

export type SearchIndexName = keyof typeof SEARCH_INDEXES;

/** A quoted FTS5 phrase: with the trigram tokenizer, any substring, every character literal. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression for the alternatives, optionally within one column ("email"). */
export function ftsMatch(alternatives: FragmentAlternatives, column?: "email"): string {
  const expression = alternatives.map((words) => (words.length > 1 ? `(${words.map(phrase).join(" AND ")})` : phrase(words[0]))).join(" OR ");
  return column ? `${column} : ${expression}` : expression;
}

/** An ILIKE pattern finding the fragment anywhere, every character literal. */
function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The PostgreSQL condition for the alternatives on one index's search text (the text keeps fields on separate lines, so a fragment never spans two). */
export function searchTextCondition(index: SearchIndexName, alternatives: FragmentAlternatives): SQL {
  const text = SEARCH_INDEXES[index].searchText();
  const all = alternatives.map((words) => and(...words.map((w) => sql`${text} ilike ${containsPattern(w)} escape '\\'`)) as SQL);
  return (all.length === 1 ? all[0] : or(...all)) as SQL;
}

/** The ids of the index's rows matching the alternatives, as a subquery, on the engine `db` runs on. */
function matchingIds(db: Db, index: SearchIndexName, alternatives: FragmentAlternatives, column?: "email"): SQL {
  if (engineOf(db) === "postgres") {
    const { id, table } = SEARCH_INDEXES[index];
    return sql`(select ${id} from ${table} where ${searchTextCondition(index, alternatives)})`;
  }
  const table = sql.raw(SEARCH_INDEXES[index].ftsTable);
  return sql`(select rowid from ${table} where ${table} match ${ftsMatch(alternatives, column)})`;
}

/** The index's rows matching the alternatives: on PostgreSQL straight on the row, where the planner can use the index. */
function matching(db: Db, index: SearchIndexName, alternatives: FragmentAlternatives, column?: "email"): SQL {
  if (engineOf(db) === "postgres") return searchTextCondition(index, alternatives);
  return inArray(SEARCH_INDEXES[index].id, matchingIds(db, index, alternatives, column));
}

/**
 * Transactions whose order matches the alternatives. On PostgreSQL `= any(array(…))` rather
 * than `in (…)`: the order ids are read once and probed through transactions_order, so the OR
 * around it stays a union of index scans instead of a scan of the whole table.
 */
function transactionsOfMatchingOrders(db: Db, alternatives: FragmentAlternatives): SQL {
  const ids = matchingIds(db, "orders", alternatives);
  return engineOf(db) === "postgres" ? sql`${transactions.orderId} = any(array${ids})` : inArray(transactions.orderId, ids);
}

const NOTHING = sql`0 = 1`;

/**
 * Rows with this address, or a longer one containing it (found by its local part, confirmed on
 * the row). FTS5 looks the local part up in the email column alone; PostgreSQL's search text has
 * no columns, so it may find the part in a name too, which the confirmation on the email drops.
 */
function emailCondition(db: Db, index: "orders" | "customers", email: string, local: string | null): SQL {
  const column = index === "orders" ? orders.email : customers.email;
  const exact = eq(column, email);
  return local ? (or(exact, and(matching(db, index, [[local]], "email"), containsCaseSensitive(db, column, email))) as SQL) : exact;
}

/** The orders list's search: an order id, or a fragment of an email, name, phone or Amazon order reference / billing agreement id. */
export function orderSearchCondition(db: Db, raw: string): SQL {
  const query = parseSearchQuery(raw);
  if (query.orderId !== null) return eq(orders.id, query.orderId);
  if (query.email !== null) return emailCondition(db, "orders", query.email, query.emailLocal);
  if (query.alternatives === null) return NOTHING;
  return matching(db, "orders", query.alternatives);
}

/**
 * The transactions list's search: an order id, our reference id, or a fragment of the
 * order's buyer (email, name, phone) or of any Amazon id on the row or its order.
 */
export function transactionSearchCondition(db: Db, raw: string): SQL {
  const query = parseSearchQuery(raw);
  if (query.orderId !== null) return eq(transactions.orderId, query.orderId);
  if (query.email !== null)
    return inArray(transactions.orderId, sql`(select ${orders.id} from ${orders} where ${emailCondition(db, "orders", query.email, query.emailLocal)})`);
  if (query.alternatives === null) return eq(transactions.referenceId, query.text);
  return or(
    transactionsOfMatchingOrders(db, query.alternatives),
    matching(db, "transactions", query.alternatives),
    eq(transactions.referenceId, query.text),
  ) as SQL;
}

/** The customers list's search: a fragment of an email, name or phone number. */
export function customerSearchCondition(db: Db, raw: string): SQL {
  const query = parseSearchQuery(raw, { orderIds: false });
  if (query.email !== null) return emailCondition(db, "customers", query.email, query.emailLocal);
  if (query.alternatives === null) return NOTHING;
  return matching(db, "customers", query.alternatives);
}
