import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import { actionRevisions, actions } from "@/db/schema";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { approvedContent, assertNotArchived, lockOwnedAction, NOT_FOUND, nextRevisionNumber, openRevision, touch } from "@/db/queries/action-writes";
import { addMonths, parisDate } from "@/lib/dates";
import { recordActionChanges } from "@/db/jobs/diffusion-changes";
import { UserFacingError } from "@/lib/errors";
import { RECRUITMENT_OPEN } from "@/lib/lheo/codes";
import type { ActionContent } from "@/lib/validations/action";

// Keeping a published action current (R6, R7): the quick update of places, duplicating an action
// for its next run, archiving and restoring. Every write goes through lockOwnedAction
// (action-writes.ts), like the form's.

/** The content of the action's latest approved revision, when nothing newer is open. */
async function publishedContentWithNothingOpen(tx: Transaction, actionId: string) {
  const [latest] = await tx
    .select({ id: actionRevisions.id, status: actionRevisions.status, content: actionRevisions.content })
    .from(actionRevisions)
    .where(eq(actionRevisions.actionId, actionId))
    .orderBy(desc(actionRevisions.number))
    .limit(1);
  if (latest?.status === "draft" || latest?.status === "submitted") {
    throw new UserFacingError(
      latest.status === "submitted"
        ? "Une nouvelle version de cette action attend déjà la validation : la mise à jour rapide n’est pas possible. Attendez la décision, ou retirez-la de la validation pour la modifier."
        : "Une nouvelle version de cette action est en cours de saisie : mettez les places à jour dans son formulaire, puis envoyez-la.",
      "conflict",
    );
  }
  const approved = await approvedContent(tx, actionId);
  if (!approved) throw new UserFacingError("Cette action n’a pas encore été validée : modifiez-la dans son formulaire.", "conflict");
  return approved;
}

export interface SessionUpdate {
  id: string;
  placesAvailable: number;
  recruitment: ActionContent["sessions"][number]["recruitment"];
}

/**
 * « Mise à jour rapide » (R6): new places and recruitment state for the published sessions, sent
 * for validation in one step as a small revision. Only a published action with nothing pending.
 */
export async function quickUpdateSessions({
  actionId,
  organisationId,
  actor,
  updates,
  expectedVersion,
  now = new Date(),
}: {
  actionId: string;
  organisationId: string;
  actor: Actor;
  updates: SessionUpdate[];
  expectedVersion?: number;
  now?: Date;
}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    assertNotArchived(await lockOwnedAction(tx, actionId, organisationId, expectedVersion));
    const published = await publishedContentWithNothingOpen(tx, actionId);
    // Errors point at the updates as sent (`sessions.<position>`), which list only some sessions.
    const errors: Record<string, string> = {};
    updates.forEach((update, index) => {
      const session = published.sessions.find((s) => s.id === update.id);
      if (!session) throw new UserFacingError("Une session n’existe plus dans la version publiée : rechargez la page.", "conflict");
      if (session.placesTotal !== null && update.placesAvailable > session.placesTotal) {
        errors[`sessions.${index}.placesAvailable`] = `Il ne peut pas rester plus de places que le nombre total (${session.placesTotal}).`;
      }
    });
    if (Object.keys(errors).length > 0) throw new UserFacingError("Certaines sessions sont à corriger.", "invalid", errors);
    const byId = new Map(updates.map((u) => [u.id, u]));
    const sessions = published.sessions.map((session) => {
      const update = byId.get(session.id);
      return update ? { ...session, placesAvailable: update.placesAvailable, recruitment: update.recruitment } : session;
    });
    const changed = sessions.some(
      (s, i) => s.placesAvailable !== published.sessions[i]!.placesAvailable || s.recruitment !== published.sessions[i]!.recruitment,
    );
    if (!changed) throw new UserFacingError("Rien n’a changé : modifiez les places ou l’état du recrutement d’une session.", "invalid");

    const [revision] = await tx
      .insert(actionRevisions)
      .values({
        actionId,
        number: await nextRevisionNumber(tx, actionId),
        content: { ...published, sessions },
        quickUpdate: true,
        minorChange: true,
        status: "submitted",
        createdBy: actor.id,
        submittedAt: now,
        submittedBy: actor.id,
      })
      .returning({ id: actionRevisions.id });
    await touch(tx, actionId, now);
    await writeAudit(tx, {
      actor,
      event: "revision.submitted",
      entityType: "action",
      entityId: actionId,
      details: { revisionId: revision!.id, title: published.title, quickUpdate: true },
      at: now,
    });
    return revision!.id;
  });
}

/**
 * « Dupliquer » (next year's run): a new action, as a draft, with the content of the latest
 * version; its sessions move one year later with all their places open again. Session ids are
 * kept: they only need to be unique within an action.
 */
export async function duplicateAction({
  actionId,
  organisationId,
  actor,
  now = new Date(),
}: {
  actionId: string;
  organisationId: string;
  actor: Actor;
  now?: Date;
}): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockOwnedAction(tx, actionId, organisationId);
    const [latest] = await tx
      .select({ content: actionRevisions.content })
      .from(actionRevisions)
      .where(eq(actionRevisions.actionId, actionId))
      .orderBy(desc(actionRevisions.number))
      .limit(1);
    if (!latest) throw new UserFacingError(NOT_FOUND, "not-found");
    const source = latest.content;
    const content: ActionContent = {
      ...source,
      sessions: source.sessions.map((s) => ({
        ...s,
        startDate: s.startDate && addMonths(s.startDate, 12),
        endDate: s.endDate && addMonths(s.endDate, 12),
        placesAvailable: s.placesTotal ?? s.placesAvailable,
        recruitment: RECRUITMENT_OPEN,
      })),
      // Funding is decided again each year: the new vote date is for the provider to give.
      funding: { ...source.funding, notifiedOn: "", voteDate: "" },
    };
    const [created] = await tx
      .insert(actions)
      .values({ organisationId, createdBy: actor.id, firstEnteredAt: now, duplicatedFrom: actionId })
      .returning({ id: actions.id });
    const id = created!.id;
    const [revision] = await tx
      .insert(actionRevisions)
      .values({ actionId: id, number: 1, content, createdBy: actor.id, status: "draft" })
      .returning({ id: actionRevisions.id });
    await writeAudit(tx, { actor, event: "action.created", entityType: "action", entityId: id, details: { duplicatedFrom: actionId }, at: now });
    await writeAudit(tx, { actor, event: "action.duplicated", entityType: "action", entityId: actionId, details: { copy: id, revisionId: revision!.id }, at: now });
    return id;
  });
}

/**
 * « Archiver »: the action leaves diffusion at once; its revisions and published version are
 * kept, and « Restaurer » brings it back. Not while staff are reviewing it.
 */
export async function setActionArchived({
  actionId,
  organisationId,
  actor,
  archived,
  now = new Date(),
}: {
  actionId: string;
  organisationId: string;
  actor: Actor;
  archived: boolean;
  now?: Date;
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const action = await lockOwnedAction(tx, actionId, organisationId);
    if (Boolean(action.archivedAt) === archived) {
      throw new UserFacingError(archived ? "Cette action est déjà archivée." : "Cette action n’est pas archivée.", "conflict");
    }
    if (archived && (await openRevision(tx, actionId))?.status === "submitted") {
      throw new UserFacingError("Cette action attend la validation du centre : retirez-la d’abord de la validation, puis archivez-la.", "conflict");
    }
    await touch(tx, actionId, now, { archivedAt: archived ? now : null });
    // Leaving or coming back online is recorded at once (the transmission's removals use it).
    await recordActionChanges(tx, { asOf: parisDate(now), actionIds: [actionId], returnReason: "restored" });
    await writeAudit(tx, { actor, event: archived ? "action.archived" : "action.restored", entityType: "action", entityId: actionId, at: now });
  });
}
