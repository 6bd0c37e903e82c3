CREATE TABLE "reminders_sent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_deadline_uq" UNIQUE("kind","object_id","due_date")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "refresh_schedule" text DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "last_fetched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "last_fetch_ok" boolean;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "last_fetch_summary" jsonb;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "last_fetch_error" text;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_sent_municipality_idx" ON "reminders_sent" USING btree ("municipality_id");