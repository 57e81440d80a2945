import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  customType,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import type { ActionContent, Codification } from "@/lib/validations/action";
import type { DossierContent } from "@/lib/validations/organisation";

/** A text-search document; written by a trigger (db/migrations/*_search_functions.sql), never by the app. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const userRole = pgEnum("user_role", ["provider", "staff", "admin"]);
export const revisionStatus = pgEnum("revision_status", ["draft", "submitted", "approved", "rejected"]);

// ---------------------------------------------------------------- reference lists

export const communes = pgTable(
  "communes",
  {
    inseeCode: varchar("insee_code", { length: 5 }).primaryKey(),
    name: text("name").notNull(),
    department: varchar("department", { length: 3 }).notNull(),
    latitude: real("latitude"),
    longitude: real("longitude"),
  },
  (t) => [index("communes_name_idx").on(t.name)],
);

// Which postcodes serve which commune (La Poste, through the `codes-postaux` package): a session
// or organisation address must give a postcode of its commune.
export const postcodes = pgTable(
  "postcodes",
  {
    postcode: varchar("postcode", { length: 5 }).notNull(),
    inseeCode: varchar("insee_code", { length: 5 })
      .notNull()
      .references(() => communes.inseeCode),
  },
  (t) => [primaryKey({ columns: [t.postcode, t.inseeCode] }), index("postcodes_insee_idx").on(t.inseeCode)],
);

// The edition is part of the key so that a newer Formacode list can be loaded beside the old one.
export const formacodes = pgTable(
  "formacodes",
  {
    edition: varchar("edition", { length: 8 }).notNull(),
    code: varchar("code", { length: 5 }).notNull(),
    label: text("label").notNull(),
    field: text("field"),
    kind: text("kind"),
    // The thesaurus's synonyms and related terms, so that staff find a code by the provider's words.
    synonyms: text("synonyms").notNull().default(""),
    related: text("related").notNull().default(""),
    // The NSF code the thesaurus associates with the descriptor, offered when it is chosen.
    nsf: varchar("nsf", { length: 3 }),
    // Label and synonyms folded once (lower case, no accents: fold_text() in the migrations), so
    // that searches compare words without unaccenting 3,000 rows on every keystroke.
    labelFolded: text("label_folded").generatedAlwaysAs(sql`fold_text(label)`),
    synonymsFolded: text("synonyms_folded").generatedAlwaysAs(sql`fold_text(synonyms)`),
    relatedFolded: text("related_folded").generatedAlwaysAs(sql`fold_text(related)`),
  },
  (t) => [primaryKey({ columns: [t.edition, t.code] }), index("formacodes_label_idx").on(t.label)],
);

export const romeCodes = pgTable("rome_codes", {
  code: varchar("code", { length: 5 }).primaryKey(),
  label: text("label").notNull(),
});

export const nsfCodes = pgTable("nsf_codes", {
  code: varchar("code", { length: 3 }).primaryKey(),
  label: text("label").notNull(),
});

// ---------------------------------------------------------------- organisations and users

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: varchar("slug", { length: 120 }).notNull().unique(),
    siret: varchar("siret", { length: 14 }).notNull().unique(),
    name: text("name").notNull(),
    street: text("street").notNull(),
    postalCode: varchar("postal_code", { length: 5 }).notNull(),
    communeInsee: varchar("commune_insee", { length: 5 })
      .notNull()
      .references(() => communes.inseeCode),
    email: text("email"),
    phone: text("phone"),
    // The approved dossier (R8): the columns above are read from it on approval, the rest of it
    // (contacts, training fields, means, certifications) is kept whole for the public pages.
    legalName: text("legal_name"),
    activityNumber: varchar("activity_number", { length: 11 }),
    website: text("website"),
    dossier: jsonb("dossier").$type<DossierContent>(),
    // R8: the last approval of the yearly dossier; diffusion lapses 12 months after it.
    dossierApprovedAt: timestamp("dossier_approved_at", { withTimezone: true }),
    // R8 as a date, computed by a trigger from the approval and a renewal waiting for staff
    // (lib/diffusion-sql.ts): the dossier counts as valid on the Paris days before this one
    // ('infinity' while a renewal sent in time waits, '-infinity' when never approved).
    dossierValidUntil: date("dossier_valid_until", { mode: "string" }).notNull().default(sql`'-infinity'`),
    // Bumped by every write to the dossier, so that a form saved from a stale page is refused.
    dossierVersion: integer("dossier_version").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("organisations_name_idx").on(t.name),
    // The Luhn check itself is in lib/siret.ts, applied before anything is written.
    check("organisations_siret_format", sql`${t.siret} ~ '^[0-9]{14}$'`),
    check("organisations_dossier_version", sql`${t.dossierVersion} >= 0`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    identifier: varchar("identifier", { length: 64 }).notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    // R10: codes given by staff (a new account, a reset) are temporary: a new password is chosen at
    // the next login before anything else.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_identifier_idx").on(sql`lower(${t.identifier})`),
    index("users_organisation_idx").on(t.organisationId),
  ],
);

// ---------------------------------------------------------------- actions and their revisions

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    // R1: when the provider first entered the action; never updated.
    firstEnteredAt: timestamp("first_entered_at", { withTimezone: true }).notNull().defaultNow(),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    // Bumped by every write to the action, so that a form saved from a stale page (another tab,
    // a colleague) is refused instead of silently overwriting what was saved meanwhile.
    version: integer("version").notNull().default(0),
    // The action this one was copied from (« Dupliquer »).
    duplicatedFrom: uuid("duplicated_from").references((): AnyPgColumn => actions.id),
    ...timestamps,
  },
  (t) => [index("actions_organisation_idx").on(t.organisationId), check("actions_version", sql`${t.version} >= 0`)],
);

export const actionRevisions = pgTable(
  "action_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    number: integer("number").notNull(),
    status: revisionStatus("status").notNull().default("draft"),
    content: jsonb("content").$type<ActionContent>().notNull(),
    codification: jsonb("codification").$type<Codification>(),
    // R2: when staff corrected the wording before approving, the content as the provider sent it
    // (`content` is then the approved wording); the difference is what the provider is shown.
    providerContent: jsonb("provider_content").$type<ActionContent>(),
    // « Mise à jour rapide »: only places and recruitment changed, sent in one step.
    quickUpdate: boolean("quick_update").notNull().default(false),
    // Set on submission: only places disponibles or état du recrutement differ from the published
    // version (lib/diff), so staff may approve it from the queue in one click.
    minorChange: boolean("minor_change").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    rejectionReason: text("rejection_reason"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("action_revisions_number_idx").on(t.actionId, t.number),
    // At most one open revision (draft or submitted) per action.
    uniqueIndex("action_revisions_one_open_idx")
      .on(t.actionId)
      .where(sql`${t.status} in ('draft', 'submitted')`),
    index("action_revisions_queue_idx").on(t.status, t.submittedAt),
    // The lifecycle, where the data lives: sent before decided, decided with a date, refused with
    // a reason, approved with its codification (R2).
    check("action_revisions_number", sql`${t.number} >= 1`),
    check("action_revisions_submitted", sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
    check("action_revisions_decided", sql`${t.status} in ('draft', 'submitted') or ${t.decidedAt} is not null`),
    check("action_revisions_rejection_reason", sql`${t.status} <> 'rejected' or coalesce(length(btrim(${t.rejectionReason})), 0) > 0`),
    check("action_revisions_codification", sql`${t.status} <> 'approved' or ${t.codification} is not null`),
  ],
);

// ---------------------------------------------------------------- organisation dossiers (R8)
// The same cycle as action revisions. Approval copies the content into `organisations`.

export const organisationDossiers = pgTable(
  "organisation_dossiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    number: integer("number").notNull(),
    status: revisionStatus("status").notNull().default("draft"),
    content: jsonb("content").$type<DossierContent>().notNull(),
    // « Je confirme que ces informations sont à jour »: resent unchanged.
    confirmedUnchanged: boolean("confirmed_unchanged").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    rejectionReason: text("rejection_reason"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("organisation_dossiers_number_idx").on(t.organisationId, t.number),
    uniqueIndex("organisation_dossiers_one_open_idx")
      .on(t.organisationId)
      .where(sql`${t.status} in ('draft', 'submitted')`),
    index("organisation_dossiers_queue_idx").on(t.status, t.submittedAt),
    check("organisation_dossiers_number", sql`${t.number} >= 1`),
    check("organisation_dossiers_submitted", sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
    check("organisation_dossiers_decided", sql`${t.status} in ('draft', 'submitted') or ${t.decidedAt} is not null`),
    check("organisation_dossiers_rejection_reason", sql`${t.status} <> 'rejected' or coalesce(length(btrim(${t.rejectionReason})), 0) > 0`),
  ],
);

// ---------------------------------------------------------------- published catalogue (read model)
// Written only by approval, in the same transaction; the public pages read nothing else.

export const publishedActions = pgTable(
  "published_actions",
  {
    actionId: uuid("action_id")
      .primaryKey()
      .references(() => actions.id),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => actionRevisions.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    slug: varchar("slug", { length: 160 }).notNull().unique(),
    title: text("title").notNull(),
    objectives: text("objectives").notNull(),
    results: text("results").notNull().default(""),
    content: text("content").notNull(),
    permanentEntry: boolean("permanent_entry").notNull().default(false),
    formacodes: text("formacodes").array().notNull(),
    romeCodes: text("rome_codes").array().notNull().default(sql`'{}'::text[]`),
    nsfCode: varchar("nsf_code", { length: 3 }),
    // What the catalogue filters on, copied from the approved content.
    certifying: boolean("certifying").notNull().default(false),
    pathway: varchar("pathway", { length: 1 }),
    entryLevel: varchar("entry_level", { length: 2 }),
    exitLevel: varchar("exit_level", { length: 2 }),
    publicCodes: text("public_codes").array().notNull().default(sql`'{}'::text[]`),
    teachingMode: varchar("teaching_mode", { length: 1 }),
    hoursTotal: integer("hours_total"),
    free: boolean("free").notNull().default(false),
    funders: text("funders").array().notNull().default(sql`'{}'::text[]`),
    // R5: the funding sentence with the vote date, as published.
    fundingSentence: text("funding_sentence"),
    // The whole approved content, for the action's page.
    details: jsonb("details").$type<ActionContent>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }).notNull(),
    // Search (db/queries/search.ts), filled by triggers on every write of the row: the French,
    // accent-insensitive document (title, Formacode labels, organisation, objectives, results,
    // content) and the Formacode fields (the first three digits of the field, « 223 ») of its codes.
    searchDocument: tsvector("search_document"),
    formacodeFields: text("formacode_fields").array().notNull().default(sql`'{}'::text[]`),
    // The action's part of the diffusion rule as a date, computed by triggers on every write of
    // the row, its sessions and its action's archive (lib/diffusion-sql.ts): diffused on the Paris
    // days before this one — the last session's start + 8 days, 'infinity' for permanent entry,
    // '-infinity' when archived or without sessions. The organisation's part is on organisations.
    diffusedUntil: date("diffused_until", { mode: "string" }).notNull().default(sql`'-infinity'`),
    // Its sessions, soonest first, as parallel arrays written by the same triggers: the search
    // reads them with the action instead of probing published_sessions for every match. Which of
    // them are diffused depends on the day: the search keeps those starting on or after J-7.
    sessionStarts: date("session_starts", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    // The department, then « + » when the session has places left and recruitment open, else « - »
    // (« 57+ »): one lookup finds the first session shown in a department with places.
    sessionKeys: text("session_keys").array().notNull().default(sql`'{}'::text[]`),
    sessionCommunes: text("session_communes").array().notNull().default(sql`'{}'::text[]`),
    sessionLatitudes: real("session_latitudes").array().notNull().default(sql`'{}'::real[]`),
    sessionLongitudes: real("session_longitudes").array().notNull().default(sql`'{}'::real[]`),
    sessionOpen: boolean("session_open").array().notNull().default(sql`'{}'::boolean[]`),
    // Each department of its sessions once, with the last start there, of any session and of an
    // open one ('-infinity' when none): the counts per department without reading the sessions.
    departments: text("departments").array().notNull().default(sql`'{}'::text[]`),
    departmentLastStarts: date("department_last_starts", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    departmentLastOpenStarts: date("department_last_open_starts", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
  },
  // The search reads none of these columns here: the triggers of migration 0014 copy them into
  // search_actions (its GIN and trigram indexes replaced those of this table).
  (t) => [
    index("published_actions_organisation_idx").on(t.organisationId),
    // R2: nothing reaches the public without at least one Formacode.
    check("published_actions_formacodes", sql`cardinality(${t.formacodes}) >= 1`),
    check("published_actions_hours", sql`${t.hoursTotal} is null or ${t.hoursTotal} >= 0`),
    check("published_actions_first_published", sql`${t.firstPublishedAt} <= ${t.publishedAt}`),
  ],
);

export const publishedSessions = pgTable(
  "published_sessions",
  {
    // The session's id inside the revision content; unique within its action only.
    id: uuid("id").notNull(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => publishedActions.actionId),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    communeInsee: varchar("commune_insee", { length: 5 })
      .notNull()
      .references(() => communes.inseeCode),
    street: text("street").notNull().default(""),
    street2: text("street2").notNull().default(""),
    postcode: varchar("postcode", { length: 5 }).notNull().default(""),
    placesTotal: integer("places_total").notNull(),
    placesAvailable: integer("places_available").notNull(),
    recruitment: varchar("recruitment", { length: 1 }).notNull().default("1"),
    // The commune's department and point, copied by a trigger so that search filters by place
    // without a join.
    department: varchar("department", { length: 3 }),
    latitude: real("latitude"),
    longitude: real("longitude"),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.id] }),
    index("published_sessions_action_idx").on(t.actionId, t.startDate),
    index("published_sessions_start_idx").on(t.startDate),
    index("published_sessions_department_idx").on(t.department, t.startDate),
    index("published_sessions_point_idx").on(t.latitude, t.longitude),
    check("published_sessions_dates", sql`${t.endDate} >= ${t.startDate}`),
    check("published_sessions_places", sql`${t.placesAvailable} >= 0 and ${t.placesAvailable} <= ${t.placesTotal}`),
    check("published_sessions_recruitment", sql`${t.recruitment} ~ '^[0-9]$'`),
    // Every session has its commune's department (the trigger above; communes.department is
    // required): the search reads « a session is shown in a department » from the departments'
    // last starts alone (db/queries/search-run.ts). A check, not NOT NULL, so that the trigger fills it.
    check("published_sessions_department", sql`${t.department} is not null`),
  ],
);

// What the catalogue search (db/queries/search-run.ts) reads of each published action, and
// nothing else: a copy written by triggers on published_actions, organisations and communes
// (migration 0014), about 1 KB a row where a published row with its texts is about 4 KB, so that
// a word found in thousands of actions reads thousands of small rows and joins nothing. The
// action's columns are written by the action's writes, the organisation's by the organisation's
// (neither brings back the other's old values when both change at once). The full document goes
// out of line whenever the row is toasted (STORAGE EXTERNAL, toast_tuple_target 128): only its
// GIN index is read. The other columns are stored plain (never compressed; bounded, under 7 KB).
// Also by hand in the migration: GIN on document, trigram GIN on the folded title, no planner
// statistics on document (with them, a frequent word made a seq scan look cheaper, and a seq scan
// reads every document).
export const searchActions = pgTable(
  "search_actions",
  {
    actionId: uuid("action_id")
      .primaryKey()
      .references(() => publishedActions.actionId, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    // The action's part of the diffusion rule (published_actions.diffused_until), the
    // organisation's (its dossier_valid_until, '-infinity' while archived), and the whole rule as
    // one date (lib/diffusion-sql.ts, searchDiffusedSql).
    actionDiffusedUntil: date("action_diffused_until", { mode: "string" }).notNull(),
    organisationDiffusedUntil: date("organisation_diffused_until", { mode: "string" }).notNull(),
    diffusedUntil: date("diffused_until", { mode: "string" })
      .notNull()
      .generatedAlwaysAs(sql`least(action_diffused_until, organisation_diffused_until)`),
    title: text("title").notNull(),
    // The title (A) and the Formacode labels and organisation (B) of the document, with their
    // positions: relevance is computed on this, the match on `document`.
    rankDocument: tsvector("rank_document").notNull(),
    // Every filter value of the action, prefixed by its filter's letter (lib/search/facet-keys.ts):
    // « f223 » field, « u10 » funder, « p… » public, « l13 » level, « m0 » teaching mode,
    // « c » certifying, « e » permanent entry. The counts per value unnest this one array.
    facetKeys: text("facet_keys").array().notNull(),
    // The same keys as one text, and the departments below as one text (separated by the unit
    // separator U+001F, which no code holds): the counts group the matches by these, which is far
    // cheaper than grouping by the arrays (migration 0015).
    facetText: text("facet_text")
      .notNull()
      .generatedAlwaysAs(sql`public.search_keys_text(facet_keys)`),
    permanentEntry: boolean("permanent_entry").notNull(),
    // published_actions' copy of the sessions (migration 0013).
    sessionStarts: date("session_starts", { mode: "string" }).array().notNull(),
    sessionKeys: text("session_keys").array().notNull(),
    sessionCommunes: text("session_communes").array().notNull(),
    sessionLatitudes: real("session_latitudes").array().notNull(),
    sessionLongitudes: real("session_longitudes").array().notNull(),
    sessionOpen: boolean("session_open").array().notNull(),
    departments: text("departments").array().notNull(),
    departmentsText: text("departments_text")
      .notNull()
      .generatedAlwaysAs(sql`public.search_keys_text(departments)`),
    departmentLastStarts: date("department_last_starts", { mode: "string" }).array().notNull(),
    departmentLastOpenStarts: date("department_last_open_starts", { mode: "string" }).array().notNull(),
    // The organisation's address, where an action with permanent entry and no session shown is placed.
    organisationCommune: varchar("organisation_commune", { length: 5 }),
    organisationDepartment: varchar("organisation_department", { length: 3 }),
    organisationLatitude: real("organisation_latitude"),
    organisationLongitude: real("organisation_longitude"),
    document: tsvector("document").notNull(),
  },
  (t) => [index("search_actions_organisation_idx").on(t.organisationId), index("search_actions_organisation_commune_idx").on(t.organisationCommune)],
);

// The words of the published texts (lower case, accents kept) and their folded form, for the
// spelling suggestions of the search; filled by a trigger on published_actions, never emptied.
export const searchLexicon = pgTable("search_lexicon", {
  word: text("word").primaryKey(),
  plain: text("plain").notNull(),
});

// ---------------------------------------------------------------- audit log

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: userRole("actor_role"),
    event: varchar("event", { length: 64 }).notNull(),
    entityType: varchar("entity_type", { length: 32 }).notNull(),
    entityId: text("entity_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at),
    // The journal pages newest first with a keyset on (at, id): over everything, one kind of
    // event, or what one person did (db/queries/journal.ts).
    index("audit_log_at_id_idx").on(t.at, t.id),
    index("audit_log_event_idx").on(t.event, t.at, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.at, t.id),
  ],
);

// ---------------------------------------------------------------- scheduled jobs (DESIGN.md: jobs)

export const jobRunStatus = pgEnum("job_run_status", ["running", "succeeded", "failed"]);

/** Each run of a scheduled job, for staff to see: when, how, what it changed, and any error. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    job: varchar("job", { length: 40 }).notNull(),
    // How it was started: "cron" (Vercel), "scheduler" (self-hosted), "cli", "test".
    trigger: varchar("trigger", { length: 16 }).notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    status: jobRunStatus("status").notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    counts: jsonb("counts").$type<Record<string, number>>(),
    error: text("error"),
  },
  (t) => [index("job_runs_job_idx").on(t.job, t.startedAt)],
);

/**
 * When something entered or left diffusion, as the jobs and the decisions record it: diffusion
 * itself stays derived (lib/diffusion.ts); this log says when it changed, for the transmission
 * feed's removals and for providers and staff. One row per session withdrawn at J+8, per action
 * that left or came back, per organisation whose dossier lapsed or was approved again.
 */
export const diffusionChanges = pgTable(
  "diffusion_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entity: varchar("entity", { length: 16 }).$type<"session" | "action" | "organisation">().notNull(),
    change: varchar("change", { length: 8 }).$type<"left" | "returned">().notNull(),
    // Why: "j8", "no-session", "dossier-expired", "archived", "approved", "dossier-approved", "restored".
    reason: varchar("reason", { length: 24 }).notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    actionId: uuid("action_id").references(() => actions.id),
    sessionId: uuid("session_id"),
    sessionStart: date("session_start", { mode: "string" }),
    /** The Paris day on which the change took effect. */
    onDate: date("on_date", { mode: "string" }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    runId: bigint("run_id", { mode: "number" }).references(() => jobRuns.id),
  },
  (t) => [
    // A session is withdrawn once (a new start date is a new session run).
    uniqueIndex("diffusion_changes_session_idx")
      .on(t.actionId, t.sessionId, t.sessionStart)
      .where(sql`${t.entity} = 'session'`),
    index("diffusion_changes_action_idx").on(t.actionId, t.id),
    index("diffusion_changes_organisation_idx").on(t.organisationId, t.id),
    index("diffusion_changes_date_idx").on(t.onDate, t.id),
    check("diffusion_changes_entity", sql`${t.entity} in ('session', 'action', 'organisation')`),
    check("diffusion_changes_change", sql`${t.change} in ('left', 'returned')`),
  ],
);

// ---------------------------------------------------------------- transmission to the national base

/**
 * Each call of the transmission feeds (`/api/export/lheo.xml`, `/api/export/removed.json`), for
 * staff to see: which token (by its name, never its value), when, and what was sent.
 */
export const exportTransmissions = pgTable(
  "export_transmissions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    feed: varchar("feed", { length: 16 }).$type<"lheo" | "removed">().notNull(),
    tokenName: varchar("token_name", { length: 64 }).notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    since: date("since", { mode: "string" }),
    // "running" while streamed; "complete", "interrupted" (the caller went away) or "failed".
    status: varchar("status", { length: 12 }).$type<"running" | "complete" | "interrupted" | "failed">().notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    formations: integer("formations").notNull().default(0),
    sessions: integer("sessions").notNull().default(0),
    removed: integer("removed").notNull().default(0),
  },
  (t) => [index("export_transmissions_started_idx").on(t.startedAt, t.id)],
);

// ---------------------------------------------------------------- mail

export const mailStatus = pgEnum("mail_status", ["pending", "sending", "sent", "failed", "kept"]);

/**
 * Outgoing mail, written in the same transaction as the event that causes it and sent by the
 * send-mail job: claimed with FOR UPDATE SKIP LOCKED, retried with growing delays, never lost and
 * never sent twice. Without SMTP (the demo), mails are « kept » and shown to admins.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: varchar("kind", { length: 40 }).notNull(),
    toAddress: text("to_address").notNull(),
    toUserId: uuid("to_user_id").references(() => users.id),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    // The same reminder is queued once, however often the job runs.
    dedupeKey: text("dedupe_key").unique(),
    status: mailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_outbox_created_idx").on(t.createdAt),
    check("mail_outbox_attempts", sql`${t.attempts} >= 0`),
  ],
);

/** R10: a single-use link to choose a new password, valid one hour; only its hash is stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * One row per sign-in: the session cookie (an Auth.js JWT) carries its id, and every page, server
 * action and route handler checks it here (lib/auth/session.ts). « Se déconnecter » revokes this
 * row; a password change or reset, codes reset by staff, a disabled account and « Se déconnecter
 * de tous les appareils » revoke all of the user's rows, so a copied cookie stops working at once.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Moved forward at most once a minute while the session is used: 8 hours without it end the session.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: varchar("revoked_reason", { length: 32 }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Counters for throttling (password reset requests, login attempts): one row per key and
 * window, in the database so that the limit holds across server instances.
 */
export const throttles = pgTable("throttles", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull().default(0),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

// ---------------------------------------------------------------- settings (values kept in the database, not in the code)

export const settings = pgTable("settings", {
  key: varchar("key", { length: 64 }).primaryKey(),
  // Checked by the schema of its key (lib/validations/settings.ts) when written and when read.
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id),
});

// ---------------------------------------------------------------- relations

export const organisationsRelations = relations(organisations, ({ many, one }) => ({
  users: many(users),
  actions: many(actions),
  dossiers: many(organisationDossiers),
  commune: one(communes, { fields: [organisations.communeInsee], references: [communes.inseeCode] }),
}));

export const usersRelations = relations(users, ({ one }) => ({
  organisation: one(organisations, { fields: [users.organisationId], references: [organisations.id] }),
}));

export const actionsRelations = relations(actions, ({ one, many }) => ({
  organisation: one(organisations, { fields: [actions.organisationId], references: [organisations.id] }),
  revisions: many(actionRevisions),
  published: one(publishedActions, { fields: [actions.id], references: [publishedActions.actionId] }),
}));

export const organisationDossiersRelations = relations(organisationDossiers, ({ one }) => ({
  organisation: one(organisations, { fields: [organisationDossiers.organisationId], references: [organisations.id] }),
}));

export const actionRevisionsRelations = relations(actionRevisions, ({ one }) => ({
  action: one(actions, { fields: [actionRevisions.actionId], references: [actions.id] }),
}));

export const publishedActionsRelations = relations(publishedActions, ({ one, many }) => ({
  organisation: one(organisations, { fields: [publishedActions.organisationId], references: [organisations.id] }),
  sessions: many(publishedSessions),
}));

export const publishedSessionsRelations = relations(publishedSessions, ({ one }) => ({
  action: one(publishedActions, { fields: [publishedSessions.actionId], references: [publishedActions.actionId] }),
  commune: one(communes, { fields: [publishedSessions.communeInsee], references: [communes.inseeCode] }),
}));

// ---------------------------------------------------------------- types

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type Action = typeof actions.$inferSelect;
export type ActionRevision = typeof actionRevisions.$inferSelect;
export type RevisionStatus = (typeof revisionStatus.enumValues)[number];
export type PublishedAction = typeof publishedActions.$inferSelect;
export type PublishedSession = typeof publishedSessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferInsert;
export type OrganisationDossier = typeof organisationDossiers.$inferSelect;
export type ExportTransmission = typeof exportTransmissions.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
