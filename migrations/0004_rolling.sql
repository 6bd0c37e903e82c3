ALTER TABLE "cycles" ADD COLUMN "phase_dates" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "rolled_from_cycle_id" uuid;--> statement-breakpoint
ALTER TABLE "measure_versions" ADD COLUMN "needs_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_versions" ADD COLUMN "review_note" text DEFAULT '' NOT NULL;