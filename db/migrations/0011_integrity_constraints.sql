-- Rows written before these checks existed get the dates the checks need from what the row
-- itself says (its last update), so that the constraints can be added on a live database.
UPDATE "action_revisions" SET "submitted_at" = coalesce("decided_at", "updated_at") WHERE "status" <> 'draft' AND "submitted_at" IS NULL;--> statement-breakpoint
UPDATE "action_revisions" SET "decided_at" = "updated_at" WHERE "status" IN ('approved', 'rejected') AND "decided_at" IS NULL;--> statement-breakpoint
UPDATE "organisation_dossiers" SET "submitted_at" = coalesce("decided_at", "updated_at") WHERE "status" <> 'draft' AND "submitted_at" IS NULL;--> statement-breakpoint
UPDATE "organisation_dossiers" SET "decided_at" = "updated_at" WHERE "status" IN ('approved', 'rejected') AND "decided_at" IS NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_duplicated_from_actions_id_fk" FOREIGN KEY ("duplicated_from") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_number" CHECK ("action_revisions"."number" >= 1);--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_submitted" CHECK ("action_revisions"."status" = 'draft' or "action_revisions"."submitted_at" is not null);--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_decided" CHECK ("action_revisions"."status" in ('draft', 'submitted') or "action_revisions"."decided_at" is not null);--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_rejection_reason" CHECK ("action_revisions"."status" <> 'rejected' or coalesce(length(btrim("action_revisions"."rejection_reason")), 0) > 0);--> statement-breakpoint
ALTER TABLE "action_revisions" ADD CONSTRAINT "action_revisions_codification" CHECK ("action_revisions"."status" <> 'approved' or "action_revisions"."codification" is not null);--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_version" CHECK ("actions"."version" >= 0);--> statement-breakpoint
ALTER TABLE "diffusion_changes" ADD CONSTRAINT "diffusion_changes_entity" CHECK ("diffusion_changes"."entity" in ('session', 'action', 'organisation'));--> statement-breakpoint
ALTER TABLE "diffusion_changes" ADD CONSTRAINT "diffusion_changes_change" CHECK ("diffusion_changes"."change" in ('left', 'returned'));--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_attempts" CHECK ("mail_outbox"."attempts" >= 0);--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_number" CHECK ("organisation_dossiers"."number" >= 1);--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_submitted" CHECK ("organisation_dossiers"."status" = 'draft' or "organisation_dossiers"."submitted_at" is not null);--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_decided" CHECK ("organisation_dossiers"."status" in ('draft', 'submitted') or "organisation_dossiers"."decided_at" is not null);--> statement-breakpoint
ALTER TABLE "organisation_dossiers" ADD CONSTRAINT "organisation_dossiers_rejection_reason" CHECK ("organisation_dossiers"."status" <> 'rejected' or coalesce(length(btrim("organisation_dossiers"."rejection_reason")), 0) > 0);--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_dossier_version" CHECK ("organisations"."dossier_version" >= 0);--> statement-breakpoint
ALTER TABLE "published_actions" ADD CONSTRAINT "published_actions_formacodes" CHECK (cardinality("published_actions"."formacodes") >= 1);--> statement-breakpoint
ALTER TABLE "published_actions" ADD CONSTRAINT "published_actions_hours" CHECK ("published_actions"."hours_total" is null or "published_actions"."hours_total" >= 0);--> statement-breakpoint
ALTER TABLE "published_actions" ADD CONSTRAINT "published_actions_first_published" CHECK ("published_actions"."first_published_at" <= "published_actions"."published_at");--> statement-breakpoint
ALTER TABLE "published_sessions" ADD CONSTRAINT "published_sessions_recruitment" CHECK ("published_sessions"."recruitment" ~ '^[0-9]$');
--> statement-breakpoint
-- Content is archived, never deleted (DESIGN.md: an action's history, the organisations, the
-- people who acted and the audit log stay); the read model (published_*) may be rewritten.
CREATE OR REPLACE FUNCTION refuse_hard_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are archived, never deleted', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
-- The audit log is append-only: what happened stays as it was written.
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
CREATE TRIGGER actions_no_delete BEFORE DELETE ON "actions" FOR EACH ROW EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER actions_no_truncate BEFORE TRUNCATE ON "actions" FOR EACH STATEMENT EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER action_revisions_no_delete BEFORE DELETE ON "action_revisions" FOR EACH ROW EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER action_revisions_no_truncate BEFORE TRUNCATE ON "action_revisions" FOR EACH STATEMENT EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER organisations_no_delete BEFORE DELETE ON "organisations" FOR EACH ROW EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER organisations_no_truncate BEFORE TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER organisation_dossiers_no_delete BEFORE DELETE ON "organisation_dossiers" FOR EACH ROW EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER organisation_dossiers_no_truncate BEFORE TRUNCATE ON "organisation_dossiers" FOR EACH STATEMENT EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER users_no_delete BEFORE DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION refuse_hard_delete();--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
