CREATE TABLE "search_lexicon" (
	"word" text PRIMARY KEY NOT NULL,
	"plain" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "search_document" "tsvector";--> statement-breakpoint
ALTER TABLE "published_actions" ADD COLUMN "formacode_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "department" varchar(3);--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "latitude" real;--> statement-breakpoint
ALTER TABLE "published_sessions" ADD COLUMN "longitude" real;--> statement-breakpoint
CREATE INDEX "published_sessions_start_idx" ON "published_sessions" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "published_sessions_department_idx" ON "published_sessions" USING btree ("department","start_date");--> statement-breakpoint
CREATE INDEX "published_sessions_point_idx" ON "published_sessions" USING btree ("latitude","longitude");