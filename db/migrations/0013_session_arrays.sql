ALTER TABLE "published_actions" ADD COLUMN "session_starts" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "session_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "session_communes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "session_latitudes" real[] DEFAULT '{}'::real[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "session_longitudes" real[] DEFAULT '{}'::real[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "session_open" boolean[] DEFAULT '{}'::boolean[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "departments" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "department_last_starts" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "department_last_open_starts" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
-- Each published action carries its sessions (soonest first) as parallel arrays, and each of
-- their departments with its last start, written by the triggers of 0012 on every write of the
-- action or of its sessions: the catalogue search reads a match's sessions with it, and keeps
-- those the day still diffuses (start on or after J-7).
CREATE OR REPLACE FUNCTION public.published_actions_diffused_until() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT coalesce(array_agg(s.start_date ORDER BY s.start_date, s.id), '{}'),
         coalesce(array_agg(coalesce(s.department, '') || CASE WHEN s.open THEN '+' ELSE '-' END ORDER BY s.start_date, s.id), '{}'),
         coalesce(array_agg(s.commune_insee ORDER BY s.start_date, s.id), '{}'),
         coalesce(array_agg(s.latitude ORDER BY s.start_date, s.id), '{}'),
         coalesce(array_agg(s.longitude ORDER BY s.start_date, s.id), '{}'),
         coalesce(array_agg(s.open ORDER BY s.start_date, s.id), '{}')
    INTO NEW.session_starts, NEW.session_keys, NEW.session_communes, NEW.session_latitudes, NEW.session_longitudes, NEW.session_open
    FROM (SELECT *, places_available > 0 AND recruitment = '1' AS open FROM public.published_sessions WHERE action_id = NEW.action_id) AS s;
  SELECT coalesce(array_agg(d.department ORDER BY d.department), '{}'),
         coalesce(array_agg(d.last_start ORDER BY d.department), '{}'),
         coalesce(array_agg(d.last_open_start ORDER BY d.department), '{}')
    INTO NEW.departments, NEW.department_last_starts, NEW.department_last_open_starts
    FROM (SELECT s.department, max(s.start_date) AS last_start,
                 coalesce(max(s.start_date) FILTER (WHERE s.places_available > 0 AND s.recruitment = '1'), '-infinity') AS last_open_start
            FROM public.published_sessions s WHERE s.action_id = NEW.action_id AND s.department IS NOT NULL
           GROUP BY s.department) AS d;
  NEW.diffused_until := public.action_diffused_until(NEW.action_id, NEW.permanent_entry);
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Any change of its sessions rewrites the action's copy (not only when its date moves).
CREATE OR REPLACE FUNCTION public.published_sessions_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.published_actions pa SET diffused_until = pa.diffused_until
   WHERE pa.action_id IN (SELECT action_id FROM changed_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Rows published before this migration.
UPDATE public.published_actions SET diffused_until = diffused_until;
