CREATE TABLE "school_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"evidence" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_claims_status_known" CHECK ("school_claims"."status" = ANY (ARRAY['pending','approved','rejected']::text[])),
	CONSTRAINT "school_claims_evidence_not_blank" CHECK (length(btrim("school_claims"."evidence")) > 0),
	CONSTRAINT "school_claims_rejection_has_reason" CHECK ("school_claims"."status" <> 'rejected' OR "school_claims"."reason" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "import_errors" DROP CONSTRAINT "import_errors_code_known";--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "grades" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "location" geometry(Point,4326);--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "source_crs" text DEFAULT 'wgs84' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "address_zh" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "address_en" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "pupil_count" integer;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "verification_status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "verified_by" uuid;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "source" text DEFAULT 'kaimen-console' NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "source_ref" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "import_duplicates" ADD COLUMN "existing_school_id" uuid;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "entity" text DEFAULT 'venues' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "verify" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "school_claims" ADD CONSTRAINT "school_claims_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_claims" ADD CONSTRAINT "school_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_claims" ADD CONSTRAINT "school_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "school_claims_pending_unique" ON "school_claims" USING btree ("school_id","user_id") WHERE "school_claims"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "school_claims_status_idx" ON "school_claims" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_duplicates" ADD CONSTRAINT "import_duplicates_existing_school_id_schools_id_fk" FOREIGN KEY ("existing_school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "schools_source_ref_unique" ON "schools" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "schools_adcode_idx" ON "schools" USING btree ("adcode");--> statement-breakpoint
CREATE INDEX "schools_review_idx" ON "schools" USING btree ("verification_status","created_at");--> statement-breakpoint
CREATE INDEX "schools_location_gist" ON "schools" USING gist ("location");--> statement-breakpoint
CREATE INDEX "import_duplicates_existing_school_idx" ON "import_duplicates" USING btree ("existing_school_id");--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_kind_known" CHECK ("schools"."kind" IS NULL OR "schools"."kind" = ANY (ARRAY['kindergarten','primary','junior_secondary','senior_secondary','nine_year','twelve_year','special_education']::text[]));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_grades_valid" CHECK ("schools"."grades" <@ ARRAY[0,1,2,3,4,5,6,7,8,9,10,11,12]::smallint[]);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_location_valid" CHECK ("schools"."location" IS NULL OR (ST_SRID("schools"."location") = 4326 AND ST_GeometryType("schools"."location") = 'ST_Point' AND ST_X("schools"."location") BETWEEN -180 AND 180 AND ST_Y("schools"."location") BETWEEN -90 AND 90));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_source_crs_known" CHECK ("schools"."source_crs" = ANY (ARRAY['wgs84','gcj02','bd09']::text[]));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_pupil_count_sane" CHECK ("schools"."pupil_count" IS NULL OR "schools"."pupil_count" BETWEEN 0 AND 100000);--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_verification_known" CHECK ("schools"."verification_status" = ANY (ARRAY['pending','verified','rejected']::text[]));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_verified_is_placed" CHECK ("schools"."verification_status" <> 'verified' OR ("schools"."location" IS NOT NULL AND "schools"."adcode" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_rejection_has_reason" CHECK ("schools"."verification_status" <> 'rejected' OR "schools"."review_note" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_code_known" CHECK ("import_errors"."code" = ANY (ARRAY['CSV_SYNTAX','COLUMN_COUNT','GEOMETRY_NOT_POINT','NAME_REQUIRED','COORDINATES_REQUIRED','INVALID_NUMBER','COORDINATE_OUT_OF_RANGE','KIND_REQUIRED','UNKNOWN_KIND','UNKNOWN_THEME','INVALID_VALUE','VALUE_TOO_LONG','DUPLICATE_SOURCE_REF','INVALID_GRADES','OUTSIDE_REGION','DB_REJECTED']::text[]));--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_entity_known" CHECK ("import_jobs"."entity" = ANY (ARRAY['venues','schools']::text[]));