CREATE TYPE "public"."revision_status" AS ENUM('draft', 'submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('provider', 'staff', 'admin');--> statement-breakpoint
CREATE TABLE "action_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "revision_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"codification" jsonb,
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
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"first_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" "user_role",
	"event" varchar(64) NOT NULL,
	"entity_type" varchar(32) NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"insee_code" varchar(5) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"department" varchar(3) NOT NULL,
	"latitude" real,
	"longitude" real
);
--> statement-breakpoint
CREATE TABLE "formacodes" (
	"edition" varchar(8) NOT NULL,
	"code" varchar(5) NOT NULL,
	"label" text NOT NULL,
	"field" text,
	"kind" text,
	CONSTRAINT "formacodes_edition_code_pk" PRIMARY KEY("edition","code")
);
--> statement-breakpoint
CREATE TABLE "nsf_codes" (
	"code" varchar(3) PRIMARY KEY NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" varchar(120) NOT NULL,
	"siret" varchar(14) NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" varchar(5) NOT NULL,
	"commune_insee" varchar(5) NOT NULL,
	"email" text,
	"phone" text,
	"dossier_approved_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisations_siret_unique" UNIQUE("siret"),
	CONSTRAINT "organisations_siret_format" CHECK ("organisations"."siret" ~ '^[0-9]{14}$')
);
--> statement-breakpoint
CREATE TABLE "published_actions" (
	"action_id" uuid PRIMARY KEY NOT NULL,
	"revision_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" varchar(160) NOT NULL,
	"title" text NOT NULL,
	"objectives" text NOT NULL,
	"content" text NOT NULL,
	"permanent_entry" boolean DEFAULT false NOT NULL,
	"formacodes" text[] NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"first_published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "published_actions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "published_sessions" (
	"id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"commune_insee" varchar(5) NOT NULL,
	"places_available" integer NOT NULL,
	CONSTRAINT "published_sessions_action_id_id_pk" PRIMARY KEY("action_id","id")
);
--> statement-breakpoint
CREATE TABLE "rome_codes" (
	"code" varchar(5) PRIMARY KEY NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" varchar(64) NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"organisation_id" uuid,
	"disabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_commune_insee_communes_insee_code_fk" FOREIGN KEY ("commune_insee") REFERENCES "public"."communes"("insee_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_actions" ADD CONSTRAINT "published_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_actions" ADD CONSTRAINT "published_actions_revision_id_action_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."action_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_actions" ADD CONSTRAINT "published_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD CONSTRAINT "published_sessions_action_id_published_actions_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."published_actions"("action_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD CONSTRAINT "published_sessions_commune_insee_communes_insee_code_fk" FOREIGN KEY ("commune_insee") REFERENCES "public"."communes"("insee_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_revisions_number_idx" ON "action_revisions" USING btree ("action_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "action_revisions_one_open_idx" ON "action_revisions" USING btree ("action_id") WHERE "action_revisions"."status" in ('draft', 'submitted');--> statement-breakpoint
CREATE INDEX "action_revisions_queue_idx" ON "action_revisions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "actions_organisation_idx" ON "actions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "communes_name_idx" ON "communes" USING btree ("name");--> statement-breakpoint
CREATE INDEX "formacodes_label_idx" ON "formacodes" USING btree ("label");--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" USING btree ("name");--> statement-breakpoint
CREATE INDEX "published_actions_organisation_idx" ON "published_actions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "published_sessions_action_idx" ON "published_sessions" USING btree ("action_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "users_identifier_idx" ON "users" USING btree (lower("identifier"));--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");