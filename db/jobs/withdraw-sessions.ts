import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { diffusionChanges } from "@/db/schema";
import { BATCH, recordActionChanges, recordSessionWithdrawals, sessionWindowStart } from "@/db/jobs/diffusion-changes";
import { lockJob, type JobContext, type JobOutcome } from "@/db/jobs/runner";
import { CATALOGUE_TAG, actionTag, organisationTag } from "@/lib/cache-tags";

/**
 * R9 — records the sessions withdrawn at J+8 as of `asOf` (set-based, one statement), then the
 * actions that thereby left diffusion (no session left, no permanent entry), one transaction per
 * batch of actions. The actions looked at are those with a session withdrawn since the last
 * successful run, so that a run interrupted after the first step is completed by the next one.
 */
export async function withdrawSessions({ db, asOf, runId, previousAsOf: previous }: JobContext): Promise<JobOutcome> {
  // A run for a day before the last one (a test, a catch-up) reads everything again.
  const previousAsOf = previous && previous <= asOf ? previous : null;
  const sessions = await db.transaction(async (tx) => {
    await lockJob(tx, "withdraw-sessions");
    return recordSessionWithdrawals(tx, { asOf, since: sessionWindowStart(previousAsOf), runId });
  });

  const affected = await db
    .selectDistinct({ actionId: diffusionChanges.actionId })
    .from(diffusionChanges)
    .where(
      and(
        eq(diffusionChanges.entity, "session"),
        lte(diffusionChanges.onDate, asOf),
        previousAsOf ? gt(diffusionChanges.onDate, previousAsOf) : sql`true`,
      ),
    );
  const actionIds = affected.flatMap((row) => (row.actionId ? [row.actionId] : []));
  let actionsLeft = 0;
  const organisationIds = new Set<string>(sessions.organisationIds);
  const changedActions = new Set<string>(sessions.actionIds);
  for (let i = 0; i < actionIds.length; i += BATCH) {
    const changed = await db.transaction(async (tx) => {
      await lockJob(tx, "withdraw-sessions");
      return recordActionChanges(tx, { asOf, actionIds: actionIds.slice(i, i + BATCH), returnReason: "approved", runId, backdate: true });
    });
    actionsLeft += changed.count;
    changed.actionIds.forEach((id) => changedActions.add(id));
    changed.organisationIds.forEach((id) => organisationIds.add(id));
  }
  const tags = changedActions.size > 0 ? [CATALOGUE_TAG, ...[...changedActions].map(actionTag), ...[...organisationIds].map(organisationTag)] : [];
  return { counts: { sessionsWithdrawn: sessions.count, actionsLeft }, tags };
}
