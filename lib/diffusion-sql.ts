// SQL form of lib/diffusion.ts, for queries over the published catalogue. Keep the two in step:
// db/queries/catalogue.test.ts runs the same cases through both.

import { and, exists, gte, isNull, or, sql, type SQL } from "drizzle-orm";
import { actions, organisationDossiers, organisations, publishedActions, publishedSessions } from "@/db/schema";
import { DOSSIER_VALIDITY_MONTHS, earliestDiffusedStartDate } from "@/lib/diffusion";
import { PARIS } from "@/lib/dates";

export function sessionDiffusedSql(today: string): SQL {
  return gte(publishedSessions.startDate, earliestDiffusedStartDate(today));
}

const dossierExpirySql = sql`((${organisations.dossierApprovedAt} at time zone ${PARIS})::date + make_interval(months => ${DOSSIER_VALIDITY_MONTHS}))::date`;

/** R8, as isDossierValid: approved less than 12 months ago, or renewed before that and waiting. */
export function dossierValidSql(today: string): SQL {
  return sql`(${dossierExpirySql} > ${today}::date or exists (select 1 from ${organisationDossiers} where ${organisationDossiers.organisationId} = ${organisations.id} and ${organisationDossiers.status} = 'submitted' and (${organisationDossiers.submittedAt} at time zone ${PARIS})::date < ${dossierExpirySql}))`;
}

/**
 * True for a published action that is diffused today. The query must join `actions` and
 * `organisations` on the published action.
 */
export function actionDiffusedSql(today: string): SQL {
  return and(
    isNull(actions.archivedAt),
    isNull(organisations.archivedAt),
    dossierValidSql(today),
    or(
      sql`${publishedActions.permanentEntry}`,
      exists(
        sql`(select 1 from ${publishedSessions} where ${publishedSessions.actionId} = ${publishedActions.actionId} and ${sessionDiffusedSql(today)})`,
      ),
    ),
  ) as SQL;
}
