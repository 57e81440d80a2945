import "server-only";
import { and, asc, between, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, communes, organisations, publishedActions, publishedSessions } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { earliestDiffusedStartDate, WITHDRAWAL_DAYS_AFTER_START } from "@/lib/diffusion";
import { actionDiffusedSql } from "@/lib/diffusion-sql";
import { RECRUITMENT_OPEN } from "@/lib/lheo/codes";

/** How far ahead the dashboard looks for sessions still to fill, and back for withdrawn ones. */
export const STARTING_SOON_DAYS = 15;
export const RECENTLY_WITHDRAWN_DAYS = 30;

const columns = {
  id: publishedSessions.id,
  actionId: publishedSessions.actionId,
  title: publishedActions.title,
  startDate: publishedSessions.startDate,
  endDate: publishedSessions.endDate,
  town: communes.name,
  placesAvailable: publishedSessions.placesAvailable,
};

/**
 * The provider's published sessions worth a look: those starting within 15 days that still have
 * places and open recruitment (R6: keep the places current), and those withdrawn at J+8 (R9)
 * during the last 30 days.
 */
export async function listSessionHighlights({ organisationId, today }: { organisationId: string; today: string }) {
  const db = await getDb();
  const ofOrganisation = eq(publishedActions.organisationId, organisationId);
  const base = () =>
    db
      .select(columns)
      .from(publishedSessions)
      .innerJoin(publishedActions, eq(publishedActions.actionId, publishedSessions.actionId))
      .innerJoin(actions, eq(actions.id, publishedActions.actionId))
      .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
      .innerJoin(communes, eq(communes.inseeCode, publishedSessions.communeInsee));
  const [startingSoon, recentlyWithdrawn] = await Promise.all([
    base()
      .where(
        and(
          ofOrganisation,
          actionDiffusedSql(today),
          between(publishedSessions.startDate, today, addDays(today, STARTING_SOON_DAYS)),
          gt(publishedSessions.placesAvailable, 0),
          eq(publishedSessions.recruitment, RECRUITMENT_OPEN),
        ),
      )
      .orderBy(asc(publishedSessions.startDate)),
    base()
      .where(
        and(
          ofOrganisation,
          between(
            publishedSessions.startDate,
            addDays(today, -WITHDRAWAL_DAYS_AFTER_START - RECENTLY_WITHDRAWN_DAYS),
            addDays(earliestDiffusedStartDate(today), -1),
          ),
        ),
      )
      .orderBy(desc(publishedSessions.startDate)),
  ]);
  return { startingSoon, recentlyWithdrawn };
}
