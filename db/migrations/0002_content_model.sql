CREATE TABLE "organisation_dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "revision_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"confirmed_unchanged" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcodes" (
	"postcode" varchar(5) NOT NULL,
	"insee_code" varchar(5) NOT NULL,
	CONSTRAINT "postcodes_postcode_insee_code_pk" PRIMARY KEY("postcode","insee_code")
);
--> statement-breakpoint
ALTER TABLE "action_revisions" ADD COLUMN "quick_update" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "duplicated_from" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "legal_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "activity_number" varchar(11);--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "dossier" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "dossier_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "results" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "certifying" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "pathway" varchar(1);--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "entry_level" varchar(2);--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "exit_level" varchar(2);--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "public_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "teaching_mode" varchar(1);--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "hours_total" integer;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "free" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "funders" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "funding_sentence" text;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "street" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "street2" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "postcode" varchar(5) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "places_total" integer;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "recruitment" varchar(1) DEFAULT '1' NOT NULL;--> statement-breakpoint
-- Content stored before the complete LHÉO model: the same action, every new field at its empty
-- value, the session's commune moved into its address, its places total set to the places left.
-- Such revisions read as drafts do; the provider completes them at the next submission.
UPDATE "action_revisions" SET "content" = jsonb_build_object(
  'title', "content"->'title',
  'objectives', coalesce("content"->'objectives', '""'::jsonb),
  'results', '""'::jsonb,
  'content', coalesce("content"->'content', '""'::jsonb),
  'certifying', 'false'::jsonb,
  'certification', '{"register": "", "code": "", "label": ""}'::jsonb,
  'pathway', '""'::jsonb,
  'entryLevel', '""'::jsonb,
  'exitLevel', '""'::jsonb,
  'contact', '{"name": "", "phone": "", "email": ""}'::jsonb,
  'publicCodes', '[]'::jsonb,
  'prerequisites', '""'::jsonb,
  'entryLevelMandatory', 'false'::jsonb,
  'specificConditions', '""'::jsonb,
  'accessibility', '""'::jsonb,
  'rhythm', '""'::jsonb,
  'teachingMode', '""'::jsonb,
  'hoursCentre', 'null'::jsonb,
  'hoursCompany', 'null'::jsonb,
  'alternance', '""'::jsonb,
  'permanentEntry', coalesce("content"->'permanentEntry', 'false'::jsonb),
  'free', 'false'::jsonb,
  'price', 'null'::jsonb,
  'costCoverage', 'false'::jsonb,
  'funders', '[]'::jsonb,
  'funding', '{"notifiedOn": "", "voteDate": "", "kind": "", "comment": ""}'::jsonb,
  'modules', '[]'::jsonb,
  'sessions', coalesce((
    SELECT jsonb_agg(jsonb_build_object(
      'id', s->'id',
      'startDate', s->'startDate',
      'endDate', s->'endDate',
      'address', jsonb_build_object('street', '', 'street2', '', 'postcode', '', 'communeInsee', s->'communeInsee', 'communeName', coalesce(s->'communeName', '""'::jsonb)),
      'placesTotal', s->'placesAvailable',
      'placesAvailable', s->'placesAvailable',
      'recruitment', '"1"'::jsonb,
      'contact', '{"name": "", "phone": "", "email": ""}'::jsonb
    ) ORDER BY position)
    FROM jsonb_array_elements("content"->'sessions') WITH ORDINALITY AS x(s, position)
  ), '[]'::jsonb)
) WHERE NOT ("content" ? 'results');--> statement-breakpoint
UPDATE "published_actions" p SET "details" = r."content" FROM "action_revisions" r WHERE r."id" = p."revision_id";--> statement-breakpoint
ALTER TABLE "published_actions" ALTER COLUMN "details" SET NOT NULL;--> statement-breakpoint
UPDATE "published_sessions" SET "places_total" = "places_available";--> statement-breakpoint
ALTER TABLE "published_sessions" ALTER COLUMN "places_total" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postcodes" ADD CONSTRAINT "postcodes_insee_code_communes_insee_code_fk" FOREIGN KEY ("insee_code") REFERENCES "public"."communes"("insee_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_dossiers_number_idx" ON "organisation_dossiers" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_dossiers_one_open_idx" ON "organisation_dossiers" USING btree ("organisation_id") WHERE "organisation_dossiers"."status" in ('draft', 'submitted');--> statement-breakpoint
CREATE INDEX "organisation_dossiers_queue_idx" ON "organisation_dossiers" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "postcodes_insee_idx" ON "postcodes" USING btree ("insee_code");--> statement-breakpoint
ALTER TABLE "published_sessions" ADD CONSTRAINT "published_sessions_dates" CHECK ("published_sessions"."end_date" >= "published_sessions"."start_date");--> statement-breakpoint
ALTER TABLE "published_sessions" ADD CONSTRAINT "published_sessions_places" CHECK ("published_sessions"."places_available" >= 0 and "published_sessions"."places_available" <= "published_sessions"."places_total");