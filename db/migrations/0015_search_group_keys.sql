-- The counts of the catalogue search group the matches by their filter keys and departments
-- (db/queries/search-run.ts): as one text each, stored with the row, since grouping by the arrays
-- (or joining them at query time) cost more than the rest of the counts. The separator is the
-- unit separator (U+001F), which no code holds; the search splits on the same one.
CREATE FUNCTION public.search_keys_text(keys text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_string(keys, E'\x1f')
$$;
--> statement-breakpoint
ALTER TABLE "search_actions" ADD COLUMN "facet_text" text GENERATED ALWAYS AS (public.search_keys_text(facet_keys)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "search_actions" ADD COLUMN "departments_text" text GENERATED ALWAYS AS (public.search_keys_text(departments)) STORED NOT NULL;--> statement-breakpoint
-- Read for every match: stored in the row, never compressed nor out of line. Adding the columns
-- rewrote the rows with their default storage, and a row whose document is out of line goes
-- through the toaster, which (toast_tuple_target = 128, migration 0014) moves every column it
-- may out of line; rewriting the rows once more keeps the new texts in them. An update computes
-- again only the generated columns whose inputs it sets: it sets both.
ALTER TABLE "search_actions" ALTER COLUMN "facet_text" SET STORAGE PLAIN, ALTER COLUMN "departments_text" SET STORAGE PLAIN;
--> statement-breakpoint
UPDATE "search_actions" SET "facet_keys" = "facet_keys", "departments" = "departments";
