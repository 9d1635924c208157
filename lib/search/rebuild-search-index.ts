import type Database from "better-sqlite3";

/** The digits of a phone number, as migration 0006 indexes them. */
const PHONE_DIGITS = (column: string) =>
  `replace(replace(replace(replace(replace(replace(coalesce(${column}, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`;

/**
 * Refills the search index (migration 0006) from the tables, for bulk loads that write
 * with the triggers off: one pass per table is much faster than a trigger per row.
 */
export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const table of ["orders_search", "customers_search", "transactions_search"]) sqlite.exec(`insert into ${table} (${table}) values ('delete-all')`);
    sqlite.exec(`insert into orders_search (rowid, email, name, phone, amazon_ids)
      select id, coalesce(email, ''), trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ${PHONE_DIGITS("phone")},
        trim(coalesce(amazon_order_reference_id, '') || ' ' || coalesce(amazon_billing_agreement_id, '')) from orders`);
    sqlite.exec(`insert into customers_search (rowid, email, name, phone)
      select id, email, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ${PHONE_DIGITS("phone")} from customers`);
    sqlite.exec(`insert into transactions_search (rowid, amazon_ids)
      select id, trim(coalesce(amazon_authorization_id, '') || ' ' || coalesce(amazon_capture_id, '') || ' ' || coalesce(amazon_refund_id, ''))
      from transactions where coalesce(amazon_authorization_id, amazon_capture_id, amazon_refund_id) is not null`);
  })();
}
