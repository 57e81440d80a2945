import "server-only";
import { and, asc, eq, gt, gte, or, sql, type SQL } from "drizzle-orm";
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

export { FORMACODE_EDITION };
export const EXPORT_PAGE_SIZE = 500;

/** A formation of the feed, with the address of its public page. */
export type ExportedFormation = LheoFormation & { slug: string };

/** `since`: only actions approved, renewed (dossier) or back in diffusion on or after that Paris day. */
function changedSinceSql(since: string): SQL {
  const start = sql`((${since}::date)::timestamp at time zone ${PARIS})`;
  return or(
    gte(publishedActions.publishedAt, start),
    gte(organisations.dossierApprovedAt, start),
    sql`exists (select 1 from ${diffusionChanges} where ${diffusionChanges.actionId} = ${publishedActions.actionId} and ${diffusionChanges.change} = 'returned' and ${diffusionChanges.onDate} >= ${since}::date)`,
  ) as SQL;
}

type Db = Awaited<ReturnType<typeof getDb>>;

async function actionPage(db: Db, { today, since, after, limit }: { today: string; since: string | null; after: string | null; limit: number }) {
  return db
    .select({
      actionId: publishedActions.actionId,
      organisationId: publishedActions.organisationId,
      firstEnteredAt: actions.firstEnteredAt,
      publishedAt: publishedActions.publishedAt,
      slug: publishedActions.slug,
      details: publishedActions.details,
      formacodes: publishedActions.formacodes,
      romeCodes: publishedActions.romeCodes,
      nsfCode: publishedActions.nsfCode,
      exitLevel: publishedActions.exitLevel,
      fundingSentence: publishedActions.fundingSentence,
    })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(and(actionDiffusedSql(today), since ? changedSinceSql(since) : undefined, after ? gt(publishedActions.actionId, after) : undefined))
    .orderBy(asc(publishedActions.actionId))
    .limit(limit);
}

async function sessionsOf(db: Db, actionIds: string[], today: string) {
  const rows = await db
    .select({
      actionId: publishedSessions.actionId,
      id: publishedSessions.id,
      startDate: publishedSessions.startDate,
      endDate: publishedSessions.endDate,
      street: publishedSessions.street,
      street2: publishedSessions.street2,
      postcode: publishedSessions.postcode,
      inseeCode: publishedSessions.communeInsee,
      town: communes.name,
      latitude: communes.latitude,
      longitude: communes.longitude,
      placesTotal: publishedSessions.placesTotal,
      placesAvailable: publishedSessions.placesAvailable,
      recruitment: publishedSessions.recruitment,
    })
    .from(publishedSessions)
    .innerJoin(communes, eq(communes.inseeCode, publishedSessions.communeInsee))
    .where(and(sql`${publishedSessions.actionId} ${anyOf(actionIds)}`, sessionDiffusedSql(today)))
    .orderBy(asc(publishedSessions.actionId), asc(publishedSessions.startDate), asc(publishedSessions.id));
  const byAction = new Map<string, LheoSession[]>();
  for (const r of rows) {
    const address: LheoAddress | null = r.street
      ? { lines: [r.street, r.street2], postcode: r.postcode, town: r.town, inseeCode: r.inseeCode, latitude: r.latitude, longitude: r.longitude }
      : null;
    const list = byAction.get(r.actionId) ?? [];
    list.push({ id: r.id, startDate: r.startDate, endDate: r.endDate, address, placesTotal: r.placesTotal, placesAvailable: r.placesAvailable, recruitment: r.recruitment });
    byAction.set(r.actionId, list);
  }
  return byAction;
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
        address: { lines: [o.street, o.dossier?.address.street2 ?? ""], postcode: o.postalCode, town, inseeCode: o.communeInsee, latitude, longitude },
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
 * The diffused offer on `today` (or what changed in it since `since`), as LHÉO formations, one
 * page at a time, in the order of the action ids.
 */
export async function* diffusedFormationPages({
  today,
  since = null,
  pageSize = EXPORT_PAGE_SIZE,
}: {
  today: string;
  since?: string | null;
  pageSize?: number;
}): AsyncGenerator<ExportedFormation[]> {
  const db = await getDb();
  let after: string | null = null;
  for (;;) {
    const page = await actionPage(db, { today, since, after, limit: pageSize });
    if (page.length === 0) return;
    const ids = page.map((a) => a.actionId);
    const [sessions, orgs] = await Promise.all([sessionsOf(db, ids, today), organisationsOf(db, [...new Set(page.map((a) => a.organisationId))])]);
    yield page.map((a) => ({
      actionId: a.actionId,
      slug: a.slug,
      firstEnteredOn: parisDate(a.firstEnteredAt),
      publishedOn: parisDate(a.publishedAt),
      details: a.details,
      formacodes: a.formacodes,
      romeCodes: a.romeCodes,
      nsfCode: a.nsfCode,
      exitLevel: a.exitLevel,
      fundingSentence: a.fundingSentence,
      sessions: sessions.get(a.actionId) ?? [],
      organisation: orgs.get(a.organisationId)!,
    }));
    if (page.length < pageSize) return;
    after = page.at(-1)!.actionId;
  }
}

/**
 * The LHÉO document of the diffused offer, as chunks of text (one per page of actions), or null
 * when there is nothing to transmit (LHÉO cannot express an empty offer). `counts` grows as the
 * chunks are read.
 */
export async function openLheoDocument({ today, since = null, pageSize }: { today: string; since?: string | null; pageSize?: number }) {
  const pages = diffusedFormationPages({ today, since, pageSize });
  const first = await pages.next();
  if (first.done) return null;
  const counts = { formations: 0, sessions: 0 };
  async function* chunks(): AsyncGenerator<string> {
    try {
      yield documentStart();
      for (let page = first; !page.done; page = await pages.next()) {
        let chunk = "";
        for (const formation of page.value) {
          chunk += writeFormation(formation, { formacodeEdition: FORMACODE_EDITION });
          counts.formations += 1;
          counts.sessions += formation.sessions.length;
        }
        yield chunk;
      }
      yield documentEnd();
    } finally {
      await pages.return(undefined);
    }
  }
  return { chunks: chunks(), counts };
}

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
 * decisions): sessions withdrawn at J+8, and actions that left and are not diffused again today.
 */
export async function listRemovedSince({ since, today }: { since: string; today: string }): Promise<Removal[]> {
  const db = await getDb();
  const diffusedNow = db
    .select({ one: sql`1` })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(and(sql`${publishedActions.actionId} = dc.action_id`, actionDiffusedSql(today)));
  const result = (await db.execute(sql`
    select dc.entity, dc.reason, dc.on_date::text as on_date, dc.action_id, dc.session_id, (select o2.siret from ${organisations} o2 where o2.id = dc.organisation_id) as siret
    from ${diffusionChanges} dc
    where dc.change = 'left' and dc.on_date >= ${since}::date and dc.action_id is not null
      and (dc.entity = 'session' or (dc.entity = 'action' and not exists (${diffusedNow})))
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
