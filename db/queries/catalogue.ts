import "server-only";
import { and, asc, eq, inArray, isNull, like, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, communes, organisations, publishedActions, publishedSessions } from "@/db/schema";
import { actionDiffusedSql, dossierValidSql, sessionDiffusedSql } from "@/lib/diffusion-sql";
import { actionIdPrefixFromSlug } from "@/lib/slug";

// Every public read goes through the diffusion predicate (lib/diffusion-sql.ts), evaluated for
// the given Paris day.

/**
 * The session an action's card announces: the first to start from today on, else (all have
 * started, shown until J+7 by R9) the last one started.
 */
function nextStartDateSql(today: string) {
  const start = publishedSessions.startDate;
  return sql<string | null>`(select coalesce(min(${start}) filter (where ${start} >= ${today}::date), max(${start}))::text from ${publishedSessions} where ${publishedSessions.actionId} = ${publishedActions.actionId} and ${sessionDiffusedSql(today)})`;
}

function diffusedActions(db: Awaited<ReturnType<typeof getDb>>, today: string) {
  return db
    .select({
      actionId: publishedActions.actionId,
      slug: publishedActions.slug,
      title: publishedActions.title,
      objectives: publishedActions.objectives,
      permanentEntry: publishedActions.permanentEntry,
      organisationId: publishedActions.organisationId,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      nextStartDate: nextStartDateSql(today),
      towns: sql<string[] | null>`(select array_agg(distinct ${communes.name} order by ${communes.name}) from ${publishedSessions} join ${communes} on ${communes.inseeCode} = ${publishedSessions.communeInsee} where ${publishedSessions.actionId} = ${publishedActions.actionId} and ${sessionDiffusedSql(today)})`,
    })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId));
}

export type CatalogueEntry = Awaited<ReturnType<typeof listDiffusedActions>>[number];

/**
 * The diffused actions of the day, soonest session first; narrowed to one organisation or to
 * chosen actions (a counsellor's selection) when asked.
 */
export async function listDiffusedActions({
  today,
  limit = 200,
  offset = 0,
  organisationId,
  actionIds,
}: {
  today: string;
  limit?: number;
  offset?: number;
  organisationId?: string;
  actionIds?: string[];
}) {
  if (actionIds?.length === 0) return [];
  const db = await getDb();
  const filters: SQL[] = [actionDiffusedSql(today)];
  if (organisationId) filters.push(eq(publishedActions.organisationId, organisationId));
  if (actionIds) filters.push(inArray(publishedActions.actionId, actionIds));
  const rows = await diffusedActions(db, today)
    .where(and(...filters))
    // Sessions to come first, soonest first; then the actions whose sessions have all started;
    // then those with permanent entry and no session.
    .orderBy(sql`${nextStartDateSql(today)} < ${today} nulls last`, sql`${nextStartDateSql(today)} asc nulls last`, asc(publishedActions.title), asc(publishedActions.actionId))
    .limit(limit)
    .offset(offset);
  return rows.map((row) => ({ ...row, towns: row.towns ?? [] }));
}

/**
 * A diffused action by its public address. When the title (and so the slug) changed since a
 * link was made, a `redirect` result gives the current address.
 */
export async function getDiffusedAction({ slug, today }: { slug: string; today: string }) {
  const db = await getDb();
  let [action] = await diffusedActions(db, today)
    .where(and(eq(publishedActions.slug, slug), actionDiffusedSql(today)))
    .limit(1);
  if (!action) {
    const prefix = actionIdPrefixFromSlug(slug);
    if (!prefix) return null;
    [action] = await diffusedActions(db, today)
      .where(and(like(sql`${publishedActions.actionId}::text`, `${prefix}%`), actionDiffusedSql(today)))
      .limit(1);
    if (!action) return null;
    return { kind: "redirect", slug: action.slug } as const;
  }
  const details = await db
    .select({
      content: publishedActions.content,
      details: publishedActions.details,
      fundingSentence: publishedActions.fundingSentence,
      publishedAt: publishedActions.publishedAt,
      formacodes: publishedActions.formacodes,
      organisation: {
        name: organisations.name,
        street: organisations.street,
        postalCode: organisations.postalCode,
        email: organisations.email,
        phone: organisations.phone,
        town: communes.name,
      },
    })
    .from(publishedActions)
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .innerJoin(communes, eq(communes.inseeCode, organisations.communeInsee))
    .where(eq(publishedActions.actionId, action.actionId));
  const sessions = await db
    .select({
      id: publishedSessions.id,
      startDate: publishedSessions.startDate,
      endDate: publishedSessions.endDate,
      placesTotal: publishedSessions.placesTotal,
      placesAvailable: publishedSessions.placesAvailable,
      recruitment: publishedSessions.recruitment,
      street: publishedSessions.street,
      street2: publishedSessions.street2,
      postcode: publishedSessions.postcode,
      town: communes.name,
    })
    .from(publishedSessions)
    .innerJoin(communes, eq(communes.inseeCode, publishedSessions.communeInsee))
    .where(and(eq(publishedSessions.actionId, action.actionId), sessionDiffusedSql(today)))
    .orderBy(asc(publishedSessions.startDate));
  return { kind: "found", action: { ...action, ...details[0]! }, sessions } as const;
}

/** How many actions an organisation page lists at once (the heaviest organisations have hundreds). */
export const ORGANISATION_PAGE_SIZE = 20;

/**
 * A diffused organisation by its public address: not archived, its dossier valid today (R8), by
 * the same rule as its actions (lib/diffusion-sql.ts). With it, one page of its diffused actions
 * (soonest session first) and their total; null when the page is past the last one (page 1
 * always exists, even when the organisation has no action online).
 */
export async function getDiffusedOrganisation({ slug, today, page = 1 }: { slug: string; today: string; page?: number }) {
  const db = await getDb();
  const [organisation] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      legalName: organisations.legalName,
      street: organisations.street,
      postalCode: organisations.postalCode,
      town: communes.name,
      email: organisations.email,
      phone: organisations.phone,
      website: organisations.website,
      dossier: organisations.dossier,
    })
    .from(organisations)
    .innerJoin(communes, eq(communes.inseeCode, organisations.communeInsee))
    .where(and(eq(organisations.slug, slug), isNull(organisations.archivedAt), dossierValidSql(today)))
    .limit(1);
  if (!organisation) return null;
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int` })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(and(eq(publishedActions.organisationId, organisation.id), actionDiffusedSql(today)))) as [{ total: number }];
  const pageCount = Math.max(1, Math.ceil(Number(total) / ORGANISATION_PAGE_SIZE));
  if (page > pageCount) return null;
  const actionList = await listDiffusedActions({
    today,
    organisationId: organisation.id,
    limit: ORGANISATION_PAGE_SIZE,
    offset: (page - 1) * ORGANISATION_PAGE_SIZE,
  });
  return { organisation, actions: actionList, total: Number(total), page, pageCount };
}

/** The public addresses of today's diffused actions and organisations, for the sitemap. */
export async function listDiffusedAddresses({ today }: { today: string }) {
  const db = await getDb();
  const actionRows = await db
    .select({ slug: publishedActions.slug, publishedAt: publishedActions.publishedAt, organisationSlug: organisations.slug })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(actionDiffusedSql(today))
    .orderBy(asc(publishedActions.slug));
  const organisationRows = await db
    .select({ slug: organisations.slug, updatedAt: organisations.updatedAt })
    .from(organisations)
    .where(and(isNull(organisations.archivedAt), dossierValidSql(today)))
    .orderBy(asc(organisations.slug));
  return { actions: actionRows, organisations: organisationRows };
}
