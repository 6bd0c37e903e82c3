CREATE TABLE "measure_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"owner_municipality_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"share_percent" integer DEFAULT 0 NOT NULL,
	"frame_area_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_participations_uq" UNIQUE("measure_id","municipality_id"),
	CONSTRAINT "measure_participations_share_range" CHECK ("measure_participations"."share_percent" between 0 and 100),
	CONSTRAINT "measure_participations_not_owner" CHECK ("measure_participations"."municipality_id" <> "measure_participations"."owner_municipality_id")
);
--> statement-breakpoint
CREATE TABLE "region_coordinators" (
	"region_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_coordinators_region_id_user_id_pk" PRIMARY KEY("region_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "measure_participations" ADD CONSTRAINT "measure_participations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_participations" ADD CONSTRAINT "measure_participations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_participations" ADD CONSTRAINT "measure_participations_owner_municipality_id_municipalities_id_fk" FOREIGN KEY ("owner_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_participations" ADD CONSTRAINT "measure_participations_frame_area_id_frame_areas_id_fk" FOREIGN KEY ("frame_area_id") REFERENCES "public"."frame_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_coordinators" ADD CONSTRAINT "region_coordinators_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_coordinators" ADD CONSTRAINT "region_coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_participations_municipality_idx" ON "measure_participations" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "measure_participations_owner_idx" ON "measure_participations" USING btree ("owner_municipality_id");--> statement-breakpoint
CREATE INDEX "region_coordinators_user_idx" ON "region_coordinators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "measure_costs_municipality_idx" ON "measure_costs" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "measure_version_partners_municipality_idx" ON "measure_version_partners" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "region_municipalities_municipality_idx" ON "region_municipalities" USING btree ("municipality_id");