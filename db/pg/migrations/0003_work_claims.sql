ALTER TABLE "transactions" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "claimed_until" bigint;