import "server-only";
import { and, eq, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import { organisationDossiers, organisations } from "@/db/schema";
import { recordOrganisationChanges } from "@/db/jobs/diffusion-changes";
import { lockJob, type JobContext, type JobOutcome } from "@/db/jobs/runner";
import { enqueueMail, organisationRecipients } from "@/db/queries/mail";
import { CATALOGUE_TAG, actionTag, organisationTag } from "@/lib/cache-tags";
import { addDays, daysBetween } from "@/lib/dates";
import { dossierExpiryDate } from "@/lib/diffusion";
import { dossierReminder } from "@/lib/mail/messages";
import { appUrl } from "@/lib/urls";

/** R8: reminders this many days before the expiry, and on the day (0). */
export const REMINDER_DAYS = [60, 30, 7, 0] as const;

/** The reminder due on `today` for a dossier expiring on `expiry`: the nearest threshold passed. */
export function dueReminder(expiry: string, today: string): number | null {
  // On the day and the week after: the day's reminder; later, nothing more (the organisation is offline).
  if (today >= addDays(expiry, 7)) return null;
  const passed = REMINDER_DAYS.filter((days) => today >= addDays(expiry, -days));
  return passed.length > 0 ? Math.min(...passed) : null;
}

/**
 * R8 — records the organisations whose dossier lapsed (and those valid again), with their actions;
 * queues the reminders, each once whatever the number of runs (a dedupe key per organisation,
 * expiry, threshold and user).
 */
export async function expireDossiers({ db, asOf, runId }: JobContext): Promise<JobOutcome> {
  const changed = await db.transaction(async (tx) => {
    await lockJob(tx, "expire-dossiers");
    return recordOrganisationChanges(tx, { asOf, returnReason: "dossier-approved", runId });
  });

  // Organisations approved once, not archived, with no renewal waiting for staff.
  const candidates = await db
    .select({ id: organisations.id, name: organisations.name, approvedAt: organisations.dossierApprovedAt })
    .from(organisations)
    .where(
      and(
        isNotNull(organisations.dossierApprovedAt),
        isNull(organisations.archivedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(organisationDossiers)
            .where(and(eq(organisationDossiers.organisationId, organisations.id), eq(organisationDossiers.status, "submitted"))),
        ),
      ),
    );
  const due = candidates.flatMap((o) => {
    const expiry = dossierExpiryDate(o.approvedAt!);
    const days = dueReminder(expiry, asOf);
    return days === null ? [] : [{ ...o, expiry, days }];
  });
  const reminders = await db.transaction(async (tx) => {
    await lockJob(tx, "expire-dossiers");
    const recipients = await organisationRecipients(tx, due.map((o) => o.id));
    return enqueueMail(
      tx,
      recipients.map((user) => {
        const organisation = due.find((o) => o.id === user.organisationId)!;
        return {
          kind: "dossier-reminder",
          to: { address: user.email, userId: user.id },
          dedupeKey: `dossier-reminder:${organisation.id}:${organisation.expiry}:${organisation.days}:${user.id}`,
          // Sent once per threshold (the key), with the days really left when it goes (a renewal
          // refused between two thresholds, a night missed).
          message: dossierReminder({ organisationName: organisation.name, expiryDate: organisation.expiry, daysLeft: daysBetween(asOf, organisation.expiry), link: appUrl("/espace-organisme/dossier") }),
        };
      }),
    );
  });

  const tags =
    changed.count > 0 ? [CATALOGUE_TAG, ...changed.actionIds.map(actionTag), ...changed.organisationIds.map(organisationTag)] : [];
  return { counts: { organisationsChanged: changed.organisationIds.length, actionsChanged: changed.actionIds.length, remindersQueued: reminders }, tags };
}
