ALTER TABLE "organisations" ADD COLUMN "dossier_valid_until" date DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "diffused_until" date DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
-- The diffusion rule (lib/diffusion.ts) as two dates that only writes change, so that a public
-- read asks `today < date`, with no join to the dossiers nor to the sessions. The rule is
-- monotone in time: what is diffused on a day was diffused on every day before, back to the last
-- write. The constants are those of lib/diffusion.ts (12 months, J+8); db/queries/catalogue.test.ts
-- checks the dates against it, day by day.
--
-- R8, as isDossierValid: valid before the approval's Paris day + 12 months, for good while a
-- renewal sent before that day waits for staff; never when the dossier was never approved.
CREATE FUNCTION public.dossier_valid_until(organisation uuid, approved_at timestamptz) RETURNS date
  LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN approved_at IS NULL THEN '-infinity'::date
    WHEN EXISTS (SELECT 1 FROM public.organisation_dossiers d
                  WHERE d.organisation_id = organisation AND d.status = 'submitted'
                    AND (d.submitted_at AT TIME ZONE 'Europe/Paris')::date < ((approved_at AT TIME ZONE 'Europe/Paris')::date + interval '12 months')::date)
      THEN 'infinity'::date
    ELSE ((approved_at AT TIME ZONE 'Europe/Paris')::date + interval '12 months')::date
  END
$$;
--> statement-breakpoint
-- The action's part: nothing when archived, for good with permanent entry, else until its last
-- session's J+8 (a session is withdrawn 8 days after it starts, R9).
CREATE FUNCTION public.action_diffused_until(action uuid, permanent boolean) RETURNS date
  LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM public.actions a WHERE a.id = action AND a.archived_at IS NOT NULL) THEN '-infinity'::date
    WHEN permanent THEN 'infinity'::date
    ELSE coalesce((SELECT max(s.start_date) FROM public.published_sessions s WHERE s.action_id = action) + 8, '-infinity'::date)
  END
$$;
--> statement-breakpoint
-- Computed on every write of the row: no one can set them to anything else.
CREATE FUNCTION public.organisations_dossier_valid_until() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.dossier_valid_until := public.dossier_valid_until(NEW.id, NEW.dossier_approved_at);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_dossier_valid_until
  BEFORE INSERT OR UPDATE ON public.organisations FOR EACH ROW EXECUTE FUNCTION public.organisations_dossier_valid_until();
--> statement-breakpoint
CREATE FUNCTION public.published_actions_diffused_until() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.diffused_until := public.action_diffused_until(NEW.action_id, NEW.permanent_entry);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER published_actions_diffused_until
  BEFORE INSERT OR UPDATE ON public.published_actions FOR EACH ROW EXECUTE FUNCTION public.published_actions_diffused_until();
--> statement-breakpoint
-- A dossier sent, decided or withdrawn: its organisation's date again (dossiers are never deleted).
CREATE FUNCTION public.organisation_dossiers_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.organisations o SET dossier_valid_until = o.dossier_valid_until
   WHERE o.id IN (SELECT organisation_id FROM changed_rows)
     AND o.dossier_valid_until IS DISTINCT FROM public.dossier_valid_until(o.id, o.dossier_approved_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisation_dossiers_insert
  AFTER INSERT ON public.organisation_dossiers REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.organisation_dossiers_touch();
--> statement-breakpoint
CREATE TRIGGER organisation_dossiers_update
  AFTER UPDATE ON public.organisation_dossiers REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.organisation_dossiers_touch();
--> statement-breakpoint
-- Sessions replaced on approval (or any write): their action's date again.
CREATE FUNCTION public.published_sessions_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.published_actions pa SET diffused_until = pa.diffused_until
   WHERE pa.action_id IN (SELECT action_id FROM changed_rows)
     AND pa.diffused_until IS DISTINCT FROM public.action_diffused_until(pa.action_id, pa.permanent_entry);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER published_sessions_insert
  AFTER INSERT ON public.published_sessions REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.published_sessions_touch();
--> statement-breakpoint
CREATE TRIGGER published_sessions_delete
  AFTER DELETE ON public.published_sessions REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.published_sessions_touch();
--> statement-breakpoint
-- An update may move a session to another action: both actions' dates again.
CREATE TRIGGER published_sessions_update_old
  AFTER UPDATE ON public.published_sessions REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.published_sessions_touch();
--> statement-breakpoint
CREATE TRIGGER published_sessions_update_new
  AFTER UPDATE ON public.published_sessions REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.published_sessions_touch();
--> statement-breakpoint
-- An action archived (or brought back): its published row's date again.
CREATE FUNCTION public.actions_archive_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.published_actions SET diffused_until = diffused_until WHERE action_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER actions_archive_touch
  AFTER UPDATE OF archived_at ON public.actions FOR EACH ROW
  WHEN (OLD.archived_at IS DISTINCT FROM NEW.archived_at) EXECUTE FUNCTION public.actions_archive_touch();
--> statement-breakpoint
-- The lexicon takes the words of rows whose texts changed only: the dates above rewrite rows
-- without changing their words.
DROP TRIGGER published_actions_lexicon_update ON public.published_actions;
--> statement-breakpoint
CREATE FUNCTION public.search_lexicon_add_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.search_lexicon (word, plain)
  SELECT DISTINCT w, public.fold_text(w)
    FROM (SELECT n.title || ' ' || n.objectives || ' ' || n.results || ' ' || n.content || ' '
                 || coalesce((SELECT string_agg(f.label, ' ') FROM public.formacodes f WHERE f.code = ANY (n.formacodes)), '') AS body
            FROM new_rows n JOIN old_rows o ON o.action_id = n.action_id
           WHERE (n.title, n.objectives, n.results, n.content, n.formacodes) IS DISTINCT FROM (o.title, o.objectives, o.results, o.content, o.formacodes)) AS t,
         unnest(tsvector_to_array(to_tsvector('simple', t.body))) AS w
   WHERE length(w) BETWEEN 3 AND 40 AND w !~ '[0-9_]'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER published_actions_lexicon_update
  AFTER UPDATE ON public.published_actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_lexicon_add_changed();
--> statement-breakpoint
-- Rows written before this migration.
UPDATE public.organisations SET dossier_valid_until = dossier_valid_until;
--> statement-breakpoint
UPDATE public.published_actions SET diffused_until = diffused_until;
