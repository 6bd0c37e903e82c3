CREATE TABLE "indicator_focus_areas" (
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"focus_area_id" uuid NOT NULL,
	CONSTRAINT "indicator_focus_areas_indicator_id_focus_area_id_pk" PRIMARY KEY("indicator_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_goals" (
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "indicator_goals_indicator_id_goal_id_pk" PRIMARY KEY("indicator_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"format" text NOT NULL,
	"dataset_label" text DEFAULT '' NOT NULL,
	"dataset_id" text DEFAULT '' NOT NULL,
	"source_url" text,
	"file_name" text,
	"mapping" jsonb NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"decimals" integer,
	"updated" text,
	"value_count" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_year_uq" UNIQUE("indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"region_label" text DEFAULT '' NOT NULL,
	"region_municipality_id" uuid,
	"region_number" text NOT NULL,
	"period" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"category_label" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"content_label" text DEFAULT '' NOT NULL,
	"value" double precision,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"decimals" integer DEFAULT 0 NOT NULL,
	"direction" text DEFAULT 'higher_is_better' NOT NULL,
	"chart_kind" text DEFAULT 'time_series' NOT NULL,
	"source_name" text DEFAULT 'Statistisk sentralbyrå' NOT NULL,
	"source_url" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT 'CC BY 4.0' NOT NULL,
	"credit_line" text DEFAULT 'Kilde: Statistisk sentralbyrå' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_focus_areas" ADD CONSTRAINT "indicator_focus_areas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_focus_areas" ADD CONSTRAINT "indicator_focus_areas_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_focus_areas" ADD CONSTRAINT "indicator_focus_areas_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_goals" ADD CONSTRAINT "indicator_goals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_goals" ADD CONSTRAINT "indicator_goals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_goals" ADD CONSTRAINT "indicator_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_imports" ADD CONSTRAINT "indicator_imports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_imports" ADD CONSTRAINT "indicator_imports_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_imports" ADD CONSTRAINT "indicator_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_import_id_indicator_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."indicator_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_region_municipality_id_municipalities_id_fk" FOREIGN KEY ("region_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_imports_indicator_idx" ON "indicator_imports" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_values_import_idx" ON "indicator_values" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "indicators_municipality_idx" ON "indicators" USING btree ("municipality_id");