ALTER TABLE "municipalities" ADD COLUMN "accessibility_statement_url" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "organisation_number" text;