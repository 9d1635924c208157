import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { customers, orders, transactions } from "@/db/schema";
import { parseSearchQuery } from "./parse-search-query";

// The index tables of migration 0006 (FTS5, so not in the drizzle schema). A rowid subquery
// is materialised once and then probed by primary key or index: fast when the fragment is
// specific, and bounded by the match count when it is not.
const matchingOrderIds = (match: string) => sql`(select rowid from orders_search where orders_search match ${match})`;
const matchingCustomerIds = (match: string) => sql`(select rowid from customers_search where customers_search match ${match})`;
const matchingTransactionIds = (match: string) => sql`(select rowid from transactions_search where transactions_search match ${match})`;

const NOTHING = sql`0`;

/** Orders with this address, or a longer one ending in it (found by its local part, confirmed on the row). */
function orderEmailCondition(email: string, localMatch: string | null): SQL {
  const exact = eq(orders.email, email);
  return localMatch ? (or(exact, and(inArray(orders.id, matchingOrderIds(localMatch)), sql`instr(${orders.email}, ${email}) > 0`)) as SQL) : exact;
}

/** The orders list's search: an order id, or a fragment of an email, name, phone or Amazon order reference / billing agreement id. */
export function orderSearchCondition(raw: string): SQL {
  const query = parseSearchQuery(raw);
  if (query.orderId !== null) return eq(orders.id, query.orderId);
  if (query.email !== null) return orderEmailCondition(query.email, query.emailLocalMatch);
  if (query.match === null) return NOTHING;
  return inArray(orders.id, matchingOrderIds(query.match));
}

/**
 * The transactions list's search: an order id, our reference id, or a fragment of the
 * order's buyer (email, name, phone) or of any Amazon id on the row or its order.
 */
export function transactionSearchCondition(raw: string): SQL {
  const query = parseSearchQuery(raw);
  if (query.orderId !== null) return eq(transactions.orderId, query.orderId);
  if (query.email !== null)
    return inArray(transactions.orderId, sql`(select ${orders.id} from ${orders} where ${orderEmailCondition(query.email, query.emailLocalMatch)})`);
  if (query.match === null) return eq(transactions.referenceId, query.text);
  return or(
    inArray(transactions.orderId, matchingOrderIds(query.match)),
    inArray(transactions.id, matchingTransactionIds(query.match)),
    eq(transactions.referenceId, query.text),
  ) as SQL;
}

/** The customers list's search: a fragment of an email, name or phone number. */
export function customerSearchCondition(raw: string): SQL {
  const query = parseSearchQuery(raw, { orderIds: false });
  if (query.email !== null) {
    const exact = eq(customers.email, query.email);
    return query.emailLocalMatch
      ? (or(exact, and(inArray(customers.id, matchingCustomerIds(query.emailLocalMatch)), sql`instr(${customers.email}, ${query.email}) > 0`)) as SQL)
      : exact;
  }
  if (query.match === null) return NOTHING;
  return inArray(customers.id, matchingCustomerIds(query.match));
}
