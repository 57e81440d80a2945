-- Lower case without accents, IMMUTABLE so that generated columns and indexes can use it
-- (unaccent() itself is only STABLE: it reads its dictionary by name). Accent-insensitive
-- comparisons should go through this one function.
CREATE OR REPLACE FUNCTION fold_text(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;--> statement-breakpoint
ALTER TABLE "formacodes" ADD COLUMN "label_folded" text GENERATED ALWAYS AS (fold_text(label)) STORED;--> statement-breakpoint
ALTER TABLE "formacodes" ADD COLUMN "synonyms_folded" text GENERATED ALWAYS AS (fold_text(synonyms)) STORED;--> statement-breakpoint
ALTER TABLE "formacodes" ADD COLUMN "related_folded" text GENERATED ALWAYS AS (fold_text(related)) STORED;
