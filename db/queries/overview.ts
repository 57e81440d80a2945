import "server-only";
import { and, count, eq, gte, inArray, isNull, lt, min, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { AuditEvent } from "@/db/queries/audit";
import { actionRevisions, actions, auditLog, organisationDossiers, organisations, publishedActions, publishedSessions } from "@/db/schema";
import { addDays, addMonths, PARIS } from "@/lib/dates";
import { DOSSIER_REMINDER_DAYS, DOSSIER_VALIDITY_MONTHS, dossierExpiryDate, earliestDiffusedStartDate, isRenewalDue } from "@/lib/diffusion";
import { actionDiffusedSql, dossierValidSql, sessionDiffusedSql } from "@/lib/diffusion-sql";

// The staff overview (« Tableau de bord »): what waits, what was decided, what is about to lapse
// and what the public sees today. Counts of decisions and submissions come from the audit log
// (a revision sent twice counts twice), through its (event, at, id) index.

export const CHART_WEEKS = 12;

const SUBMISSIONS: AuditEvent[] = ["revision.submitted", "dossier.submitted"];
const DECISIONS: AuditEvent[] = ["revision.approved", "revision.rejected", "dossier.approved", "dossier.rejected"];

/** The Monday (Paris calendar) of the week holding `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The instant a Paris day begins, as SQL. */
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone ${PARIS}`;

async function queue() {
  const db = await getDb();
  const [[revisions], [dossiers]] = await Promise.all([
    db.select({ count: count(), oldest: min(actionRevisions.submittedAt) }).from(actionRevisions).where(eq(actionRevisions.status, "submitted")),
    db.select({ count: count(), oldest: min(organisationDossiers.submittedAt) }).from(organisationDossiers).where(eq(organisationDossiers.status, "submitted")),
  ]);
  return {
    actions: { count: Number(revisions?.count ?? 0), oldest: revisions?.oldest ?? null },
    dossiers: { count: Number(dossiers?.count ?? 0), oldest: dossiers?.oldest ?? null },
  };
}

/** Decisions taken since Monday, by kind. */
async function decisionsSince(monday: string) {
  const db = await getDb();
  const rows = await db
    .select({ event: auditLog.event, count: count() })
    .from(auditLog)
    .where(and(inArray(auditLog.event, DECISIONS), gte(auditLog.at, startOf(monday))))
    .groupBy(auditLog.event);
  const of = (event: AuditEvent) => Number(rows.find((r) => r.event === event)?.count ?? 0);
  return {
    actionsApproved: of("revision.approved"),
    actionsRejected: of("revision.rejected"),
    dossiersApproved: of("dossier.approved"),
    dossiersRejected: of("dossier.rejected"),
  };
}

/** Submissions and decisions per week (Monday first), the current week last, weeks without any at 0. */
async function weekly(today: string) {
  const db = await getDb();
  const first = addDays(weekStart(today), -7 * (CHART_WEEKS - 1));
  const week = sql<string>`to_char(date_trunc('week', ${auditLog.at} at time zone ${PARIS}), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      week,
      submissions: sql<number>`count(*) filter (where ${inArray(auditLog.event, SUBMISSIONS)})`.mapWith(Number),
      decisions: sql<number>`count(*) filter (where ${inArray(auditLog.event, DECISIONS)})`.mapWith(Number),
    })
    .from(auditLog)
    .where(and(inArray(auditLog.event, [...SUBMISSIONS, ...DECISIONS]), gte(auditLog.at, startOf(first)), lt(auditLog.at, startOf(addDays(today, 1)))))
    // By position: the time zone is a parameter, so the expression written twice would not match.
    .groupBy(sql`1`);
  return Array.from({ length: CHART_WEEKS }, (_, i) => {
    const monday = addDays(first, 7 * i);
    const row = rows.find((r) => r.week === monday);
    return { weekStart: monday, submissions: row?.submissions ?? 0, decisions: row?.decisions ?? 0 };
  });
}

/**
 * R8: organisations whose dossier lapses within DOSSIER_REMINDER_DAYS, soonest first, with the
 * renewal they sent if one waits. The SQL only narrows the approval dates; the rule itself is
 * lib/diffusion.ts's.
 */
async function expiringDossiers(today: string) {
  const db = await getDb();
  const earliest = addDays(addMonths(today, -DOSSIER_VALIDITY_MONTHS), -3);
  const latest = addDays(addMonths(addDays(today, DOSSIER_REMINDER_DAYS), -DOSSIER_VALIDITY_MONTHS), 3);
  const rows = await db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      approvedAt: organisations.dossierApprovedAt,
      // At most one dossier is open per organisation (a unique index): at most one row each.
      renewalSentAt: organisationDossiers.submittedAt,
    })
    .from(organisations)
    .leftJoin(organisationDossiers, and(eq(organisationDossiers.organisationId, organisations.id), eq(organisationDossiers.status, "submitted")))
    .where(and(isNull(organisations.archivedAt), gte(organisations.dossierApprovedAt, startOf(earliest)), lt(organisations.dossierApprovedAt, startOf(latest))));
  return rows
    .map((row) => ({ ...row, expiryDate: dossierExpiryDate(row.approvedAt!) }))
    .filter((row) => today < row.expiryDate && isRenewalDue(row.expiryDate, today))
    .sort((a, b) => a.expiryDate.localeCompare(b.expiryDate) || a.name.localeCompare(b.name, "fr"));
}

/**
 * What the public site and the feed show today, and the sessions that reached J+8 since Monday.
 * It reads the whole catalogue (the diffusion rule, action by action): the page caches it as the
 * public pages are cached.
 */
export async function getDiffusionCounts({ today }: { today: string }) {
  const db = await getDb();
  const monday = weekStart(today);
  const published = () =>
    db
      .select({ count: count() })
      .from(publishedActions)
      .innerJoin(actions, eq(actions.id, publishedActions.actionId))
      .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId));
  const [[diffusedActions], [diffusedSessions], [withdrawn]] = await Promise.all([
    published().where(actionDiffusedSql(today)),
    published()
      .innerJoin(publishedSessions, eq(publishedSessions.actionId, publishedActions.actionId))
      .where(and(actionDiffusedSql(today), sessionDiffusedSql(today))),
    // Still diffused on Sunday, no longer today: withdrawn this week (R9).
    published()
      .innerJoin(publishedSessions, eq(publishedSessions.actionId, publishedActions.actionId))
      .where(
        and(
          isNull(actions.archivedAt),
          isNull(organisations.archivedAt),
          dossierValidSql(today),
          gte(publishedSessions.startDate, earliestDiffusedStartDate(addDays(monday, -1))),
          lt(publishedSessions.startDate, earliestDiffusedStartDate(today)),
        ),
      ),
  ]);
  return {
    actions: Number(diffusedActions?.count ?? 0),
    sessions: Number(diffusedSessions?.count ?? 0),
    sessionsWithdrawnThisWeek: Number(withdrawn?.count ?? 0),
  };
}

/** Everything on the overview but the catalogue counts (getDiffusionCounts). */
export async function getOverview({ today }: { today: string }) {
  const monday = weekStart(today);
  const [waiting, decisions, weeks, expiring] = await Promise.all([queue(), decisionsSince(monday), weekly(today), expiringDossiers(today)]);
  return { today, weekStart: monday, queue: waiting, decisions, weeks, expiringDossiers: expiring };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
