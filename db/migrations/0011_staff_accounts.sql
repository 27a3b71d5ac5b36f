-- Venue staff accounts (issue 12): a member of an organisation has a role (manager, co_manager, door_staff;
-- the makers of existing organisations stay managers), and managers invite colleagues by e-mail with a
-- single-use, expiring token stored as its hash.
CREATE TABLE "organisation_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_invitations_role_known" CHECK ("organisation_invitations"."role" = ANY (ARRAY['co_manager','door_staff']::text[])),
	CONSTRAINT "organisation_invitations_email_shape" CHECK ("organisation_invitations"."email" = lower("organisation_invitations"."email") AND "organisation_invitations"."email" ~ '^[^@\s]+@[^@\s]+$'),
	CONSTRAINT "organisation_invitations_settled_once" CHECK ("organisation_invitations"."accepted_at" IS NULL OR "organisation_invitations"."revoked_at" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "organisation_members" ADD COLUMN "role" text DEFAULT 'manager' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_invitations_token_unique" ON "organisation_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_invitations_live_unique" ON "organisation_invitations" USING btree ("organisation_id","email") WHERE "organisation_invitations"."accepted_at" IS NULL AND "organisation_invitations"."revoked_at" IS NULL;--> statement-breakpoint
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_role_known" CHECK ("organisation_members"."role" = ANY (ARRAY['manager','co_manager','door_staff']::text[]));
