import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { actions, diffusionChanges, organisations, publishedActions, publishedSessions } from "@/db/schema";
import { addDays, PARIS } from "@/lib/dates";
import { earliestDiffusedStartDate, WITHDRAWAL_DAYS_AFTER_START } from "@/lib/diffusion";
import { actionDiffusedSql, dossierValidSql } from "@/lib/diffusion-sql";

// Records when things enter or leave diffusion (db/schema.ts `diffusion_changes`). Diffusion
// itself is decided by the one rule (lib/diffusion-sql.ts); these statements only write down the
// moments it changes, set-based, and are safe to repeat: a second run finds nothing new.

export interface Changed {
  actionIds: string[];
  organisationIds: string[];
  count: number;
}

const none: Changed = { actionIds: [], organisationIds: [], count: 0 };

function merge(...all: Changed[]): Changed {
  return {
    actionIds: [...new Set(all.flatMap((c) => c.actionIds))],
    organisationIds: [...new Set(all.flatMap((c) => c.organisationIds))],
    count: all.reduce((sum, c) => sum + c.count, 0),
  };
}

type Row = { action_id: string | null; organisation_id: string };

/** « = any($1::uuid[]) »: the ids as one array parameter, however many there are. */
export function anyOf(ids: string[]): SQL {
  return sql`= any(${`{${ids.join(",")}}`}::uuid[])`;
}

/** How many actions one statement handles: one transaction per batch. */
export const BATCH = 10_000;

function changedOf(rows: Row[]): Changed {
  return {
    actionIds: [...new Set(rows.flatMap((r) => (r.action_id ? [r.action_id] : [])))],
    organisationIds: [...new Set(rows.map((r) => r.organisation_id))],
    count: rows.length,
  };
}

async function rowsOf(tx: Transaction, query: SQL): Promise<Row[]> {
  const result = (await tx.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * R9: every published session whose start is 8 or more days before `asOf` and that is not yet
 * recorded, recorded as withdrawn on its J+8. Only sessions starting on or after `since` are
 * looked at (the previous run's bound minus a margin), so that a daily run reads one month of
 * sessions, not the whole history; `since: null` reads them all.
 */
export async function recordSessionWithdrawals(tx: Transaction, { asOf, since, runId }: { asOf: string; since: string | null; runId: number | null }) {
  const before = earliestDiffusedStartDate(asOf);
  const rows = await rowsOf(
    tx,
    sql`insert into ${diffusionChanges} (entity, change, reason, organisation_id, action_id, session_id, session_start, on_date, run_id)
      select 'session', 'left', 'j8', pa.organisation_id, ps.action_id, ps.id, ps.start_date, ps.start_date + ${WITHDRAWAL_DAYS_AFTER_START}::int, ${runId}
      from ${publishedSessions} ps
      join ${publishedActions} pa on pa.action_id = ps.action_id
      where ps.start_date < ${before}::date ${since ? sql`and ps.start_date >= ${since}::date` : sql``}
        -- Already recorded: skipped here (an anti-join on the unique index), not by the conflict
        -- clause, which is only there for a run racing this one and costs a failed insert a row.
        and not exists (select 1 from ${diffusionChanges} dc where dc.entity = 'session' and dc.action_id = ps.action_id and dc.session_id = ps.id and dc.session_start = ps.start_date)
      on conflict do nothing
      returning action_id, organisation_id`,
  );
  return changedOf(rows);
}

/**
 * The newest change recorded for an action (or organisation) that took effect by `asOf`: a run for
 * an earlier day (a catch-up, `--as-of`) compares with what was true then, not with a departure
 * recorded for a later day.
 */
function lastChange(entity: "action" | "organisation", column: SQL, asOf: string): SQL {
  return sql`(select dc.change from ${diffusionChanges} dc where dc.entity = ${entity} and ${column} and dc.on_date <= ${asOf}::date order by dc.id desc limit 1)`;
}

/**
 * The day an action left for want of a session, found by the withdrawal job: the J+8 of its last
 * session (`diffused_until`) when the job missed that night and records it later — but never
 * before its publication nor before the last change recorded for it (a new version approved
 * without sessions to come leaves the day of its approval, recorded then). Other departures
 * (archive, dossier) are recorded on the day they are found: a dossier's validity moves back
 * when a renewal is refused, and the day it really ended is the refusal's.
 */
function noSessionLeftOn(asOf: string): SQL {
  const until = publishedActions.diffusedUntil;
  const lastRecorded = sql`(select max(dc.on_date) from ${diffusionChanges} dc where dc.entity = 'action' and dc.action_id = ${publishedActions.actionId} and dc.on_date <= ${asOf}::date)`;
  return sql`case when ${until} = '-infinity' then ${asOf}::date
    else greatest(least(${asOf}::date, ${until}), (${publishedActions.publishedAt} at time zone ${PARIS})::date, ${lastRecorded}) end`;
}

/**
 * For the given published actions (or all the published actions of the given organisations):
 * records « left » for those not diffused on `asOf` whose last record is not already « left »
 * (on `asOf`, or with `backdate` on the day they left), and « returned » for those diffused again
 * after a « left ». `reason` names why they came back.
 */
export async function recordActionChanges(
  tx: Transaction,
  {
    asOf,
    actionIds,
    organisationIds,
    returnReason,
    runId = null,
    backdate = false,
  }: {
    asOf: string;
    actionIds?: string[];
    organisationIds?: string[];
    returnReason: string;
    runId?: number | null;
    /** The withdrawal job: an action left for want of a session is recorded on the day it left (noSessionLeftOn). */
    backdate?: boolean;
  },
): Promise<Changed> {
  if (!actionIds?.length && !organisationIds?.length) return none;
  const scope = actionIds?.length
    ? sql`${publishedActions.actionId} ${anyOf(actionIds)}`
    : sql`${publishedActions.organisationId} ${anyOf(organisationIds!)}`;
  const diffused = actionDiffusedSql(asOf);
  const rows = await rowsOf(
    tx,
    sql`with current as (
        select ${publishedActions.actionId} as action_id, ${publishedActions.organisationId} as organisation_id, coalesce(${diffused}, false) as diffused,
          case when ${actions.archivedAt} is not null or ${organisations.archivedAt} is not null then 'archived'
               when not coalesce(${dossierValidSql(asOf)}, false) then 'dossier-expired'
               else 'no-session' end as why,
          case when ${sql.raw(String(backdate))} and ${actions.archivedAt} is null and ${organisations.archivedAt} is null and coalesce(${dossierValidSql(asOf)}, false)
               then ${noSessionLeftOn(asOf)} else ${asOf}::date end as left_on,
          ${lastChange("action", sql`dc.action_id = ${publishedActions.actionId}`, asOf)} as last
        from ${publishedActions}
        join ${actions} on ${actions.id} = ${publishedActions.actionId}
        join ${organisations} on ${organisations.id} = ${publishedActions.organisationId}
        where ${scope}
      )
      insert into ${diffusionChanges} (entity, change, reason, organisation_id, action_id, on_date, run_id)
      select 'action', case when diffused then 'returned' else 'left' end, case when diffused then ${returnReason} else why end,
        organisation_id, action_id, case when diffused then ${asOf}::date else left_on end, ${runId}
      from current
      where (not diffused and last is distinct from 'left') or (diffused and last = 'left')
      returning action_id, organisation_id`,
  );
  return changedOf(rows);
}

/**
 * R8: organisations whose dossier lapsed on `asOf` (approved once, no longer valid, not yet
 * recorded), and those valid again after a lapse; then their actions.
 */
export async function recordOrganisationChanges(
  tx: Transaction,
  { asOf, organisationIds, returnReason, runId = null }: { asOf: string; organisationIds?: string[]; returnReason: string; runId?: number | null },
): Promise<Changed> {
  const scope = organisationIds?.length ? sql`and ${organisations.id} ${anyOf(organisationIds)}` : sql``;
  const rows = await rowsOf(
    tx,
    sql`with current as (
        select ${organisations.id} as organisation_id, coalesce(${dossierValidSql(asOf)}, false) as valid,
          ${lastChange("organisation", sql`dc.organisation_id = ${organisations.id}`, asOf)} as last
        from ${organisations}
        where ${organisations.dossierApprovedAt} is not null and ${organisations.archivedAt} is null ${scope}
      )
      insert into ${diffusionChanges} (entity, change, reason, organisation_id, on_date, run_id)
      select 'organisation', case when valid then 'returned' else 'left' end, case when valid then ${returnReason} else 'dossier-expired' end,
        organisation_id, ${asOf}::date, ${runId}
      from current
      where (not valid and last is distinct from 'left') or (valid and last = 'left')
      returning null::uuid as action_id, organisation_id`,
  );
  const organisationsChanged = changedOf(rows);
  const actionsChanged = await recordActionChanges(tx, { asOf, organisationIds: organisationsChanged.organisationIds, returnReason, runId });
  return merge(organisationsChanged, actionsChanged);
}

/** The first day a withdrawal run should look at: the previous run's bound, minus a month of margin. */
export function sessionWindowStart(previousAsOf: string | null): string | null {
  return previousAsOf ? addDays(earliestDiffusedStartDate(previousAsOf), -31) : null;
}

export { merge as mergeChanges };
