CREATE TABLE `api_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login_id` text NOT NULL,
	`password_hash` text NOT NULL,
	`name` text NOT NULL,
	`allowed_endpoints` text NOT NULL,
	`allowed_ips` text NOT NULL,
	`disabled_at` integer,
	`last_used_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_users_login_id_unique` ON `api_users` (`login_id`);--> statement-breakpoint
CREATE TABLE `campaign_mids` (
	`campaign_id` integer NOT NULL,
	`mid_id` integer NOT NULL,
	`priority` integer NOT NULL,
	`weight` integer NOT NULL,
	`enabled` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `mid_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_mids_mid` ON `campaign_mids` (`mid_id`);--> statement-breakpoint
CREATE TABLE `campaign_products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`name` text NOT NULL,
	`sku` text NOT NULL,
	`price_minor` integer NOT NULL,
	`shipping_minor` integer NOT NULL,
	`billing_type` text NOT NULL,
	`cycle_days` integer,
	`rebill_price_minor` integer,
	`trial_days` integer,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_products_campaign` ON `campaign_products` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`currency` text NOT NULL,
	`store_name` text NOT NULL,
	`status` text NOT NULL,
	`routing_mode` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`customer_id` integer,
	`mid_id` integer NOT NULL,
	`parent_order_id` integer,
	`amazon_order_reference_id` text,
	`amazon_billing_agreement_id` text,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`total_minor` integer NOT NULL,
	`source` text NOT NULL,
	`idempotency_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_orders`("id", "campaign_id", "customer_id", "mid_id", "parent_order_id", "amazon_order_reference_id", "amazon_billing_agreement_id", "status", "currency", "total_minor", "source", "idempotency_key", "created_at", "updated_at") SELECT "id", "campaign_id", "customer_id", "mid_id", "parent_order_id", "amazon_order_reference_id", "amazon_billing_agreement_id", "status", "currency", "total_minor", "source", "idempotency_key", "created_at", "updated_at" FROM `orders`;--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `orders_created` ON `orders` (`created_at`);--> statement-breakpoint
CREATE INDEX `orders_mid_created` ON `orders` (`mid_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_idempotency` ON `orders` (`idempotency_key`);