ALTER TABLE `ipn_events` ADD `mid_id` integer;--> statement-breakpoint
ALTER TABLE `ipn_events` ADD `seller_id` text;--> statement-breakpoint
ALTER TABLE `ipn_events` ADD `disposition` text;--> statement-breakpoint
ALTER TABLE `ipn_events` ADD `source_ip` text;--> statement-breakpoint
ALTER TABLE `ipn_events` ADD `body_sha256` text;--> statement-breakpoint
ALTER TABLE `ipn_events` ADD `body_bytes` integer;--> statement-breakpoint
CREATE INDEX `ipn_events_source_received` ON `ipn_events` (`source_ip`,`received_at`);--> statement-breakpoint
ALTER TABLE `sign_in_failures` ADD `scope` text DEFAULT 'console' NOT NULL;--> statement-breakpoint
CREATE INDEX `sign_in_failures_scope_email_ip_at` ON `sign_in_failures` (`scope`,`email`,`ip`,`at`);--> statement-breakpoint
ALTER TABLE `users` ADD `session_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- One-time repair: a CaptureNow sale whose "authorization Open" IPN was applied before Authorize's
-- answer was finished as AUTHORIZED: a SALE with status SUCCESS and no capture id. Its amazon_state
-- shows whatever came last ('Open', or mostly 'Completed' from the capture's IPN), so it is not a
-- condition. Amazon captured it; putting the charge back to PENDING (its reservation was never
-- settled) lets the reconciler look it up and finish it as captured, exactly once.
UPDATE `orders` SET `status` = 'PENDING' WHERE `status` = 'AUTHORIZED' AND `id` IN (SELECT `order_id` FROM `transactions` WHERE `type` = 'SALE' AND `status` = 'SUCCESS' AND `amazon_capture_id` IS NULL);--> statement-breakpoint
UPDATE `transactions` SET `status` = 'PENDING' WHERE `type` = 'SALE' AND `status` = 'SUCCESS' AND `amazon_capture_id` IS NULL AND `order_id` IN (SELECT `id` FROM `orders` WHERE `status` = 'PENDING');
