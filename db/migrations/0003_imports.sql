CREATE TABLE "import_duplicates" (
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"name" text NOT NULL,
	"existing_venue_id" uuid,
	"existing_line" integer,
	"existing_name" text NOT NULL,
	"distance_m" double precision NOT NULL,
	CONSTRAINT "import_duplicates_job_id_line_pk" PRIMARY KEY("job_id","line")
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "import_errors_job_id_line_pk" PRIMARY KEY("job_id","line"),
	CONSTRAINT "import_errors_code_known" CHECK ("import_errors"."code" = ANY (ARRAY['CSV_SYNTAX','COLUMN_COUNT','GEOMETRY_NOT_POINT','NAME_REQUIRED','COORDINATES_REQUIRED','INVALID_NUMBER','COORDINATE_OUT_OF_RANGE','KIND_REQUIRED','UNKNOWN_KIND','UNKNOWN_THEME','INVALID_VALUE','VALUE_TOO_LONG','DUPLICATE_SOURCE_REF','DB_REJECTED']::text[]))
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"format" text NOT NULL,
	"crs" text NOT NULL,
	"source" text NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"mapping" jsonb NOT NULL,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"failed_rows" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_jobs_status_known" CHECK ("import_jobs"."status" = ANY (ARRAY['queued','running','done','failed']::text[])),
	CONSTRAINT "import_jobs_format_known" CHECK ("import_jobs"."format" = ANY (ARRAY['csv','geojson']::text[])),
	CONSTRAINT "import_jobs_crs_known" CHECK ("import_jobs"."crs" = ANY (ARRAY['wgs84','gcj02','bd09']::text[])),
	CONSTRAINT "import_jobs_counts_sane" CHECK ("import_jobs"."processed_rows" >= 0 AND "import_jobs"."inserted" >= 0 AND "import_jobs"."updated" >= 0 AND "import_jobs"."failed_rows" >= 0 AND "import_jobs"."duplicates" >= 0 AND ("import_jobs"."total_rows" IS NULL OR "import_jobs"."processed_rows" <= "import_jobs"."total_rows"))
);
--> statement-breakpoint
ALTER TABLE "import_duplicates" ADD CONSTRAINT "import_duplicates_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_duplicates" ADD CONSTRAINT "import_duplicates_existing_venue_id_venues_id_fk" FOREIGN KEY ("existing_venue_id") REFERENCES "public"."venues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_duplicates_existing_venue_idx" ON "import_duplicates" USING btree ("existing_venue_id");--> statement-breakpoint
CREATE INDEX "import_jobs_unfinished_idx" ON "import_jobs" USING btree ("heartbeat_at") WHERE "import_jobs"."status" IN ('queued', 'running');