CREATE TABLE `decline_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mid_id` integer,
	`reason_code` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decline_rules_scope` ON `decline_rules` (`mid_id`,`reason_code`);--> statement-breakpoint
CREATE TABLE `gateway_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mid_id` integer,
	`order_id` integer,
	`transaction_id` integer,
	`action` text NOT NULL,
	`params` text NOT NULL,
	`http_status` integer,
	`request_id` text,
	`error_code` text,
	`duration_ms` integer NOT NULL,
	`attempt` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gateway_calls_order` ON `gateway_calls` (`order_id`);--> statement-breakpoint
CREATE INDEX `gateway_calls_created` ON `gateway_calls` (`created_at`);--> statement-breakpoint
CREATE TABLE `ipn_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_reference_id` text,
	`notification_type` text,
	`raw_body` text NOT NULL,
	`verified` integer NOT NULL,
	`reject_reason` text,
	`applied` integer DEFAULT false NOT NULL,
	`apply_result` text,
	`order_id` integer,
	`transaction_id` integer,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ipn_events_notification` ON `ipn_events` (`notification_reference_id`);--> statement-breakpoint
CREATE INDEX `ipn_events_received` ON `ipn_events` (`received_at`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`product_id` integer,
	`mid_id` integer NOT NULL,
	`customer_id` integer,
	`amazon_billing_agreement_id` text NOT NULL,
	`status` text NOT NULL,
	`cycle_days` integer NOT NULL,
	`rebill_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`next_bill_at` integer NOT NULL,
	`failure_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `campaign_products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subscriptions_next_bill` ON `subscriptions` (`status`,`next_bill_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_order` ON `subscriptions` (`order_id`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`product_id` integer,
	`name` text NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`shipping_minor` integer NOT NULL,
	`billing_type` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `campaign_products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_items_order` ON `order_items` (`order_id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `amazon_user_id` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `updated_at` integer NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `subtotal_minor` integer NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `shipping_minor` integer NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `refunded_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `email` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `first_name` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `last_name` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_name` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_address1` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_address2` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_city` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_state` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_postal_code` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ship_country` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `ip_address` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `decline_reason` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `customer_message` text;--> statement-breakpoint
CREATE INDEX `orders_customer` ON `orders` (`customer_id`);--> statement-breakpoint
CREATE INDEX `orders_status_created` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_parent` ON `orders` (`parent_order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_amazon_oro` ON `orders` (`amazon_order_reference_id`);--> statement-breakpoint
CREATE INDEX `orders_amazon_ba` ON `orders` (`amazon_billing_agreement_id`);--> statement-breakpoint
ALTER TABLE `transactions` ADD `parent_transaction_id` integer;--> statement-breakpoint
ALTER TABLE `transactions` ADD `amazon_order_reference_id` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `amazon_billing_agreement_id` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `amazon_state` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `cap_month` text;--> statement-breakpoint
CREATE INDEX `transactions_oro` ON `transactions` (`amazon_order_reference_id`);--> statement-breakpoint
CREATE INDEX `transactions_auth` ON `transactions` (`amazon_authorization_id`);--> statement-breakpoint
CREATE INDEX `transactions_capture` ON `transactions` (`amazon_capture_id`);--> statement-breakpoint
CREATE INDEX `transactions_refund` ON `transactions` (`amazon_refund_id`);--> statement-breakpoint
CREATE INDEX `transactions_type_created` ON `transactions` (`type`,`created_at`);