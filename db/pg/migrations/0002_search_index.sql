-- Search the way support works, the twin of SQLite's FTS5 trigram tables (db/migrations/0006):
-- any fragment of 3+ characters of an email, a name, a phone number or an Amazon id, found
-- case-insensitively. pg_trgm's GIN index answers `ILIKE '%fragment%'` from the trigrams, then
-- confirms each candidate on its text, so a match is exactly a substring, as with FTS5.
-- The index is on an expression over the row itself: PostgreSQL keeps it current on every
-- insert, update and delete, so there are no search tables or triggers to maintain.
-- Each row's searchable text is one string with its fields on separate lines: a search text has
-- no line breaks (the parser folds white space), so a fragment never spans two fields, and one
-- index answers "every word in any field". A query must call the same function with the same
-- columns for the planner to use the index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Phone numbers are searched as digits only, so "555-0100" and "(555) 0100" find "5555550100".
CREATE FUNCTION search_phone_digits(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN replace(replace(replace(replace(replace(replace(coalesce(phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '');
--> statement-breakpoint
CREATE FUNCTION orders_search_text(email text, first_name text, last_name text, phone text, amazon_order_reference_id text, amazon_billing_agreement_id text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN coalesce(email, '') || E'\n' || trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) || E'\n' || search_phone_digits(phone)
    || E'\n' || coalesce(amazon_order_reference_id, '') || E'\n' || coalesce(amazon_billing_agreement_id, '');
--> statement-breakpoint
CREATE FUNCTION customers_search_text(email text, first_name text, last_name text, phone text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN coalesce(email, '') || E'\n' || trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) || E'\n' || search_phone_digits(phone);
--> statement-breakpoint
-- Authorization, capture and refund ids; a transaction's order reference and billing agreement
-- are its order's, found through orders_search.
CREATE FUNCTION transactions_search_text(amazon_authorization_id text, amazon_capture_id text, amazon_refund_id text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN coalesce(amazon_authorization_id, '') || E'\n' || coalesce(amazon_capture_id, '') || E'\n' || coalesce(amazon_refund_id, '');
--> statement-breakpoint
CREATE INDEX orders_search ON orders
  USING gin (orders_search_text(email, first_name, last_name, phone, amazon_order_reference_id, amazon_billing_agreement_id) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX customers_search ON customers USING gin (customers_search_text(email, first_name, last_name, phone) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX transactions_search ON transactions USING gin (transactions_search_text(amazon_authorization_id, amazon_capture_id, amazon_refund_id) gin_trgm_ops);
