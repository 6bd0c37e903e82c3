CREATE TABLE "budget_frames" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"frame_area_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_nok" bigint NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decision_date" date,
	"case_reference" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_frames_uq" UNIQUE("cycle_id","frame_area_id","year")
);
--> statement-breakpoint
ALTER TABLE "measure_costs" ADD COLUMN "external_status" text;--> statement-breakpoint
ALTER TABLE "measure_versions" ADD COLUMN "priority" integer;--> statement-breakpoint
ALTER TABLE "measure_versions" ADD COLUMN "mandatory" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_frames" ADD CONSTRAINT "budget_frames_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_frames" ADD CONSTRAINT "budget_frames_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_frames" ADD CONSTRAINT "budget_frames_frame_area_id_frame_areas_id_fk" FOREIGN KEY ("frame_area_id") REFERENCES "public"."frame_areas"("id") ON DELETE no action ON UPDATE no action;