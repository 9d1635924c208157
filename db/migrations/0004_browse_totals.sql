CREATE TABLE `transaction_amount_totals` (
	`mid_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`count` integer NOT NULL,
	`sum_minor` integer NOT NULL,
	PRIMARY KEY(`mid_id`, `campaign_id`, `type`, `status`, `currency`, `amount_minor`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `transaction_hourly_totals` (
	`hour` integer NOT NULL,
	`mid_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`reason_code` text NOT NULL,
	`count` integer NOT NULL,
	`sum_minor` integer NOT NULL,
	PRIMARY KEY(`hour`, `mid_id`, `campaign_id`, `type`, `status`, `currency`, `reason_code`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `transactions` ADD `campaign_id` integer;--> statement-breakpoint
CREATE INDEX `transactions_campaign_created` ON `transactions` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_email` ON `orders` (`email`);--> statement-breakpoint
-- Existing rows: copy each order's campaign, then total what is already there.
UPDATE `transactions` SET `campaign_id` = (SELECT `campaign_id` FROM `orders` WHERE `orders`.`id` = `transactions`.`order_id`);--> statement-breakpoint
INSERT INTO `transaction_hourly_totals` (`hour`, `mid_id`, `campaign_id`, `type`, `status`, `currency`, `reason_code`, `count`, `sum_minor`)
  SELECT `created_at` / 3600000, `mid_id`, coalesce(`campaign_id`, 0), `type`, `status`, `currency`, coalesce(`reason_code`, ''), count(*), sum(`amount_minor`)
  FROM `transactions` GROUP BY 1, 2, 3, 4, 5, 6, 7;--> statement-breakpoint
INSERT INTO `transaction_amount_totals` (`mid_id`, `campaign_id`, `type`, `status`, `currency`, `amount_minor`, `count`, `sum_minor`)
  SELECT `mid_id`, coalesce(`campaign_id`, 0), `type`, `status`, `currency`, `amount_minor`, count(*), sum(`amount_minor`)
  FROM `transactions` GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
-- Whoever inserts a transaction (the app, a script, a hand-run SQL), its campaign is filled in.
CREATE TRIGGER `transactions_fill_campaign` AFTER INSERT ON `transactions` WHEN NEW.`campaign_id` IS NULL BEGIN
  UPDATE `transactions` SET `campaign_id` = (SELECT `campaign_id` FROM `orders` WHERE `orders`.`id` = NEW.`order_id`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `transactions_totals_insert` AFTER INSERT ON `transactions` BEGIN
  INSERT INTO `transaction_hourly_totals` (`hour`, `mid_id`, `campaign_id`, `type`, `status`, `currency`, `reason_code`, `count`, `sum_minor`)
    VALUES (NEW.`created_at` / 3600000, NEW.`mid_id`, coalesce(NEW.`campaign_id`, (SELECT `campaign_id` FROM `orders` WHERE `orders`.`id` = NEW.`order_id`), 0), NEW.`type`, NEW.`status`, NEW.`currency`, coalesce(NEW.`reason_code`, ''), 1, NEW.`amount_minor`)
    ON CONFLICT DO UPDATE SET `count` = `count` + 1, `sum_minor` = `sum_minor` + excluded.`sum_minor`;
  INSERT INTO `transaction_amount_totals` (`mid_id`, `campaign_id`, `type`, `status`, `currency`, `amount_minor`, `count`, `sum_minor`)
    VALUES (NEW.`mid_id`, coalesce(NEW.`campaign_id`, (SELECT `campaign_id` FROM `orders` WHERE `orders`.`id` = NEW.`order_id`), 0), NEW.`type`, NEW.`status`, NEW.`currency`, NEW.`amount_minor`, 1, NEW.`amount_minor`)
    ON CONFLICT DO UPDATE SET `count` = `count` + 1, `sum_minor` = `sum_minor` + excluded.`sum_minor`;
END;--> statement-breakpoint
CREATE TRIGGER `transactions_totals_delete` AFTER DELETE ON `transactions` BEGIN
  UPDATE `transaction_hourly_totals` SET `count` = `count` - 1, `sum_minor` = `sum_minor` - OLD.`amount_minor`
    WHERE `hour` = OLD.`created_at` / 3600000 AND `mid_id` = OLD.`mid_id` AND `campaign_id` = coalesce(OLD.`campaign_id`, 0) AND `type` = OLD.`type` AND `status` = OLD.`status` AND `currency` = OLD.`currency` AND `reason_code` = coalesce(OLD.`reason_code`, '');
  UPDATE `transaction_amount_totals` SET `count` = `count` - 1, `sum_minor` = `sum_minor` - OLD.`amount_minor`
    WHERE `mid_id` = OLD.`mid_id` AND `campaign_id` = coalesce(OLD.`campaign_id`, 0) AND `type` = OLD.`type` AND `status` = OLD.`status` AND `currency` = OLD.`currency` AND `amount_minor` = OLD.`amount_minor`;
END;--> statement-breakpoint
-- A change of any totalled column moves the row from its old total to its new one. campaign_id
-- is left out: only the fill trigger sets it, right after the insert counted the same campaign.
CREATE TRIGGER `transactions_totals_update` AFTER UPDATE OF `created_at`, `mid_id`, `type`, `status`, `currency`, `reason_code`, `amount_minor` ON `transactions` BEGIN
  UPDATE `transaction_hourly_totals` SET `count` = `count` - 1, `sum_minor` = `sum_minor` - OLD.`amount_minor`
    WHERE `hour` = OLD.`created_at` / 3600000 AND `mid_id` = OLD.`mid_id` AND `campaign_id` = coalesce(OLD.`campaign_id`, 0) AND `type` = OLD.`type` AND `status` = OLD.`status` AND `currency` = OLD.`currency` AND `reason_code` = coalesce(OLD.`reason_code`, '');
  UPDATE `transaction_amount_totals` SET `count` = `count` - 1, `sum_minor` = `sum_minor` - OLD.`amount_minor`
    WHERE `mid_id` = OLD.`mid_id` AND `campaign_id` = coalesce(OLD.`campaign_id`, 0) AND `type` = OLD.`type` AND `status` = OLD.`status` AND `currency` = OLD.`currency` AND `amount_minor` = OLD.`amount_minor`;
  INSERT INTO `transaction_hourly_totals` (`hour`, `mid_id`, `campaign_id`, `type`, `status`, `currency`, `reason_code`, `count`, `sum_minor`)
    VALUES (NEW.`created_at` / 3600000, NEW.`mid_id`, coalesce(NEW.`campaign_id`, 0), NEW.`type`, NEW.`status`, NEW.`currency`, coalesce(NEW.`reason_code`, ''), 1, NEW.`amount_minor`)
    ON CONFLICT DO UPDATE SET `count` = `count` + 1, `sum_minor` = `sum_minor` + excluded.`sum_minor`;
  INSERT INTO `transaction_amount_totals` (`mid_id`, `campaign_id`, `type`, `status`, `currency`, `amount_minor`, `count`, `sum_minor`)
    VALUES (NEW.`mid_id`, coalesce(NEW.`campaign_id`, 0), NEW.`type`, NEW.`status`, NEW.`currency`, NEW.`amount_minor`, 1, NEW.`amount_minor`)
    ON CONFLICT DO UPDATE SET `count` = `count` + 1, `sum_minor` = `sum_minor` + excluded.`sum_minor`;
END;
