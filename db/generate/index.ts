// The data generator: a realistic, Lorraine-shaped data set of any size, for benchmarks (staff
// pages, catalogue search, exports, jobs) and load tests. The same seed and options write the
// same rows. Everything goes in with multi-row inserts, in one transaction: a failed run leaves
// nothing behind.
//
//   await generate({ db, seed: 42, organisations: 500, actions: 100_000, sessionsPerAction: 4,
//                    revisionsPerAction: 1.5, auditEntries: 1_000_000, today: parisDate() });
//
// Run it on a migrated database (the communes and Formacodes must be loaded). Generated accounts
// cannot sign in unless `passwordHash` is given. A second run with the same seed on the same
// database is refused: its organisations are already there.

import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { actionRows } from "@/db/generate/actions";
import { trainingFieldsByDomain } from "@/db/generate/content";
import { generateOrganisations, UNUSABLE_HASH } from "@/db/generate/organisations";
import { loadPlaces, type Places } from "@/db/generate/places";
import { fillWithSaves, planActions } from "@/db/generate/plan";
import { createRandom } from "@/db/generate/random";
import type { GenerateOptions, GenerateSummary, PublishedSessionRow, RevisionRow, PublishedActionRow, ActionRow, AuditRow } from "@/db/generate/types";
import { actionRevisions, actions, auditLog, organisationDossiers, organisations, publishedActions, publishedSessions, users } from "@/db/schema";
import { isIsoDate } from "@/lib/dates";

export type { GenerateOptions, GenerateSummary } from "@/db/generate/types";

type Writer = Pick<Database, "select" | "insert">;
type Table = typeof organisations | typeof users | typeof organisationDossiers | typeof actions | typeof actionRevisions | typeof publishedActions | typeof publishedSessions | typeof auditLog;

/** Rows per INSERT: under PostgreSQL's 65 535 parameters, and a few megabytes of JSON at most. */
const BATCH = { organisations: 1000, users: 2000, dossiers: 300, actions: 2000, revisions: 250, published: 250, sessions: 4000, audit: 5000 } as const;
/** Actions drawn, written and forgotten at a time, so that memory does not grow with the data set. */
const ACTIONS_PER_CHUNK = 500;

async function insertAll(db: Writer, table: Table, rows: object[], perInsert: number) {
  for (let i = 0; i < rows.length; i += perInsert) {
    await db.insert(table).values(rows.slice(i, i + perInsert) as never);
  }
}

function checkOptions(options: Omit<GenerateOptions, "db">) {
  const counts = ["organisations", "actions", "auditEntries"] as const;
  for (const key of counts) {
    if (!Number.isInteger(options[key]) || options[key] < 0) throw new RangeError(`${key} must be a whole number, 0 or more`);
  }
  if (!(options.revisionsPerAction >= 1)) throw new RangeError("revisionsPerAction must be 1 or more");
  if (!(options.sessionsPerAction >= 0 && options.sessionsPerAction <= 60)) throw new RangeError("sessionsPerAction must be between 0 and 60");
  if (!isIsoDate(options.today)) throw new RangeError(`today must be a date (YYYY-MM-DD), not ${options.today}`);
  if (options.actions > 0 && options.organisations === 0) throw new RangeError("actions need at least one organisation");
}

/** Refuses to write over a data set already generated with this seed (same organisations and accounts). */
async function assertNotGenerated(db: Writer, slugs: string[], identifiers: string[]) {
  for (let i = 0; i < slugs.length; i += 1000) {
    const taken = await db.select({ slug: organisations.slug }).from(organisations).where(inArray(organisations.slug, slugs.slice(i, i + 1000))).limit(1);
    if (taken.length > 0) throw new Error(`Organisation « ${taken[0]!.slug} » already exists: this seed was already generated into this database. Use another seed or a fresh database.`);
  }
  for (let i = 0; i < identifiers.length; i += 1000) {
    const taken = await db.select({ identifier: users.identifier }).from(users).where(inArray(sql`lower(${users.identifier})`, identifiers.slice(i, i + 1000))).limit(1);
    if (taken.length > 0) throw new Error(`Account « ${taken[0]!.identifier} » already exists: this seed was already generated into this database.`);
  }
}

/** Everything the generator writes, drawn without touching the database (but for the communes). */
export function* generateRows(options: Omit<GenerateOptions, "db">, places: Places) {
  checkOptions(options);
  const { seed, today } = options;
  const now = options.now ?? new Date(`${today}T06:00:00Z`);
  const random = createRandom(seed);
  const generated = generateOrganisations({
    random: random.fork("organisations"),
    count: options.organisations,
    places,
    now,
    tag: `g${seed.toString(36)}`,
    passwordHash: options.passwordHash ?? UNUSABLE_HASH,
    trainingFields: trainingFieldsByDomain(),
  });
  yield { kind: "organisations" as const, ...generated };

  const planned = planActions({
    random: random.fork("plan"),
    count: options.actions,
    organisations: generated.plans,
    staffIds: generated.staffIds,
    revisionsPerAction: options.revisionsPerAction,
    sessionsPerAction: options.sessionsPerAction,
    now,
  });
  fillWithSaves(random.fork("saves"), planned, generated.events.length, options.auditEntries);

  for (let start = 0; start < planned.length; start += ACTIONS_PER_CHUNK) {
    const chunk = planned.slice(start, start + ACTIONS_PER_CHUNK).map((plan) => actionRows(plan, random.fork(`action:${plan.index}`), places, today, now.getTime()));
    yield {
      kind: "actions" as const,
      actions: chunk.map((c) => c.action),
      revisions: chunk.flatMap((c) => c.revisions),
      published: chunk.flatMap((c) => (c.published ? [c.published] : [])),
      sessions: chunk.flatMap((c) => c.sessions),
      events: chunk.flatMap((c) => c.events),
    };
  }
}

export type GeneratedChunk = ReturnType<typeof generateRows> extends Generator<infer T> ? T : never;

export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  checkOptions(options);
  const progress = options.onProgress ?? (() => undefined);
  const places = await loadPlaces(options.db);
  const summary: GenerateSummary = {
    organisations: 0,
    users: 0,
    dossiers: 0,
    actions: 0,
    revisions: { draft: 0, submitted: 0, approved: 0, rejected: 0 },
    publishedActions: 0,
    publishedSessions: 0,
    auditEntries: 0,
  };
  await options.db.transaction(async (tx) => {
    // The log is written last, in time order, as the product would have written it.
    const events: AuditRow[] = [];
    for (const chunk of generateRows(options, places)) {
      if (chunk.kind === "organisations") {
        await assertNotGenerated(tx, chunk.organisations.map((o) => o.slug), chunk.users.map((u) => u.identifier.toLowerCase()));
        await insertAll(tx, organisations, chunk.organisations, BATCH.organisations);
        await insertAll(tx, users, chunk.users, BATCH.users);
        await insertAll(tx, organisationDossiers, chunk.dossiers, BATCH.dossiers);
        events.push(...chunk.events);
        Object.assign(summary, { organisations: chunk.organisations.length, users: chunk.users.length, dossiers: chunk.dossiers.length });
        progress(`${summary.organisations} organisations, ${summary.users} accounts, ${summary.dossiers} dossiers`);
        continue;
      }
      await writeActions(tx, chunk);
      for (const event of chunk.events) events.push(event);
      summary.actions += chunk.actions.length;
      for (const revision of chunk.revisions) summary.revisions[revision.status!] += 1;
      summary.publishedActions += chunk.published.length;
      summary.publishedSessions += chunk.sessions.length;
      if (summary.actions % 10_000 < ACTIONS_PER_CHUNK) progress(`${summary.actions} actions`);
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    await insertAll(tx, auditLog, events, BATCH.audit);
    summary.auditEntries = events.length;
    progress(`${summary.auditEntries} audit entries`);
  });
  return summary;
}

async function writeActions(db: Writer, chunk: { actions: ActionRow[]; revisions: RevisionRow[]; published: PublishedActionRow[]; sessions: PublishedSessionRow[] }) {
  await insertAll(db, actions, chunk.actions, BATCH.actions);
  await insertAll(db, actionRevisions, chunk.revisions, BATCH.revisions);
  await insertAll(db, publishedActions, chunk.published, BATCH.published);
  await insertAll(db, publishedSessions, chunk.sessions, BATCH.sessions);
}
