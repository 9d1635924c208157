ALTER TABLE `transactions` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `claimed_until` integer;