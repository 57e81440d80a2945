import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actionRevisions, actions, auditLog, communes, diffusionChanges, organisations, publishedActions, publishedSessions, users } from "@/db/schema";
import { actionDiffusedSql, dossierValidSql, sessionDiffusedSql } from "@/lib/diffusion-sql";
import type { RecruitmentCode } from "@/lib/lheo/codes";

/** R7: a draft saved and never sent is flagged after this many days. */
export const STALE_DRAFT_DAYS = 3;

export interface PublishedSessionSummary {
  id: string;
  startDate: string;
  endDate: string;
  town: string;
  placesTotal: number;
  placesAvailable: number;
  recruitment: RecruitmentCode;
}

/**
 * The provider's list: each action with its latest revision, its published version if any, and
 * whether that version is online today (the diffusion rule, lib/diffusion-sql.ts).
 */
export async function listActionsForOrganisation({
  organisationId,
  today,
  archived = false,
}: {
  organisationId: string;
  today: string;
  archived?: boolean;
}) {
  const db = await getDb();
  const ownActions = db.select({ id: actions.id }).from(actions).where(eq(actions.organisationId, organisationId));
  const latest = db
    .selectDistinctOn([actionRevisions.actionId], {
      actionId: actionRevisions.actionId,
      // Aliases unique across the outer query: published_actions also has revision_id and title.
      revisionId: sql<string>`${actionRevisions.id}`.as("latest_revision_id"),
      number: actionRevisions.number,
      status: actionRevisions.status,
      quickUpdate: actionRevisions.quickUpdate,
      title: sql<string>`${actionRevisions.content}->>'title'`.as("latest_title"),
      rejectionReason: actionRevisions.rejectionReason,
      revisionUpdatedAt: sql<Date>`${actionRevisions.updatedAt}`.as("revision_updated_at"),
    })
    .from(actionRevisions)
    .where(inArray(actionRevisions.actionId, ownActions))
    .orderBy(actionRevisions.actionId, desc(actionRevisions.number))
    .as("latest");

  const rows = await db
    .select({
      actionId: actions.id,
      firstEnteredAt: actions.firstEnteredAt,
      revisionId: latest.revisionId,
      status: latest.status,
      quickUpdate: latest.quickUpdate,
      version: actions.version,
      title: latest.title,
      rejectionReason: latest.rejectionReason,
      updatedAt: latest.revisionUpdatedAt,
      publishedSlug: publishedActions.slug,
      publishedTitle: publishedActions.title,
      online: sql<boolean>`coalesce(${actionDiffusedSql(today)}, false)`,
      dossierValid: sql<boolean>`coalesce(${dossierValidSql(today)}, false)`,
      // R7: a draft saved and never sent for a few days is pointed out to the provider.
      staleDraft: sql<boolean>`(${latest.status} = 'draft' and ${latest.revisionUpdatedAt} < now() - make_interval(days => ${STALE_DRAFT_DAYS}))`,
      // The published sessions still shown (or to come), for the quick update of places.
      sessions: sql<PublishedSessionSummary[] | null>`(select json_agg(json_build_object('id', ${publishedSessions.id}, 'startDate', ${publishedSessions.startDate}, 'endDate', ${publishedSessions.endDate}, 'town', ${communes.name}, 'placesTotal', ${publishedSessions.placesTotal}, 'placesAvailable', ${publishedSessions.placesAvailable}, 'recruitment', ${publishedSessions.recruitment}) order by ${publishedSessions.startDate}) from ${publishedSessions} join ${communes} on ${communes.inseeCode} = ${publishedSessions.communeInsee} where ${publishedSessions.actionId} = ${actions.id} and ${sessionDiffusedSql(today)})`,
    })
    .from(actions)
    .innerJoin(latest, eq(latest.actionId, actions.id))
    .innerJoin(organisations, eq(organisations.id, actions.organisationId))
    .leftJoin(publishedActions, eq(publishedActions.actionId, actions.id))
    .where(and(eq(actions.organisationId, organisationId), archived ? isNotNull(actions.archivedAt) : isNull(actions.archivedAt)))
    .orderBy(desc(latest.revisionUpdatedAt));
  return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt), sessions: row.sessions ?? [] }));
}

/**
 * One action of the organisation with its latest revision, or null when the action does not
 * exist or belongs to another organisation (the caller answers "not found" in both cases).
 */
export async function getActionForOrganisation({
  actionId,
  organisationId,
  today,
}: {
  actionId: string;
  organisationId: string;
  today: string;
}) {
  const db = await getDb();
  const action = await db.query.actions.findFirst({
    where: and(eq(actions.id, actionId), eq(actions.organisationId, organisationId)),
    with: {
      revisions: { orderBy: desc(actionRevisions.number), limit: 1 },
      published: { columns: { slug: true, publishedAt: true, revisionId: true } },
    },
  });
  if (!action) return null;
  const [latestRevision] = action.revisions;
  if (!latestRevision) return null;
  return { ...action, latestRevision, online: action.published ? await isOnline({ actionId, today }) : false };
}

/** Whether the published version of an action is on the public site today (the diffusion rule). */
async function isOnline({ actionId, today }: { actionId: string; today: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ actionId: publishedActions.actionId })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(and(eq(publishedActions.actionId, actionId), actionDiffusedSql(today)));
  return Boolean(row);
}


/**
 * The story of an action for its provider: each revision with its dates and decision, and the
 * archive, restore and duplicate events, newest first.
 */
export async function listActionHistory({ actionId, organisationId }: { actionId: string; organisationId: string }) {
  const db = await getDb();
  const [owned] = await db.select({ id: actions.id }).from(actions).where(and(eq(actions.id, actionId), eq(actions.organisationId, organisationId)));
  if (!owned) return null;
  const revisions = await db
    .select({
      id: actionRevisions.id,
      number: actionRevisions.number,
      status: actionRevisions.status,
      quickUpdate: actionRevisions.quickUpdate,
      createdAt: actionRevisions.createdAt,
      submittedAt: actionRevisions.submittedAt,
      decidedAt: actionRevisions.decidedAt,
      rejectionReason: actionRevisions.rejectionReason,
      decidedByName: users.displayName,
      // R2: when staff corrected the wording, what the provider sent and what was approved.
      content: actionRevisions.content,
      providerContent: actionRevisions.providerContent,
    })
    .from(actionRevisions)
    .leftJoin(users, eq(users.id, actionRevisions.decidedBy))
    .where(eq(actionRevisions.actionId, actionId))
    .orderBy(desc(actionRevisions.number));
  const events = await db
    .select({ event: auditLog.event, at: auditLog.at, details: auditLog.details, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, "action"),
        eq(auditLog.entityId, actionId),
        inArray(auditLog.event, ["action.archived", "action.restored", "action.duplicated", "action.created"]),
      ),
    )
    .orderBy(asc(auditLog.at));
  // When the action or its sessions left the site or came back, as the jobs and decisions recorded it.
  const diffusion = await db
    .select({
      entity: diffusionChanges.entity,
      change: diffusionChanges.change,
      reason: diffusionChanges.reason,
      sessionStart: diffusionChanges.sessionStart,
      onDate: diffusionChanges.onDate,
    })
    .from(diffusionChanges)
    .where(eq(diffusionChanges.actionId, actionId))
    .orderBy(asc(diffusionChanges.id));
  return { revisions, events, diffusion };
}
