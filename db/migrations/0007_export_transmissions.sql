CREATE TABLE "export_transmissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"feed" varchar(16) NOT NULL,
	"token_name" varchar(64) NOT NULL,
	"as_of" date NOT NULL,
	"since" date,
	"status" varchar(12) DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"formations" integer DEFAULT 0 NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "export_transmissions_started_idx" ON "export_transmissions" USING btree ("started_at","id");