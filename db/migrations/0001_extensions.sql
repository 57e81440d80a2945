-- Accent-insensitive and fuzzy search over the catalogue and the reference lists.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
