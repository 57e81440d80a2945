-- Catalogue search (db/queries/search.ts): what the schema cannot say. Accents are folded by
-- fold_text (0006), the IMMUTABLE form of unaccent() that indexes can use.
-- French stemming after accents are removed: « maçonnerie » and « maconnerie » give one lexeme.
CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
--> statement-breakpoint
-- The search document of a published action: title (A), Formacode labels and organisation (B),
-- objectives and results (C), content (D); and the Formacode fields of its codes, in the newest
-- edition loaded.
CREATE FUNCTION public.published_actions_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  labels text;
  organisation_name text;
BEGIN
  SELECT coalesce(string_agg(f.label, ' '), ''),
         coalesce(array_agg(DISTINCT split_part(f.field, ' ', 1)) FILTER (WHERE f.field IS NOT NULL), '{}')
    INTO labels, NEW.formacode_fields
    FROM (SELECT DISTINCT ON (code) label, field FROM public.formacodes
           WHERE code = ANY (NEW.formacodes) ORDER BY code, edition DESC) AS f;
  SELECT name INTO organisation_name FROM public.organisations WHERE id = NEW.organisation_id;
  NEW.search_document :=
       setweight(to_tsvector('public.french_unaccent', NEW.title), 'A')
    || setweight(to_tsvector('public.french_unaccent', labels || ' ' || coalesce(organisation_name, '')), 'B')
    || setweight(to_tsvector('public.french_unaccent', NEW.objectives || ' ' || NEW.results), 'C')
    || setweight(to_tsvector('public.french_unaccent', NEW.content), 'D');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER published_actions_search
  BEFORE INSERT OR UPDATE OF title, objectives, results, content, formacodes, organisation_id
  ON public.published_actions FOR EACH ROW EXECUTE FUNCTION public.published_actions_search();
--> statement-breakpoint
-- A renamed organisation is found under its new name.
CREATE FUNCTION public.organisations_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.published_actions SET title = title WHERE organisation_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_search_name
  AFTER UPDATE OF name ON public.organisations FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.organisations_search_name();
--> statement-breakpoint
-- The words of the published texts and their Formacode labels, for spelling suggestions; one set-based insert per statement.
CREATE FUNCTION public.search_lexicon_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.search_lexicon (word, plain)
  SELECT DISTINCT w, public.fold_text(w)
    FROM (SELECT new_rows.title || ' ' || new_rows.objectives || ' ' || new_rows.results || ' ' || new_rows.content || ' '
                 || coalesce((SELECT string_agg(f.label, ' ') FROM public.formacodes f WHERE f.code = ANY (new_rows.formacodes)), '') AS body
            FROM new_rows) AS t,
         unnest(tsvector_to_array(to_tsvector('simple', t.body))) AS w
   WHERE length(w) BETWEEN 3 AND 40 AND w !~ '[0-9_]'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER published_actions_lexicon_insert
  AFTER INSERT ON public.published_actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_lexicon_add();
--> statement-breakpoint
CREATE TRIGGER published_actions_lexicon_update
  AFTER UPDATE ON public.published_actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.search_lexicon_add();
--> statement-breakpoint
-- A session's department and point, from its commune.
CREATE FUNCTION public.published_sessions_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT department, latitude, longitude INTO NEW.department, NEW.latitude, NEW.longitude
    FROM public.communes WHERE insee_code = NEW.commune_insee;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER published_sessions_place
  BEFORE INSERT OR UPDATE OF commune_insee
  ON public.published_sessions FOR EACH ROW EXECUTE FUNCTION public.published_sessions_place();
--> statement-breakpoint
CREATE INDEX published_actions_search_idx ON public.published_actions USING gin (search_document);
--> statement-breakpoint
CREATE INDEX published_actions_title_trgm_idx ON public.published_actions USING gin (public.fold_text(title) gin_trgm_ops);
--> statement-breakpoint
-- A town typed in the search box is found by its name, accents, case and hyphens ignored.
CREATE INDEX communes_folded_name_idx ON public.communes (translate(public.fold_text(name), '-''’', '   '));
--> statement-breakpoint
CREATE INDEX search_lexicon_plain_trgm_idx ON public.search_lexicon USING gin (plain gin_trgm_ops);
--> statement-breakpoint
-- Rows published before this migration.
UPDATE public.published_actions SET title = title;
--> statement-breakpoint
UPDATE public.published_sessions SET commune_insee = commune_insee;
