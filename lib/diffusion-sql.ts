// SQL form of lib/diffusion.ts, for queries over the published catalogue. Keep the two in step:
// db/queries/catalogue.test.ts runs the same cases through both.
//
// The rule is monotone in time (what is diffused on a day was diffused on every day before it,
// back to the last write), so each part of it is kept as the first Paris day it no longer holds,
// computed by triggers on every write of what it depends on (migration 0012_diffused_until):
// `organisations.dossier_valid_until` (R8: the approval + 12 months, open-ended while a renewal
// sent in time waits) and `published_actions.diffused_until` (archive, permanent entry, the last
// session's J+8). A read compares them with the day: no job at midnight, nothing to join.

import { and, gt, gte, isNull, sql, type SQL } from "drizzle-orm";
import { organisations, publishedActions, publishedSessions, searchActions } from "@/db/schema";
import { earliestDiffusedStartDate } from "@/lib/diffusion";

export function sessionDiffusedSql(today: string): SQL {
  return gte(publishedSessions.startDate, earliestDiffusedStartDate(today));
}

/** R8, as isDossierValid: approved less than 12 months ago, or renewed before that and waiting. */
export function dossierValidSql(today: string): SQL {
  return gt(organisations.dossierValidUntil, sql`${today}::date`);
}

/** The action's own part of the rule (not archived; a session still shown, or permanent entry). */
export function actionPartDiffusedSql(today: string): SQL {
  return gt(publishedActions.diffusedUntil, sql`${today}::date`);
}

/** True for a published action that is diffused today. The query must join `organisations` on the published action. */
export function actionDiffusedSql(today: string): SQL {
  return and(actionPartDiffusedSql(today), isNull(organisations.archivedAt), dossierValidSql(today)) as SQL;
}

/**
 * The same rule on the search's copy of a published action (search_actions): its diffused_until
 * is the least of the action's date and its organisation's ('-infinity' while the organisation is
 * archived), each written by the triggers of migration 0014. Needs no join.
 */
export function searchDiffusedSql(today: string): SQL {
  return gt(searchActions.diffusedUntil, sql`${today}::date`);
}
