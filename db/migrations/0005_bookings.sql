CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"places" integer NOT NULL,
	"adults" integer DEFAULT 0 NOT NULL,
	"children_by_band" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"school_id" uuid,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "bookings_kind_known" CHECK ("bookings"."kind" = ANY (ARRAY['family','group']::text[])),
	CONSTRAINT "bookings_status_known" CHECK ("bookings"."status" = ANY (ARRAY['held','pending','confirmed','declined','cancelled','slot_cancelled']::text[])),
	CONSTRAINT "bookings_places_positive" CHECK ("bookings"."places" > 0 AND "bookings"."adults" >= 0 AND "bookings"."adults" <= "bookings"."places"),
	CONSTRAINT "bookings_group_has_school" CHECK (("bookings"."kind" = 'group') = ("bookings"."school_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_code_unique" ON "bookings" USING btree ("code");--> statement-breakpoint
CREATE INDEX "bookings_slot_idx" ON "bookings" USING btree ("slot_id","status");--> statement-breakpoint
CREATE INDEX "bookings_user_idx" ON "bookings" USING btree ("user_id");