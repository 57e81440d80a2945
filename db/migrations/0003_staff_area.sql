-- The lost-codes contact was one text: it becomes { name, phone, email, details } with the text kept
-- in `details`, for staff to split into its parts.
ALTER TABLE "settings" ALTER COLUMN "value" SET DATA TYPE jsonb USING (
  CASE WHEN "key" = 'access_contact' THEN jsonb_build_object('name', '', 'phone', '', 'email', '', 'details', "value") ELSE to_jsonb("value") END
);--> statement-breakpoint
ALTER TABLE "action_revisions" ADD COLUMN "provider_content" jsonb;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD COLUMN "minor_change" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "formacodes" ADD COLUMN "synonyms" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "formacodes" ADD COLUMN "related" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "formacodes" ADD COLUMN "nsf" varchar(3);--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "rome_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "nsf_code" varchar(3);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
-- Quick updates were minor changes by construction.
UPDATE "action_revisions" SET "minor_change" = true WHERE "quick_update";