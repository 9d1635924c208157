CREATE INDEX `orders_campaign_created` ON `orders` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_total` ON `orders` (`total_minor`,`id`);