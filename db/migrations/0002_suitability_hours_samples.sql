CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venue_open_intervals" (
	"venue_id" uuid NOT NULL,
	"day" date NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	CONSTRAINT "venue_open_intervals_venue_id_day_opens_at_pk" PRIMARY KEY("venue_id","day","opens_at"),
	CONSTRAINT "venue_open_intervals_ordered" CHECK ("venue_open_intervals"."closes_at" > "venue_open_intervals"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "hours_known" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "age_min" smallint;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "age_max" smallint;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "grade_min" smallint;--> statement-breakpoint
ALTER TABLE "venues" ADD COLUMN "grade_max" smallint;--> statement-breakpoint
ALTER TABLE "venue_open_intervals" ADD CONSTRAINT "venue_open_intervals_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "venue_open_intervals_day_idx" ON "venue_open_intervals" USING btree ("day","venue_id");--> statement-breakpoint
CREATE INDEX "venue_open_intervals_time_idx" ON "venue_open_intervals" USING btree ("opens_at","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "slots_sample_unique" ON "slots" USING btree ("venue_id","starts_at") WHERE "slots"."is_sample";--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_ages_sane" CHECK (("venues"."age_min" IS NULL OR "venues"."age_min" BETWEEN 0 AND 18) AND ("venues"."age_max" IS NULL OR "venues"."age_max" BETWEEN 0 AND 18) AND ("venues"."age_min" IS NULL OR "venues"."age_max" IS NULL OR "venues"."age_min" <= "venues"."age_max"));--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_grades_sane" CHECK (("venues"."grade_min" IS NULL OR "venues"."grade_min" BETWEEN 0 AND 12) AND ("venues"."grade_max" IS NULL OR "venues"."grade_max" BETWEEN 0 AND 12) AND ("venues"."grade_min" IS NULL OR "venues"."grade_max" IS NULL OR "venues"."grade_min" <= "venues"."grade_max"));