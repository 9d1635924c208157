#!/usr/bin/env bash
# Applies db/pg/migrations in order to a throwaway PostgreSQL cluster, writes, rewrites and
# deletes a few thousand transactions, and checks that the running totals the triggers keep
# equal a GROUP BY over the rows, that every transaction carries its order's campaign, and that
# the search indexes are the ones a fragment search uses. Exits non-zero on any difference.
# Needs the PostgreSQL server binaries (initdb, pg_ctl) and psql; PG_BIN overrides their folder.
set -euo pipefail
cd "$(dirname "$0")/../.."

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PORT="${PG_CHECK_PORT:-55432}"
DIR="$(mktemp -d)"
# initdb refuses to run as root: the cluster then belongs to the postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
stop() {
  as_owner "$PG_BIN/pg_ctl" -D "$DIR/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

as_owner "$PG_BIN/initdb" -A trust --no-sync -U postgres -D "$DIR/pg" >/dev/null
as_owner "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/server.log" -w -o "-p $PORT -k $DIR -c listen_addresses='' -c fsync=off" start >/dev/null
psql() { command psql -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

for migration in db/pg/migrations/[0-9]*.sql; do psql -1 -f "$migration"; done

psql <<'SQL'
select setseed(0.11) \gset
insert into mids (title, merchant_id, access_key, secret_key_enc, client_id, region, currency, test_mode, descriptor, customer_service_phone,
  monthly_cap_minor, cap_counts_refunds, cap_alert_percent, discount_rate_bps, reserve_rate_bps, transaction_fee_minor, chargeback_fee_minor,
  enabled, created_at, updated_at)
  select 'MID ' || i, 'M' || i, 'AK', 'enc', 'client', 'us', 'USD', true, 'D', '555', 10000000000, true, 80, 0, 0, 0, 0, true, 0, 0
  from generate_series(1, 3) i;
insert into campaigns (name, currency, store_name, status, routing_mode, created_at, updated_at)
  select 'C' || i, 'USD', 'S', 'active', 'priority', 0, 0 from generate_series(1, 3) i;
-- Every fifth order has no campaign: its transactions total under campaign 0.
insert into orders (campaign_id, mid_id, status, currency, subtotal_minor, shipping_minor, total_minor, source, email, first_name, last_name, phone,
  amazon_order_reference_id, created_at, updated_at)
  select case when i % 5 = 0 then null else 1 + i % 3 end, 1 + i % 3, 'PENDING', 'USD', 1000, 0, 1000, 'api',
    'buyer' || i || '@example.com', 'Ava', 'Smith' || i, '(555) 01-' || i, 'S01-' || lpad(i::text, 7, '0'), 1796000000000, 1796000000000
  from generate_series(1, 400) i;
insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, reason_code, created_at, updated_at)
  select 1 + (random() * 399)::int, 1 + (random() * 2)::int, (array['SALE', 'AUTHORIZE', 'CAPTURE', 'REFUND'])[1 + (random() * 3)::int],
    (array['PENDING', 'SUCCESS', 'DECLINED'])[1 + (random() * 2)::int], (array[500, 999, 1000, 2500])[1 + (random() * 3)::int], 'USD', 'ref-' || i,
    (array[null, 'InvalidPaymentMethod', 'AmazonRejected'])[1 + (random() * 2)::int], 1796000000000 + (random() * 72 * 3600000)::bigint, 0
  from generate_series(1, 3000) i;
-- The app's own kinds of change, and the rarer ones a hand-run SQL may make.
update transactions set status = 'SUCCESS', amazon_authorization_id = 'AUTH-' || id, updated_at = 1 where status = 'PENDING' and id % 2 = 0;
update transactions set amount_minor = amount_minor + 1, reason_code = 'ProcessingFailure' where id % 7 = 0;
update transactions set created_at = created_at + 3600000, mid_id = 1 + mid_id % 3 where id % 11 = 0;
update transactions set campaign_id = 3 where id % 13 = 0;
update transactions set amazon_state = 'Closed', updated_at = 2 where id % 3 = 0;
delete from transactions where id % 17 = 0;
SQL

mismatches=$(
  psql <<'SQL'
with rows_hourly as (
  select created_at / 3600000 as hour, mid_id, coalesce(campaign_id, 0) as campaign_id, type, status, currency, coalesce(reason_code, '') as reason_code,
    count(*) as count, sum(amount_minor) as sum_minor
  from transactions group by 1, 2, 3, 4, 5, 6, 7
), rows_amount as (
  select mid_id, coalesce(campaign_id, 0) as campaign_id, type, status, currency, amount_minor, count(*) as count, sum(amount_minor) as sum_minor
  from transactions group by 1, 2, 3, 4, 5, 6
)
select 'hourly ' || count(*) from (
  (select * from rows_hourly except select * from transaction_hourly_totals where count <> 0)
  union all (select * from transaction_hourly_totals where count <> 0 except select * from rows_hourly)) d
union all
select 'amount ' || count(*) from (
  (select * from rows_amount except select * from transaction_amount_totals where count <> 0)
  union all (select * from transaction_amount_totals where count <> 0 except select * from rows_amount)) d
union all
select 'campaign ' || count(*) from transactions t join orders o on o.id = t.order_id where t.campaign_id is distinct from o.campaign_id and t.id % 13 <> 0;
SQL
)
echo "$mismatches"
echo "$(psql -c 'select count(*) from transactions') transactions, $(psql -c 'select count(*) from transaction_hourly_totals') hourly totals"
[ "$(echo "$mismatches" | grep -cv ' 0$')" = 0 ] || { echo "totals differ from GROUP BY" >&2; exit 1; }

plan=$(psql -c "set enable_seqscan = off; explain select id from orders where orders_search_text(email, first_name, last_name, phone,
  amazon_order_reference_id, amazon_billing_agreement_id) ilike '%smith12%'")
echo "$plan" | grep -q "orders_search" || { echo "the orders search does not use its index:" >&2; echo "$plan" >&2; exit 1; }
[ "$(psql -c "select count(*) from orders where orders_search_text(email, first_name, last_name, phone, amazon_order_reference_id,
  amazon_billing_agreement_id) ilike '%01399%'")" = 1 ] || { echo "a phone fragment does not find its order" >&2; exit 1; }
echo "PostgreSQL migrations: totals equal GROUP BY, campaigns filled, search index used"
