CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status_code" integer NOT NULL,
	"body" jsonb NOT NULL,
	"replayable" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"places" integer NOT NULL,
	"party" jsonb NOT NULL,
	"school_id" uuid,
	"offer_booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_kind_known" CHECK ("waitlist_entries"."kind" = ANY (ARRAY['family','group']::text[])),
	CONSTRAINT "waitlist_status_known" CHECK ("waitlist_entries"."status" = ANY (ARRAY['waiting','offered','booked','left','expired','cancelled']::text[])),
	CONSTRAINT "waitlist_places_positive" CHECK ("waitlist_entries"."places" > 0),
	CONSTRAINT "waitlist_group_has_school" CHECK (("waitlist_entries"."kind" = 'group') = ("waitlist_entries"."school_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_status_known";--> statement-breakpoint
DROP INDEX "bookings_user_idx";--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "approval" text DEFAULT 'groups' NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "approval_hours" integer DEFAULT 72 NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "cancel_hours_before" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "groups_use_public" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "max_family_party" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "waitlist_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "school_places" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "public_places" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "pupils" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "grade" smallint;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "access_needs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "checked_in_by" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "arrived_adults" integer;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "arrived_minors" integer;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Bookings made before the booking core: groups took school places, families public ones; a waiting
-- booking gets the default approval deadline.
UPDATE "bookings" SET
  "school_places" = CASE WHEN "kind" = 'group' THEN "places" ELSE 0 END,
  "public_places" = CASE WHEN "kind" = 'group' THEN 0 ELSE "places" END,
  "pupils" = CASE WHEN "kind" = 'group' THEN "places" - "adults" ELSE 0 END,
  "expires_at" = CASE WHEN "status" IN ('held', 'pending') THEN "created_at" + interval '72 hours' END;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_offer_booking_id_bookings_id_fk" FOREIGN KEY ("offer_booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_one_live_per_user" ON "waitlist_entries" USING btree ("slot_id","user_id") WHERE "waitlist_entries"."status" IN ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "waitlist_slot_order_idx" ON "waitlist_entries" USING btree ("slot_id","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_user_idx" ON "waitlist_entries" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_live_per_user" ON "bookings" USING btree ("slot_id","user_id") WHERE "bookings"."status" IN ('held', 'pending', 'confirmed');--> statement-breakpoint
CREATE INDEX "bookings_school_idx" ON "bookings" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "bookings_waiting_idx" ON "bookings" USING btree ("expires_at") WHERE "bookings"."status" IN ('held', 'pending');--> statement-breakpoint
CREATE INDEX "bookings_user_idx" ON "bookings" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_approval_known" CHECK ("slots"."approval" = ANY (ARRAY['none','groups','all']::text[]));--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_booking_rules_sane" CHECK ("slots"."approval_hours" BETWEEN 1 AND 720 AND "slots"."cancel_hours_before" BETWEEN 0 AND 720 AND "slots"."max_family_party" BETWEEN 1 AND 50);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_places_split" CHECK ("bookings"."school_places" >= 0 AND "bookings"."public_places" >= 0 AND "bookings"."school_places" + "bookings"."public_places" = "bookings"."places");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_family_public_only" CHECK ("bookings"."kind" = 'group' OR "bookings"."school_places" = 0);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_pupils_sane" CHECK ("bookings"."pupils" >= 0 AND "bookings"."pupils" + "bookings"."adults" <= "bookings"."places");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_grade_sane" CHECK ("bookings"."grade" IS NULL OR "bookings"."grade" BETWEEN 0 AND 12);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_waiting_has_deadline" CHECK ("bookings"."status" NOT IN ('held', 'pending') OR "bookings"."expires_at" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_arrived_sane" CHECK (("bookings"."arrived_adults" IS NULL OR "bookings"."arrived_adults" >= 0) AND ("bookings"."arrived_minors" IS NULL OR "bookings"."arrived_minors" >= 0));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_status_known" CHECK ("bookings"."status" = ANY (ARRAY['held','pending','confirmed','declined','cancelled','slot_cancelled','expired']::text[]));