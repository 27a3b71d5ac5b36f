CREATE TABLE "districts" (
	"code" char(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" char(6),
	"province_code" char(6) NOT NULL,
	"city_code" char(6),
	"nbs_statistical_only" boolean DEFAULT false NOT NULL,
	"boundary" geometry(MultiPolygon,4326),
	"label_lng" double precision,
	"label_lat" double precision,
	CONSTRAINT "districts_code_digits" CHECK ("districts"."code" ~ '^[0-9]{6}$'),
	CONSTRAINT "districts_level_known" CHECK ("districts"."level" = ANY (ARRAY['province','city','district']::text[])),
	CONSTRAINT "districts_label_in_range" CHECK (("districts"."label_lng" IS NULL OR "districts"."label_lng" BETWEEN -180 AND 180) AND ("districts"."label_lat" IS NULL OR "districts"."label_lat" BETWEEN -90 AND 90))
);
--> statement-breakpoint
CREATE TABLE "designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issuer" text,
	"level" text DEFAULT 'national' NOT NULL,
	"year" smallint,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "designations_title_not_blank" CHECK (length(btrim("designations"."title")) > 0),
	CONSTRAINT "designations_level_known" CHECK ("designations"."level" = ANY (ARRAY['national','provincial','city','district']::text[])),
	CONSTRAINT "designations_year_sane" CHECK ("designations"."year" IS NULL OR "designations"."year" BETWEEN 1949 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text,
	"kinds" text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"adcode" char(6),
	"address_zh" text,
	"address_en" text,
	"location" geometry(Point,4326) NOT NULL,
	"source_crs" text DEFAULT 'wgs84' NOT NULL,
	"coord_precision" text DEFAULT 'medium' NOT NULL,
	"opening_hours" text,
	"minors_admission" text DEFAULT 'unknown' NOT NULL,
	"admission_rule" text,
	"booking_mode" text DEFAULT 'unknown' NOT NULL,
	"wheelchair" boolean,
	"hearing" boolean,
	"visual" boolean,
	"cognitive" boolean,
	"phone" text,
	"website" text,
	"email" text,
	"group_min" integer,
	"group_max" integer,
	"group_lead_days" smallint,
	"green_channel" boolean,
	"verification_status" text DEFAULT 'unverified' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"source_note" text,
	"search_text" text GENERATED ALWAYS AS (lower(name_zh || ' ' || coalesce(name_en, ''))) STORED NOT NULL,
	"search_grams" text[] GENERATED ALWAYS AS (kaimen_grams(lower(name_zh || ' ' || coalesce(name_en, '')))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venues_name_zh_not_blank" CHECK (length(btrim("venues"."name_zh")) > 0),
	CONSTRAINT "venues_kinds_known" CHECK (cardinality("venues"."kinds") >= 1 AND "venues"."kinds" <@ ARRAY['museum','library','science_center','memorial_hall','art_gallery','cultural_center','heritage_hall','performance_venue','sports_venue','park','national_park','youth_palace','children_center','education_base','practice_base','camp','community_station']::text[]),
	CONSTRAINT "venues_themes_known" CHECK ("venues"."themes" <@ ARRAY['patriotism','rule_of_law','science','culture_heritage','arts','sports','labour','nature','safety','volunteering','reading','family_education']::text[]),
	CONSTRAINT "venues_location_valid" CHECK (ST_SRID("venues"."location") = 4326 AND ST_GeometryType("venues"."location") = 'ST_Point' AND ST_X("venues"."location") BETWEEN -180 AND 180 AND ST_Y("venues"."location") BETWEEN -90 AND 90),
	CONSTRAINT "venues_source_crs_known" CHECK ("venues"."source_crs" = ANY (ARRAY['wgs84','gcj02','bd09']::text[])),
	CONSTRAINT "venues_coord_precision_known" CHECK ("venues"."coord_precision" = ANY (ARRAY['high','medium','low']::text[])),
	CONSTRAINT "venues_minors_admission_known" CHECK ("venues"."minors_admission" = ANY (ARRAY['free','discounted','paid','unknown']::text[])),
	CONSTRAINT "venues_booking_mode_known" CHECK ("venues"."booking_mode" = ANY (ARRAY['none','online_required','online_optional','group_only','unknown']::text[])),
	CONSTRAINT "venues_verification_known" CHECK ("venues"."verification_status" = ANY (ARRAY['unverified','pending','verified','rejected']::text[])),
	CONSTRAINT "venues_status_known" CHECK ("venues"."status" = ANY (ARRAY['published','draft','suspended']::text[])),
	CONSTRAINT "venues_group_sizes_sane" CHECK (("venues"."group_min" IS NULL OR "venues"."group_min" >= 1) AND ("venues"."group_max" IS NULL OR "venues"."group_max" >= 1) AND ("venues"."group_min" IS NULL OR "venues"."group_max" IS NULL OR "venues"."group_min" <= "venues"."group_max")),
	CONSTRAINT "venues_group_lead_days_sane" CHECK ("venues"."group_lead_days" IS NULL OR "venues"."group_lead_days" BETWEEN 0 AND 365)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text,
	"description" text,
	"delivery" text DEFAULT 'on_site' NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"grade_min" smallint,
	"grade_max" smallint,
	"age_min" smallint,
	"age_max" smallint,
	"duration_minutes" integer,
	"group_min" integer,
	"group_max" integer,
	"price_per_head_fen" integer DEFAULT 0 NOT NULL,
	"volunteer" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_title_not_blank" CHECK (length(btrim("programmes"."title_zh")) > 0),
	CONSTRAINT "programmes_delivery_known" CHECK ("programmes"."delivery" = ANY (ARRAY['on_site','outreach']::text[])),
	CONSTRAINT "programmes_status_known" CHECK ("programmes"."status" = ANY (ARRAY['published','draft','suspended']::text[])),
	CONSTRAINT "programmes_themes_known" CHECK ("programmes"."themes" <@ ARRAY['patriotism','rule_of_law','science','culture_heritage','arts','sports','labour','nature','safety','volunteering','reading','family_education']::text[]),
	CONSTRAINT "programmes_grades_sane" CHECK (("programmes"."grade_min" IS NULL OR "programmes"."grade_min" BETWEEN 0 AND 12) AND ("programmes"."grade_max" IS NULL OR "programmes"."grade_max" BETWEEN 0 AND 12) AND ("programmes"."grade_min" IS NULL OR "programmes"."grade_max" IS NULL OR "programmes"."grade_min" <= "programmes"."grade_max")),
	CONSTRAINT "programmes_ages_sane" CHECK (("programmes"."age_min" IS NULL OR "programmes"."age_min" BETWEEN 0 AND 18) AND ("programmes"."age_max" IS NULL OR "programmes"."age_max" BETWEEN 0 AND 18) AND ("programmes"."age_min" IS NULL OR "programmes"."age_max" IS NULL OR "programmes"."age_min" <= "programmes"."age_max")),
	CONSTRAINT "programmes_duration_positive" CHECK ("programmes"."duration_minutes" IS NULL OR "programmes"."duration_minutes" > 0),
	CONSTRAINT "programmes_group_sizes_sane" CHECK (("programmes"."group_min" IS NULL OR "programmes"."group_min" >= 1) AND ("programmes"."group_max" IS NULL OR "programmes"."group_max" >= 1) AND ("programmes"."group_min" IS NULL OR "programmes"."group_max" IS NULL OR "programmes"."group_min" <= "programmes"."group_max")),
	CONSTRAINT "programmes_price_non_negative" CHECK ("programmes"."price_per_head_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"programme_id" uuid,
	"kind" text DEFAULT 'open_day' NOT NULL,
	"title" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"school_allocation" integer DEFAULT 0 NOT NULL,
	"allocation_release_at" timestamp with time zone,
	"booking_opens_at" timestamp with time zone,
	"booking_closes_at" timestamp with time zone,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slots_kind_known" CHECK ("slots"."kind" = ANY (ARRAY['open_day','programme']::text[])),
	CONSTRAINT "slots_status_known" CHECK ("slots"."status" = ANY (ARRAY['scheduled','cancelled']::text[])),
	CONSTRAINT "slots_programme_kind" CHECK (("slots"."kind" = 'programme') = ("slots"."programme_id" IS NOT NULL)),
	CONSTRAINT "slots_ends_after_start" CHECK ("slots"."ends_at" > "slots"."starts_at"),
	CONSTRAINT "slots_capacity_non_negative" CHECK ("slots"."capacity" >= 0),
	CONSTRAINT "slots_allocation_within_capacity" CHECK ("slots"."school_allocation" BETWEEN 0 AND "slots"."capacity"),
	CONSTRAINT "slots_allocation_has_release" CHECK ("slots"."school_allocation" = 0 OR "slots"."allocation_release_at" IS NOT NULL),
	CONSTRAINT "slots_booking_window_ordered" CHECK ("slots"."booking_opens_at" IS NULL OR "slots"."booking_closes_at" IS NULL OR "slots"."booking_opens_at" < "slots"."booking_closes_at")
);
--> statement-breakpoint
CREATE TABLE "holiday_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"holiday" text NOT NULL,
	"year" smallint NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "holiday_days_kind_known" CHECK ("holiday_days"."kind" = ANY (ARRAY['day_off','workday']::text[])),
	CONSTRAINT "holiday_days_year_matches" CHECK ("holiday_days"."year" = extract(year FROM "holiday_days"."day"))
);
--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_adcode_districts_code_fk" FOREIGN KEY ("adcode") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "districts_parent_idx" ON "districts" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "districts_boundary_gist" ON "districts" USING gist ("boundary");--> statement-breakpoint
CREATE UNIQUE INDEX "designations_venue_title_unique" ON "designations" USING btree ("venue_id","title");--> statement-breakpoint
CREATE INDEX "venues_location_gist" ON "venues" USING gist ("location");--> statement-breakpoint
CREATE INDEX "venues_location_geog_gist" ON "venues" USING gist (("location"::geography));--> statement-breakpoint
CREATE INDEX "venues_search_grams_gin" ON "venues" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "venues_kinds_gin" ON "venues" USING gin ("kinds");--> statement-breakpoint
CREATE INDEX "venues_adcode_idx" ON "venues" USING btree ("adcode");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_source_ref_unique" ON "venues" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "programmes_venue_idx" ON "programmes" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "slots_venue_starts_idx" ON "slots" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE INDEX "slots_starts_idx" ON "slots" USING btree ("starts_at");