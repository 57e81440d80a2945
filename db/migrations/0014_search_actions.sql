CREATE TABLE "search_actions" (
	"action_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_diffused_until" date NOT NULL,
	"organisation_diffused_until" date NOT NULL,
	"diffused_until" date GENERATED ALWAYS AS (least(action_diffused_until, organisation_diffused_until)) STORED NOT NULL,
	"title" text NOT NULL,
	"rank_document" "tsvector" NOT NULL,
	"facet_keys" text[] NOT NULL,
	"permanent_entry" boolean NOT NULL,
	"session_starts" date[] NOT NULL,
	"session_keys" text[] NOT NULL,
	"session_communes" text[] NOT NULL,
	"session_latitudes" real[] NOT NULL,
	"session_longitudes" real[] NOT NULL,
	"session_open" boolean[] NOT NULL,
	"departments" text[] NOT NULL,
	"department_last_starts" date[] NOT NULL,
	"department_last_open_starts" date[] NOT NULL,
	"organisation_commune" varchar(5),
	"organisation_department" varchar(3),
	"organisation_latitude" real,
	"organisation_longitude" real,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_actions" ADD CONSTRAINT "search_actions_action_id_published_actions_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."published_actions"("action_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_actions" ADD CONSTRAINT "search_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_actions_organisation_idx" ON "search_actions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "search_actions_organisation_commune_idx" ON "search_actions" USING btree ("organisation_commune");
--> statement-breakpoint
-- The catalogue search reads this copy of each published action (db/schema.ts, searchActions).
-- Rows stay small: the full document goes out of line whenever the row is toasted (the search
-- reads only its GIN index); the other columns are stored plain, never compressed (read for every
-- match). Their size is bounded: title 255 characters, relevance part at most 2,000 bytes
-- (search_rank_document), 60 sessions, 5 Formacode, 8 funders, 10 publics — under 7 KB.
ALTER TABLE "search_actions" SET (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE "search_actions"
  ALTER COLUMN "title" SET STORAGE PLAIN, ALTER COLUMN "rank_document" SET STORAGE PLAIN, ALTER COLUMN "facet_keys" SET STORAGE PLAIN,
  ALTER COLUMN "session_starts" SET STORAGE PLAIN, ALTER COLUMN "session_keys" SET STORAGE PLAIN, ALTER COLUMN "session_communes" SET STORAGE PLAIN,
  ALTER COLUMN "session_latitudes" SET STORAGE PLAIN, ALTER COLUMN "session_longitudes" SET STORAGE PLAIN,
  ALTER COLUMN "session_open" SET STORAGE PLAIN, ALTER COLUMN "departments" SET STORAGE PLAIN,
  ALTER COLUMN "department_last_starts" SET STORAGE PLAIN, ALTER COLUMN "department_last_open_starts" SET STORAGE PLAIN,
  ALTER COLUMN "document" SET STORAGE EXTERNAL,
  -- No statistics: the planner then estimates a word's matches at its default 0.5 % and always
  -- takes the GIN index. With statistics, a frequent word made a seq scan look cheaper, and a seq
  -- scan fetches every row's document.
  ALTER COLUMN "document" SET STATISTICS 0;
--> statement-breakpoint
-- What relevance is computed on: the title (A) and the Formacode labels and organisation (B) of
-- the document; the title alone if that passes 2,000 bytes (very long labels and name in a script
-- whose every character is a word), nothing if even the title does.
CREATE FUNCTION public.search_rank_document(document tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN pg_column_size(ts_filter(document, '{a,b}')) <= 2000 THEN ts_filter(document, '{a,b}')
    WHEN pg_column_size(ts_filter(document, '{a}')) <= 2000 THEN ts_filter(document, '{a}')
    ELSE ''::tsvector
  END
$$;
--> statement-breakpoint
-- Every filter value of an action, prefixed by its filter's letter (lib/search/facet-keys.ts).
CREATE FUNCTION public.search_facet_keys(fields text[], funders text[], publics text[], level text, mode text, certifying boolean, permanent boolean)
  RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array(SELECT DISTINCT 'f' || x FROM unnest(fields) x)
      || array(SELECT DISTINCT 'u' || x FROM unnest(funders) x)
      || array(SELECT DISTINCT 'p' || x FROM unnest(publics) x)
      || CASE WHEN level IS NULL THEN '{}'::text[] ELSE ARRAY['l' || level] END
      || CASE WHEN mode IS NULL THEN '{}'::text[] ELSE ARRAY['m' || mode] END
      || CASE WHEN certifying THEN ARRAY['c'] ELSE '{}'::text[] END
      || CASE WHEN permanent THEN ARRAY['e'] ELSE '{}'::text[] END
$$;
--> statement-breakpoint
-- The organisation's part of the diffusion rule (lib/diffusion-sql.ts, searchDiffusedSql).
CREATE FUNCTION public.search_organisation_until(dossier_until date, archived_at timestamptz)
  RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN archived_at IS NOT NULL THEN '-infinity'::date ELSE dossier_until END
$$;
--> statement-breakpoint
-- The rows of these published actions, from published_actions. A row already there gets the
-- action's columns only: the organisation's are written by the organisation's trigger below, so
-- that an action written while its organisation changes never brings back the organisation's old
-- values. A new row (or an action moved to another organisation) reads the organisation under a
-- share lock: a change of it in progress is waited for and seen.
CREATE FUNCTION public.search_actions_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE public.search_actions s SET
    action_diffused_until = n.diffused_until, title = n.title, rank_document = public.search_rank_document(coalesce(n.search_document, ''::tsvector)),
    facet_keys = public.search_facet_keys(n.formacode_fields, n.funders, n.public_codes, n.exit_level, n.teaching_mode, n.certifying, n.permanent_entry),
    permanent_entry = n.permanent_entry, session_starts = n.session_starts, session_keys = n.session_keys, session_communes = n.session_communes,
    session_latitudes = n.session_latitudes, session_longitudes = n.session_longitudes, session_open = n.session_open,
    departments = n.departments, department_last_starts = n.department_last_starts, department_last_open_starts = n.department_last_open_starts,
    document = coalesce(n.search_document, ''::tsvector)
  FROM public.published_actions n
  WHERE n.action_id = ANY (ids) AND s.action_id = n.action_id AND s.organisation_id = n.organisation_id;
  INSERT INTO public.search_actions AS s (action_id, organisation_id, action_diffused_until, organisation_diffused_until, title, rank_document,
      facet_keys, permanent_entry, session_starts, session_keys, session_communes, session_latitudes, session_longitudes, session_open,
      departments, department_last_starts, department_last_open_starts,
      organisation_commune, organisation_department, organisation_latitude, organisation_longitude, document)
  SELECT n.action_id, n.organisation_id, n.diffused_until, public.search_organisation_until(o.dossier_valid_until, o.archived_at), n.title,
         public.search_rank_document(coalesce(n.search_document, ''::tsvector)),
         public.search_facet_keys(n.formacode_fields, n.funders, n.public_codes, n.exit_level, n.teaching_mode, n.certifying, n.permanent_entry),
         n.permanent_entry, n.session_starts, n.session_keys, n.session_communes, n.session_latitudes, n.session_longitudes, n.session_open,
         n.departments, n.department_last_starts, n.department_last_open_starts,
         o.commune_insee, c.department, c.latitude, c.longitude, coalesce(n.search_document, ''::tsvector)
    FROM public.published_actions n
    JOIN public.organisations o ON o.id = n.organisation_id
    LEFT JOIN public.communes c ON c.insee_code = o.commune_insee
   WHERE n.action_id = ANY (ids)
     AND NOT EXISTS (SELECT 1 FROM public.search_actions x WHERE x.action_id = n.action_id AND x.organisation_id = n.organisation_id)
     FOR SHARE OF o
  ON CONFLICT (action_id) DO UPDATE SET
    organisation_id = excluded.organisation_id, action_diffused_until = excluded.action_diffused_until,
    organisation_diffused_until = excluded.organisation_diffused_until, title = excluded.title,
    rank_document = excluded.rank_document, facet_keys = excluded.facet_keys, permanent_entry = excluded.permanent_entry,
    session_starts = excluded.session_starts, session_keys = excluded.session_keys, session_communes = excluded.session_communes,
    session_latitudes = excluded.session_latitudes, session_longitudes = excluded.session_longitudes, session_open = excluded.session_open,
    departments = excluded.departments, department_last_starts = excluded.department_last_starts,
    department_last_open_starts = excluded.department_last_open_starts,
    organisation_commune = excluded.organisation_commune, organisation_department = excluded.organisation_department,
    organisation_latitude = excluded.organisation_latitude, organisation_longitude = excluded.organisation_longitude,
    document = excluded.document
$$;
--> statement-breakpoint
CREATE FUNCTION public.search_actions_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.search_actions_refresh(array(SELECT action_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER published_actions_search_insert
  AFTER INSERT ON public.published_actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_actions_write();
--> statement-breakpoint
CREATE TRIGGER published_actions_search_update
  AFTER UPDATE ON public.published_actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_actions_write();
--> statement-breakpoint
-- A dossier decided, expired or renewed, an organisation archived or moved: its actions' rows,
-- the organisation's columns only. (dossier_valid_until is written by a BEFORE trigger, so a
-- column list would miss it.)
CREATE FUNCTION public.organisations_search_actions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.search_actions s
     SET organisation_diffused_until = public.search_organisation_until(NEW.dossier_valid_until, NEW.archived_at),
         organisation_commune = NEW.commune_insee, organisation_department = c.department,
         organisation_latitude = c.latitude, organisation_longitude = c.longitude
    FROM (SELECT NEW.commune_insee AS insee_code) AS place
    LEFT JOIN public.communes c ON c.insee_code = place.insee_code
   WHERE s.organisation_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_search_actions
  AFTER UPDATE ON public.organisations FOR EACH ROW
  WHEN (OLD.dossier_valid_until IS DISTINCT FROM NEW.dossier_valid_until OR OLD.archived_at IS DISTINCT FROM NEW.archived_at
        OR OLD.commune_insee IS DISTINCT FROM NEW.commune_insee)
  EXECUTE FUNCTION public.organisations_search_actions();
--> statement-breakpoint
-- A commune's department or point corrected by a reference load: the organisations' places there.
CREATE FUNCTION public.communes_search_actions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.search_actions
     SET organisation_department = NEW.department, organisation_latitude = NEW.latitude, organisation_longitude = NEW.longitude
   WHERE organisation_commune = NEW.insee_code;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER communes_search_actions
  AFTER UPDATE ON public.communes FOR EACH ROW
  WHEN ((OLD.department, OLD.latitude, OLD.longitude) IS DISTINCT FROM (NEW.department, NEW.latitude, NEW.longitude))
  EXECUTE FUNCTION public.communes_search_actions();
--> statement-breakpoint
-- Rows published before this migration.
SELECT public.search_actions_refresh(array(SELECT action_id FROM public.published_actions));
--> statement-breakpoint
CREATE INDEX search_actions_document_idx ON public.search_actions USING gin (document);
--> statement-breakpoint
CREATE INDEX search_actions_title_trgm_idx ON public.search_actions USING gin (public.fold_text(title) gin_trgm_ops);
--> statement-breakpoint
-- The search no longer reads these.
DROP INDEX IF EXISTS public.published_actions_search_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS public.published_actions_title_trgm_idx;
