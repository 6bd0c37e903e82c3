CREATE TABLE "removed_measure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"action_plan_version_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"via" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"prioritisation_id" uuid,
	"removed_by_user_id" uuid,
	"removed_by_label" text DEFAULT '' NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"restored_at" timestamp with time zone,
	"restored_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_frames" ADD COLUMN "carried_from_frame_id" uuid;--> statement-breakpoint
ALTER TABLE "removed_measure_versions" ADD CONSTRAINT "removed_measure_versions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removed_measure_versions" ADD CONSTRAINT "removed_measure_versions_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removed_measure_versions" ADD CONSTRAINT "removed_measure_versions_action_plan_version_id_action_plan_versions_id_fk" FOREIGN KEY ("action_plan_version_id") REFERENCES "public"."action_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removed_measure_versions" ADD CONSTRAINT "removed_measure_versions_removed_by_user_id_users_id_fk" FOREIGN KEY ("removed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removed_measure_versions" ADD CONSTRAINT "removed_measure_versions_restored_by_user_id_users_id_fk" FOREIGN KEY ("restored_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "removed_measure_versions_open_uq" ON "removed_measure_versions" USING btree ("measure_id","action_plan_version_id") WHERE "removed_measure_versions"."restored_at" is null;--> statement-breakpoint
CREATE INDEX "removed_measure_versions_plan_idx" ON "removed_measure_versions" USING btree ("action_plan_version_id");--> statement-breakpoint
CREATE INDEX "removed_measure_versions_municipality_idx" ON "removed_measure_versions" USING btree ("municipality_id");--> statement-breakpoint
ALTER TABLE "budget_frames" ADD CONSTRAINT "budget_frames_carried_from_frame_id_budget_frames_id_fk" FOREIGN KEY ("carried_from_frame_id") REFERENCES "public"."budget_frames"("id") ON DELETE no action ON UPDATE no action;