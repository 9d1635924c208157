CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`ip` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_log` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `job_leases` (
	`job_name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_email_at` ON `sign_in_failures` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_ip_at` ON `sign_in_failures` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`disabled_at` integer,
	`last_login_at` integer,
	`password_changed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `mid_monthly_usage` (
	`mid_id` integer NOT NULL,
	`month` text NOT NULL,
	`captured_minor` integer DEFAULT 0 NOT NULL,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`reserved_minor` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`mid_id`, `month`),
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`mid_number` text,
	`merchant_id` text NOT NULL,
	`access_key` text NOT NULL,
	`secret_key_enc` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret_enc` text,
	`mws_auth_token_enc` text,
	`region` text NOT NULL,
	`currency` text NOT NULL,
	`test_mode` integer NOT NULL,
	`descriptor` text NOT NULL,
	`customer_service_phone` text NOT NULL,
	`customer_service_email` text,
	`monthly_cap_minor` integer NOT NULL,
	`cap_counts_refunds` integer NOT NULL,
	`cap_alert_percent` integer NOT NULL,
	`discount_rate_bps` integer NOT NULL,
	`reserve_rate_bps` integer NOT NULL,
	`transaction_fee_minor` integer NOT NULL,
	`chargeback_fee_minor` integer NOT NULL,
	`enabled` integer NOT NULL,
	`last_verified_at` integer,
	`last_verify_result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mids_merchant_id` ON `mids` (`merchant_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`first_name` text,
	`last_name` text,
	`phone` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_email` ON `customers` (`email`);--> statement-breakpoint
CREATE TABLE `orders` (
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
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `orders_created` ON `orders` (`created_at`);--> statement-breakpoint
CREATE INDEX `orders_mid_created` ON `orders` (`mid_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_idempotency` ON `orders` (`idempotency_key`);--> statement-breakpoint
CREATE TABLE `transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`mid_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`reference_id` text NOT NULL,
	`amazon_authorization_id` text,
	`amazon_capture_id` text,
	`amazon_refund_id` text,
	`reason_code` text,
	`customer_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mid_id`) REFERENCES `mids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transactions_created` ON `transactions` (`created_at`);--> statement-breakpoint
CREATE INDEX `transactions_mid_created` ON `transactions` (`mid_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transactions_order` ON `transactions` (`order_id`);--> statement-breakpoint
CREATE INDEX `transactions_status_created` ON `transactions` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `transactions_reference` ON `transactions` (`reference_id`);