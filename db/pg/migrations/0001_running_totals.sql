-- Running totals of `transactions`, the twin of SQLite's db/migrations/0004_browse_totals.sql:
-- the same rows, kept by triggers in the same write as the transaction row, whoever writes it
-- (the app, a script, a hand-run SQL). The baseline creates every table empty, so unlike 0004
-- there is nothing to backfill. Zero-count rows stay, as on SQLite.
--
-- Whoever inserts a transaction, its campaign is filled in. SQLite does it AFTER INSERT with an
-- UPDATE of the new row; a BEFORE INSERT trigger sets it on the row itself, so the insert is
-- written once and the totals trigger below already sees the campaign.
CREATE FUNCTION transactions_fill_campaign() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.campaign_id INTO NEW.campaign_id FROM orders o WHERE o.id = NEW.order_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transactions_fill_campaign BEFORE INSERT ON transactions
  FOR EACH ROW WHEN (NEW.campaign_id IS NULL) EXECUTE FUNCTION transactions_fill_campaign();
--> statement-breakpoint
-- Moves a row out of its old totals (UPDATE, DELETE) and into its new ones (INSERT, UPDATE).
-- "None" is 0 (campaign) or '' (reason), because NULLs never match in a primary key.
CREATE FUNCTION transactions_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE transaction_hourly_totals SET count = count - 1, sum_minor = sum_minor - OLD.amount_minor
      WHERE hour = OLD.created_at / 3600000 AND mid_id = OLD.mid_id AND campaign_id = coalesce(OLD.campaign_id, 0) AND type = OLD.type
        AND status = OLD.status AND currency = OLD.currency AND reason_code = coalesce(OLD.reason_code, '');
    UPDATE transaction_amount_totals SET count = count - 1, sum_minor = sum_minor - OLD.amount_minor
      WHERE mid_id = OLD.mid_id AND campaign_id = coalesce(OLD.campaign_id, 0) AND type = OLD.type AND status = OLD.status
        AND currency = OLD.currency AND amount_minor = OLD.amount_minor;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO transaction_hourly_totals AS t (hour, mid_id, campaign_id, type, status, currency, reason_code, count, sum_minor)
      VALUES (NEW.created_at / 3600000, NEW.mid_id, coalesce(NEW.campaign_id, 0), NEW.type, NEW.status, NEW.currency, coalesce(NEW.reason_code, ''), 1, NEW.amount_minor)
      ON CONFLICT (hour, mid_id, campaign_id, type, status, currency, reason_code)
      DO UPDATE SET count = t.count + 1, sum_minor = t.sum_minor + excluded.sum_minor;
    INSERT INTO transaction_amount_totals AS t (mid_id, campaign_id, type, status, currency, amount_minor, count, sum_minor)
      VALUES (NEW.mid_id, coalesce(NEW.campaign_id, 0), NEW.type, NEW.status, NEW.currency, NEW.amount_minor, 1, NEW.amount_minor)
      ON CONFLICT (mid_id, campaign_id, type, status, currency, amount_minor)
      DO UPDATE SET count = t.count + 1, sum_minor = t.sum_minor + excluded.sum_minor;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transactions_totals_insert AFTER INSERT ON transactions FOR EACH ROW EXECUTE FUNCTION transactions_totals();
--> statement-breakpoint
CREATE TRIGGER transactions_totals_delete AFTER DELETE ON transactions FOR EACH ROW EXECUTE FUNCTION transactions_totals();
--> statement-breakpoint
-- A change of any totalled column moves the row from its old total to its new one. Unlike
-- SQLite, campaign_id is included (nothing here updates it behind the totals' back), and an
-- UPDATE that leaves every totalled value as it was touches no totals row, so it takes no lock
-- on those hot rows.
CREATE TRIGGER transactions_totals_update AFTER UPDATE OF created_at, mid_id, campaign_id, type, status, currency, reason_code, amount_minor ON transactions
  FOR EACH ROW
  WHEN ((OLD.created_at / 3600000, OLD.mid_id, OLD.campaign_id, OLD.type, OLD.status, OLD.currency, OLD.reason_code, OLD.amount_minor)
    IS DISTINCT FROM (NEW.created_at / 3600000, NEW.mid_id, NEW.campaign_id, NEW.type, NEW.status, NEW.currency, NEW.reason_code, NEW.amount_minor))
  EXECUTE FUNCTION transactions_totals();
