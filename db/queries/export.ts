import "server-only";
import { and, eq, gt, gte, or, sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import { anyOf } from "@/db/jobs/diffusion-changes";
import { getDb } from "@/db";
import { FORMACODE_EDITION } from "@/db/reference/load";
import { actions, communes, diffusionChanges, organisations, publishedActions, publishedSessions } from "@/db/schema";
import { PARIS, parisDate } from "@/lib/dates";
import { actionDiffusedSql, sessionDiffusedSql } from "@/lib/diffusion-sql";
import { documentEnd, documentStart, numeros, writeFormation, type LheoAddress, type LheoFormation, type LheoOrganisation, type LheoSession } from "@/lib/lheo/writer";

// The diffused offer read for the transmission feeds and open data, in keyset pages on the action
// id: each page is read, handed out, and forgotten, so memory stays flat whatever the size of the
// offer. Diffusion is the one rule of lib/diffusion-sql.ts, as on the public site.
//
// What one reading holds at most: the page being written, the next one read ahead, up to
// ORGANISATIONS_KEPT organisations, and one chunk of text — pulled by the route only as fast as
// the receiver reads (app/api/export/export-route.ts). 250 actions a page: with 500, the pages
// alone (their content, its JSON) made the process's peak memory about 60 MB higher
// (`npm run bench:export`, README), for no gain in time since the next page is read meanwhile.

export { FORMACODE_EDITION };
export const EXPORT_PAGE_SIZE = 250;

/** A formation of the feed, with the address of its public page. */
export type ExportedFormation = LheoFormation & { slug: string };

/** The start of a Paris day, as a time. */
const dayStart = (day: string) => sql`((${day}::date)::timestamp at time zone ${PARIS})`;

/**
 * A change of diffusion_changes counts from `since` on when it took effect on or after that day,
 * or was recorded since (a night the jobs missed is recorded later, with the day it took effect).
 */
const changeSinceSql = (since: string, { onDate, recordedAt }: { onDate: SQLWrapper; recordedAt: SQLWrapper } = diffusionChanges) =>
  sql`(${onDate} >= ${since}::date or ${recordedAt} >= ${dayStart(since)})`;

/**
 * `since`: only actions approved, renewed (dossier) or back in diffusion on or after that Paris
 * day, and those with permanent entry that lost a session since: with no dated session left, the
 * feed now writes them with their permanent-entry session instead.
 */
function changedSinceSql(since: string): SQL {
  const start = dayStart(since);
  const changed = (condition: SQL) =>
    sql`exists (select 1 from ${diffusionChanges} where ${diffusionChanges.actionId} = ${publishedActions.actionId} and ${condition} and ${changeSinceSql(since)})`;
  return or(
    gte(publishedActions.publishedAt, start),
    gte(organisations.dossierApprovedAt, start),
    changed(sql`${diffusionChanges.change} = 'returned'`),
    and(eq(publishedActions.permanentEntry, true), changed(sql`${diffusionChanges.entity} = 'session' and ${diffusionChanges.change} = 'left'`)),
  ) as SQL;
}

type Db = Awaited<ReturnType<typeof getDb>>;

/** An action of a page as the page query writes it (JSON). */
interface PageAction {
  actionId: string;
  organisationId: string;
  slug: string;
  /** Milliseconds since the epoch (as an integer: JSON carries them exactly). */
  firstEnteredAt: number;
  publishedAt: number;
  details: ExportedFormation["details"];
  formacodes: string[];
  romeCodes: string[];
  nsfCode: string | null;
  exitLevel: string | null;
  fundingSentence: string | null;
  sessions: {
    id: string;
    startDate: string;
    endDate: string;
    street: string;
    street2: string;
    postcode: string;
    inseeCode: string;
    town: string;
    latitude: number | null;
    longitude: number | null;
    placesTotal: number;
    placesAvailable: number;
    recruitment: string;
  }[];
}

const epochMs = (column: AnyColumn) => sql`floor(extract(epoch from ${column}) * 1000)::bigint`;

/**
 * One page of the diffused actions after `after`, each with its diffused sessions (soonest
 * first), in one statement: one round trip per page, one JSON value per action (read by the
 * driver with JSON.parse, no per-column mapping of thousands of session rows).
 */
async function actionPage(db: Db, { today, since, after, limit }: { today: string; since: string | null; after: string | null; limit: number }): Promise<PageAction[]> {
  const ps = publishedSessions;
  const sessions = sql`(select coalesce(json_agg(json_build_object(
      'id', ${ps.id}, 'startDate', ${ps.startDate}, 'endDate', ${ps.endDate}, 'street', ${ps.street}, 'street2', ${ps.street2}, 'postcode', ${ps.postcode},
      'inseeCode', ${ps.communeInsee}, 'town', ${communes.name}, 'latitude', ${communes.latitude}, 'longitude', ${communes.longitude},
      'placesTotal', ${ps.placesTotal}, 'placesAvailable', ${ps.placesAvailable}, 'recruitment', ${ps.recruitment}
    ) order by ${ps.startDate}, ${ps.id}), '[]')
    from ${ps} join ${communes} on ${communes.inseeCode} = ${ps.communeInsee}
    where ${ps.actionId} = ${publishedActions.actionId} and ${sessionDiffusedSql(today)})`;
  const filter = and(actionDiffusedSql(today), since ? changedSinceSql(since) : undefined, after ? gt(publishedActions.actionId, after) : undefined);
  const result = (await db.execute(sql`
    select row_to_json(page) as "action" from (
      select ${publishedActions.actionId} as "actionId", ${publishedActions.organisationId} as "organisationId", ${publishedActions.slug} as "slug",
        ${epochMs(actions.firstEnteredAt)} as "firstEnteredAt", ${epochMs(publishedActions.publishedAt)} as "publishedAt",
        ${publishedActions.details} as "details", ${publishedActions.formacodes} as "formacodes", ${publishedActions.romeCodes} as "romeCodes",
        ${publishedActions.nsfCode} as "nsfCode", ${publishedActions.exitLevel} as "exitLevel", ${publishedActions.fundingSentence} as "fundingSentence",
        ${sessions} as "sessions"
      from ${publishedActions}
      join ${actions} on ${actions.id} = ${publishedActions.actionId}
      join ${organisations} on ${organisations.id} = ${publishedActions.organisationId}
      where ${filter}
      order by ${publishedActions.actionId}
      limit ${limit}
    ) page
    order by page."actionId"`)) as unknown as { rows: { action: PageAction | string }[] };
  return result.rows.map((r) => (typeof r.action === "string" ? (JSON.parse(r.action) as PageAction) : r.action));
}

function sessionOf(r: PageAction["sessions"][number]): LheoSession {
  const address: LheoAddress | null = r.street
    ? { lines: [r.street, r.street2], postcode: r.postcode, town: r.town, inseeCode: r.inseeCode, latitude: r.latitude, longitude: r.longitude }
    : null;
  return { id: r.id, startDate: r.startDate, endDate: r.endDate, address, placesTotal: r.placesTotal, placesAvailable: r.placesAvailable, recruitment: r.recruitment };
}

async function organisationsOf(db: Db, ids: string[]): Promise<Map<string, LheoOrganisation>> {
  const rows = await db
    .select({ organisation: organisations, town: communes.name, latitude: communes.latitude, longitude: communes.longitude })
    .from(organisations)
    .innerJoin(communes, eq(communes.inseeCode, organisations.communeInsee))
    .where(sql`${organisations.id} ${anyOf(ids)}`);
  return new Map(
    rows.map(({ organisation: o, town, latitude, longitude }) => [
      o.id,
      {
        siret: o.siret,
        activityNumber: o.activityNumber,
        name: o.name,
        legalName: o.legalName,
        // The approved dossier's two lines (organisations.street holds them joined, for display).
        address: { lines: o.dossier ? [o.dossier.address.street, o.dossier.address.street2] : [o.street], postcode: o.postalCode, town, inseeCode: o.communeInsee, latitude, longitude },
        phone: o.phone,
        email: o.email,
        website: o.website,
        contacts: o.dossier?.contacts ?? [],
        trainingFields: o.dossier?.trainingFields ?? [],
      },
    ]),
  );
}

/**
 * How many organisations one reading of the offer keeps between pages: an organisation has many
 * actions spread over all the pages, so it is read (and its part of the LHÉO document written,
 * lib/lheo/writer.ts) once rather than once per page. Bounded, so that memory stays flat
 * whatever the number of organisations: past it, the least recently used are read again.
 */
const ORGANISATIONS_KEPT = 3000;

/** The organisations of a reading of the offer, read as pages need them. */
function organisationCache(db: Db, limit: number) {
  const kept = new Map<string, LheoOrganisation>();
  return async function organisationsFor(ids: string[]): Promise<Map<string, LheoOrganisation>> {
    const missing = [...new Set(ids)].filter((id) => !kept.has(id));
    const read = missing.length > 0 ? await organisationsOf(db, missing) : new Map<string, LheoOrganisation>();
    const found = new Map<string, LheoOrganisation>();
    for (const id of ids) {
      const organisation = kept.get(id) ?? read.get(id);
      if (!organisation) continue;
      // Most recently used last, for the eviction below.
      kept.delete(id);
      kept.set(id, organisation);
      found.set(id, organisation);
    }
    for (const id of kept.keys()) {
      if (kept.size <= limit) break;
      kept.delete(id);
    }
    return found;
  };
}

export interface ReadingOptions {
  today: string;
  since?: string | null;
  pageSize?: number;
  /** ORGANISATIONS_KEPT unless told (tests). */
  organisationsKept?: number;
}

/**
 * The diffused offer on `today` (or what changed in it since `since`), as LHÉO formations, one
 * page at a time, in the order of the action ids. The next page is read while the caller writes
 * the current one (the database and the writer work side by side); never more than that one page
 * ahead.
 */
export async function* diffusedFormationPages({
  today,
  since = null,
  pageSize = EXPORT_PAGE_SIZE,
  organisationsKept = ORGANISATIONS_KEPT,
}: ReadingOptions): AsyncGenerator<ExportedFormation[]> {
  const db = await getDb();
  const organisationsFor = organisationCache(db, organisationsKept);
  const read = (after: string | null) => {
    const page = actionPage(db, { today, since, after, limit: pageSize });
    // Awaited below; a reader that stops early leaves it unread without an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<PageAction[]> | null = read(null);
  try {
    while (next) {
      const page: PageAction[] = await next;
      next = page.length === pageSize ? read(page.at(-1)!.actionId) : null;
      if (page.length === 0) return;
      const orgs = await organisationsFor(page.map((a) => a.organisationId));
      yield page.map((a) => ({
        actionId: a.actionId,
        slug: a.slug,
        firstEnteredOn: parisDate(new Date(a.firstEnteredAt)),
        publishedOn: parisDate(new Date(a.publishedAt)),
        details: a.details,
        formacodes: a.formacodes,
        romeCodes: a.romeCodes,
        nsfCode: a.nsfCode,
        exitLevel: a.exitLevel,
        fundingSentence: a.fundingSentence,
        sessions: a.sessions.map(sessionOf),
        organisation: orgs.get(a.organisationId)!,
      }));
    }
  } finally {
    // Stopped early (a receiver that broke off): the page read ahead is let finish, so that no
    // statement outlives the reading.
    await next?.catch(() => undefined);
  }
}

/**
 * About how many characters a chunk of the document holds (a formation or two): handed out as
 * soon as written, so that the text of a whole page is never held. At most 32 KB even when the
 * text needs two bytes a character (any « ’ » does), under V8's large-object size: chunks are
 * allocated and freed young, as is what the writer allocates for them.
 */
const CHUNK_LENGTH = 16 * 1024;

/**
 * The LHÉO document of the diffused offer, as chunks of text (a few formations each), or null
 * when there is nothing to transmit (LHÉO cannot express an empty offer). `counts` grows as the
 * chunks are read.
 */
export async function openLheoDocument(reading: ReadingOptions) {
  const pages = diffusedFormationPages(reading);
  const first = await pages.next();
  if (first.done) return null;
  const counts = { formations: 0, sessions: 0 };
  const options = { formacodeEdition: FORMACODE_EDITION };
  async function* chunks(): AsyncGenerator<string> {
    try {
      let chunk = documentStart();
      for (let page = first; !page.done; page = await pages.next()) {
        for (const formation of page.value) {
          chunk += writeFormation(formation, options);
          counts.formations += 1;
          counts.sessions += formation.sessions.length;
          if (chunk.length >= CHUNK_LENGTH) {
            yield chunk;
            chunk = "";
          }
        }
      }
      yield chunk + documentEnd();
    } finally {
      await pages.return(undefined);
    }
  }
  return { chunks: chunks(), counts };
}

/** The longest the jobs may have missed (days): a change recorded later than that is not sent. */
const CATCH_UP_DAYS = 62;

export interface Removal {
  type: "formation" | "session";
  /** The LHÉO numero of what left (lib/lheo/writer.ts `numeros`). */
  numero: string;
  formation: string;
  siret: string;
  /** « j8 » (R9), « dossier-expired » (R8), « archived », « no-session ». */
  reason: string;
  /** The Paris day it left diffusion. */
  on: string;
}

/**
 * What left diffusion on or after `since` (recorded in diffusion_changes by the jobs and the
 * decisions, or recorded since): sessions withdrawn at J+8 and not diffused again today (a
 * session moved to a later date keeps its id), and actions that left and are not diffused again
 * today. Nothing after today.
 */
export async function listRemovedSince({ since, today }: { since: string; today: string }): Promise<Removal[]> {
  const db = await getDb();
  const diffusedNow = db
    .select({ one: sql`1` })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(and(sql`${publishedActions.actionId} = dc.action_id`, actionDiffusedSql(today)));
  // How far back a change recorded late may have taken effect (the jobs catch up on the nights they
  // missed): bounds the reading by the index on on_date.
  const earliest = sql`${since}::date - ${CATCH_UP_DAYS}::int`;
  const sessionDiffusedNow = sql`exists (select 1 from ${publishedSessions} where ${publishedSessions.actionId} = dc.action_id and ${publishedSessions.id} = dc.session_id and ${sessionDiffusedSql(today)}) and exists (${diffusedNow})`;
  const result = (await db.execute(sql`
    select dc.entity, dc.reason, dc.on_date::text as on_date, dc.action_id, dc.session_id, (select o2.siret from ${organisations} o2 where o2.id = dc.organisation_id) as siret
    from ${diffusionChanges} dc
    where dc.change = 'left' and dc.on_date between ${earliest} and ${today}::date and ${changeSinceSql(since, { onDate: sql`dc.on_date`, recordedAt: sql`dc.recorded_at` })} and dc.action_id is not null
      and ((dc.entity = 'session' and not (${sessionDiffusedNow})) or (dc.entity = 'action' and not exists (${diffusedNow})))
    order by dc.on_date, dc.id`)) as unknown as {
    rows: { entity: string; reason: string; on_date: string; action_id: string; session_id: string | null; siret: string }[];
  };
  return result.rows.map((r) => ({
    type: r.entity === "session" ? "session" : "formation",
    numero: r.entity === "session" ? numeros.session(r.action_id, r.session_id!) : numeros.formation(r.action_id),
    formation: numeros.formation(r.action_id),
    siret: r.siret,
    reason: r.reason,
    on: r.on_date,
  }));
}
