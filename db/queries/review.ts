import "server-only";
import { and, asc, desc, eq, inArray, lt, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import {
  actionRevisions,
  actions,
  nsfCodes,
  organisations,
  publishedActions,
  publishedSessions,
  romeCodes,
} from "@/db/schema";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { unknownFormacodes } from "@/db/queries/reference-checks";
import { UserFacingError } from "@/lib/errors";
import { fundingSentence } from "@/lib/funding";
import { RECRUITMENT_OPEN } from "@/lib/lheo/codes";
import { actionSlug } from "@/lib/slug";
import { codificationSchema, totalHours, type Codification, type CodificationInput } from "@/lib/validations/action";
import { validateRewording, type Wording } from "@/lib/validations/review";
import { recordActionChanges } from "@/db/jobs/diffusion-changes";
import { notifyOrganisation } from "@/db/queries/mail";
import { parisDate } from "@/lib/dates";
import { wordingChanges } from "@/lib/diff/content";
import { actionApproved, actionRejected, type NotOnlineYet } from "@/lib/mail/messages";
import { appUrl } from "@/lib/urls";
import { actionPartDiffusedSql, dossierValidSql } from "@/lib/diffusion-sql";
import { isSubmissionOf, RESUBMITTED_MESSAGE } from "@/db/queries/submission-check";

/** Submitted revisions, oldest submission first. */
export async function listValidationQueue() {
  const db = await getDb();
  return db
    .select({
      revisionId: actionRevisions.id,
      actionId: actionRevisions.actionId,
      number: actionRevisions.number,
      title: sql<string>`${actionRevisions.content}->>'title'`,
      submittedAt: actionRevisions.submittedAt,
      firstEnteredAt: actions.firstEnteredAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      minorChange: actionRevisions.minorChange,
      quickUpdate: actionRevisions.quickUpdate,
      isUpdate: sql<boolean>`exists (select 1 from ${publishedActions} where ${publishedActions.actionId} = ${actions.id})`,
    })
    .from(actionRevisions)
    .innerJoin(actions, eq(actions.id, actionRevisions.actionId))
    .innerJoin(organisations, eq(organisations.id, actions.organisationId))
    .where(eq(actionRevisions.status, "submitted"))
    .orderBy(asc(actionRevisions.submittedAt), asc(actionRevisions.id));
}

/**
 * A revision staff may read — anything the provider has sent, never a draft they are still
 * writing —, with what it is compared to: the content online now (null for a new action) and the
 * codification chosen last time, offered again.
 */
export async function getRevisionForReview({ revisionId }: { revisionId: string }) {
  const db = await getDb();
  const revision = await db.query.actionRevisions.findFirst({
    where: and(eq(actionRevisions.id, revisionId), ne(actionRevisions.status, "draft")),
    with: { action: { with: { organisation: true, published: { columns: { slug: true, publishedAt: true, details: true, revisionId: true } } } } },
  });
  if (!revision) return null;
  const previous = await publishedCodification(revision.actionId);
  // Compared with the version online before this one was approved, when it is the one online now.
  const publishedContent = revision.action.published && revision.action.published.revisionId !== revision.id ? revision.action.published.details : null;
  const [previousContent] = publishedContent
    ? [publishedContent]
    : await db
        .select({ content: actionRevisions.content })
        .from(actionRevisions)
        .where(and(eq(actionRevisions.actionId, revision.actionId), eq(actionRevisions.status, "approved"), lt(actionRevisions.number, revision.number)))
        .orderBy(desc(actionRevisions.number))
        .limit(1)
        .then((rows) => rows.map((r) => r.content));
  return { ...revision, previousContent: previousContent ?? null, codification: revision.codification ?? previous };
}

/** Writes the approved revision into the published catalogue (the read model). */
async function publishRevision(tx: Transaction, revisionId: string, now: Date) {
  const [row] = await tx
    .select({ revision: actionRevisions, organisationId: actions.organisationId })
    .from(actionRevisions)
    .innerJoin(actions, eq(actions.id, actionRevisions.actionId))
    .where(eq(actionRevisions.id, revisionId));
  if (!row) throw new UserFacingError("Cette version est introuvable.", "not-found");
  const { revision } = row;
  const content = revision.content;
  const values = {
    actionId: revision.actionId,
    revisionId: revision.id,
    organisationId: row.organisationId,
    slug: actionSlug(content.title, revision.actionId),
    title: content.title,
    objectives: content.objectives,
    results: content.results,
    content: content.content,
    permanentEntry: content.permanentEntry,
    formacodes: revision.codification?.formacodes ?? [],
    romeCodes: revision.codification?.romeCodes ?? [],
    nsfCode: revision.codification?.nsfCode || null,
    certifying: content.certifying,
    pathway: content.pathway || null,
    entryLevel: content.entryLevel || null,
    // The level staff confirmed when codifying, else the provider's.
    exitLevel: revision.codification?.level || content.exitLevel || null,
    publicCodes: content.publicCodes,
    teachingMode: content.teachingMode || null,
    hoursTotal: content.hoursCentre === null && content.hoursCompany === null ? null : totalHours(content),
    free: content.free,
    funders: [...new Set(content.funders.map((f) => f.code))],
    fundingSentence: fundingSentence(content),
    details: content,
    publishedAt: now,
    firstPublishedAt: now,
  };
  // On a new version, everything but the first publication date is replaced.
  const update: Partial<typeof values> = { ...values };
  delete update.firstPublishedAt;
  await tx.insert(publishedActions).values(values).onConflictDoUpdate({ target: publishedActions.actionId, set: update });
  // The sessions are derived from the revision (which is kept for good): replace them whole.
  await tx.delete(publishedSessions).where(eq(publishedSessions.actionId, revision.actionId));
  if (content.sessions.length > 0) {
    await tx.insert(publishedSessions).values(
      content.sessions.map((s) => ({
        id: s.id,
        actionId: revision.actionId,
        startDate: s.startDate,
        endDate: s.endDate,
        communeInsee: s.address.communeInsee,
        street: s.address.street,
        street2: s.address.street2,
        postcode: s.address.postcode,
        placesTotal: s.placesTotal ?? s.placesAvailable ?? 0,
        placesAvailable: s.placesAvailable ?? 0,
        recruitment: s.recruitment || RECRUITMENT_OPEN,
      })),
    );
  }
  return { slug: values.slug, organisationId: row.organisationId };
}

/** A decision found nothing to decide: say whether the revision is unknown, sent again or already handled. */
async function throwWhyNotSubmitted(tx: Transaction, revisionId: string): Promise<never> {
  const [exists] = await tx.select({ status: actionRevisions.status }).from(actionRevisions).where(eq(actionRevisions.id, revisionId));
  if (!exists) throw new UserFacingError("Cette version est introuvable.", "not-found");
  if (exists.status === "submitted") throw new UserFacingError(RESUBMITTED_MESSAGE, "conflict");
  throw new UserFacingError("Cette version n’est plus en attente de validation : elle a déjà été traitée ou retirée.", "conflict");
}

/** The revision waits for a decision, and it is the submission staff opened. */
const waitingAsSeen = (revisionId: string, submittedAt: string | undefined) =>
  and(eq(actionRevisions.id, revisionId), eq(actionRevisions.status, "submitted"), isSubmissionOf(actionRevisions.submittedAt, submittedAt));

/** A decision changes what the provider's open page shows: its form must reload before saving. */
async function bumpVersion(tx: Transaction, actionId: string, now: Date) {
  await tx.update(actions).set({ version: sql`${actions.version} + 1`, updatedAt: now }).where(eq(actions.id, actionId));
}

/** The codes chosen exist in the reference lists (the Formacode edition in use, ROME, NSF). */
async function assertCodesExist(tx: Transaction, codification: Codification) {
  const missing = await unknownFormacodes(tx, codification.formacodes);
  if (missing.length > 0) throw new UserFacingError(`Code Formacode inconnu : ${missing.join(", ")}. Choisissez les codes dans la liste.`, "invalid", { formacodes: "Choisissez les codes dans la liste." });
  const rome = codification.romeCodes.length > 0 ? await tx.select({ code: romeCodes.code }).from(romeCodes).where(inArray(romeCodes.code, codification.romeCodes)) : [];
  const unknownRome = codification.romeCodes.filter((code) => !rome.some((r) => r.code === code));
  if (unknownRome.length > 0) throw new UserFacingError(`Code ROME inconnu : ${unknownRome.join(", ")}. Choisissez les codes dans la liste.`, "invalid", { romeCodes: "Choisissez les codes dans la liste." });
  if (codification.nsfCode) {
    const [nsf] = await tx.select({ code: nsfCodes.code }).from(nsfCodes).where(eq(nsfCodes.code, codification.nsfCode));
    if (!nsf) throw new UserFacingError(`Code NSF inconnu : ${codification.nsfCode}. Choisissez le code dans la liste.`, "invalid", { nsfCode: "Choisissez le code dans la liste." });
  }
}

/**
 * Approves a submitted revision with its codification and publishes it, in one transaction.
 * Returns what the caller needs to refresh the public pages.
 */
/**
 * Locks the action a revision belongs to, before its revision: the order every provider write
 * takes (lockOwnedAction), so that a decision and a withdrawal at the same moment queue one
 * behind the other instead of deadlocking.
 */
async function lockActionOfRevision(tx: Transaction, revisionId: string) {
  await tx.execute(
    sql`select 1 from ${actions} where ${actions.id} = (select ${actionRevisions.actionId} from ${actionRevisions} where ${actionRevisions.id} = ${revisionId}) for update`,
  );
}

export async function approveRevision({
  revisionId,
  submittedAt,
  actor,
  codification: input,
  wording,
  now = new Date(),
}: {
  revisionId: string;
  /** The submission staff opened (ISO time; the server actions always give it). */
  submittedAt?: string;
  actor: Actor;
  codification: CodificationInput;
  /** Staff's corrections of the wording (R2); the provider's content is kept beside the approved one. */
  wording?: Wording;
  now?: Date;
}) {
  const codification = codificationSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockActionOfRevision(tx, revisionId);
    const [decided] = await tx
      .update(actionRevisions)
      .set({ status: "approved", codification, decidedAt: now, decidedBy: actor.id, updatedAt: now })
      .where(waitingAsSeen(revisionId, submittedAt))
      .returning({ actionId: actionRevisions.actionId, content: actionRevisions.content });
    if (!decided) return throwWhyNotSubmitted(tx, revisionId);
    // Checked after the status, inside the transaction: an unknown code rolls the approval back.
    await assertCodesExist(tx, codification);
    let reworded = false;
    if (wording) {
      const checked = validateRewording(decided.content, wording);
      if (!checked.success) throw new UserFacingError(checked.message, "invalid", checked.errors);
      if (checked.data.changed) {
        reworded = true;
        await tx
          .update(actionRevisions)
          .set({ content: checked.data.content, providerContent: decided.content })
          .where(eq(actionRevisions.id, revisionId));
      }
    }
    await bumpVersion(tx, decided.actionId, now);
    const { slug, organisationId } = await publishRevision(tx, revisionId, now);
    // Back online after a withdrawal: recorded at once (the transmission's removals use it).
    await recordActionChanges(tx, { asOf: parisDate(now), actionIds: [decided.actionId], returnReason: "approved" });
    const approved = reworded ? await approvedWording(tx, revisionId) : null;
    // The mail says the action is online only when it is (a dossier waiting, no session to come).
    const notOnlineYet = await whyNotOnline(tx, decided.actionId, parisDate(now));
    await notifyOrganisation(
      tx,
      organisationId,
      "decision-approved",
      actionApproved({
        title: approved?.content.title ?? decided.content.title,
        link: appUrl(`/espace-organisme/actions/${decided.actionId}`),
        publicLink: appUrl(`/formations/${slug}`),
        notOnlineYet,
        changes: approved ? wordingChanges(approved.providerContent, approved.content).map(({ label, before, after }) => ({ label, before, after })) : [],
      }),
    );
    await writeAudit(tx, {
      actor,
      event: "revision.approved",
      entityType: "action",
      entityId: decided.actionId,
      details: { revisionId, ...codification, ...(reworded ? { reworded: true } : {}) },
      at: now,
    });
    return { actionId: decided.actionId, organisationId, slug, reworded };
  });
}

/** Why a published action is not diffused on `today` (lib/diffusion.ts), or null when it is. */
async function whyNotOnline(tx: Transaction, actionId: string, today: string): Promise<NotOnlineYet | null> {
  const [row] = await tx
    .select({ organisation: sql<boolean>`${dossierValidSql(today)} and ${organisations.archivedAt} is null`, action: sql<boolean>`${actionPartDiffusedSql(today)}` })
    .from(publishedActions)
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(eq(publishedActions.actionId, actionId));
  if (!row?.organisation) return "dossier";
  return row.action ? null : "no-session";
}

/** The provider's and the approved wording of a revision staff corrected. */
async function approvedWording(tx: Transaction, revisionId: string) {
  const [row] = await tx
    .select({ content: actionRevisions.content, providerContent: actionRevisions.providerContent })
    .from(actionRevisions)
    .where(eq(actionRevisions.id, revisionId));
  return row?.providerContent ? { content: row.content, providerContent: row.providerContent } : null;
}

/** The codification of the action's version online now: reused for a minor change, offered for a new version. */
async function publishedCodification(actionId: string): Promise<Codification | null> {
  const db = await getDb();
  const [row] = await db
    .select({ codification: actionRevisions.codification })
    .from(publishedActions)
    .innerJoin(actionRevisions, eq(actionRevisions.id, publishedActions.revisionId))
    .where(eq(publishedActions.actionId, actionId));
  return row?.codification ? codificationSchema.parse(row.codification) : null;
}

/**
 * « Valider » from the queue, for a change of places or recruitment only: the codification of the
 * published version is kept, nothing else changes.
 */
export async function approveMinorChange({ revisionId, submittedAt, actor, now = new Date() }: { revisionId: string; submittedAt?: string; actor: Actor; now?: Date }) {
  const db = await getDb();
  const [revision] = await db
    .select({ actionId: actionRevisions.actionId, minorChange: actionRevisions.minorChange, status: actionRevisions.status, submittedAt: actionRevisions.submittedAt })
    .from(actionRevisions)
    .where(eq(actionRevisions.id, revisionId));
  if (!revision) throw new UserFacingError("Cette version est introuvable.", "not-found");
  if (revision.status !== "submitted") throw new UserFacingError("Cette version n’est plus en attente de validation : elle a déjà été traitée ou retirée.", "conflict");
  // Only the submission staff saw in the queue, read here as a minor one: sent again since, refused.
  if (submittedAt !== undefined && revision.submittedAt?.getTime() !== new Date(submittedAt).getTime()) throw new UserFacingError(RESUBMITTED_MESSAGE, "conflict");
  const codification = await publishedCodification(revision.actionId);
  if (!revision.minorChange || !codification) {
    throw new UserFacingError("Ce n’est pas un simple changement de places : ouvrez la demande pour l’examiner et la codifier.", "conflict");
  }
  return approveRevision({ revisionId, submittedAt: revision.submittedAt!.toISOString(), actor, codification, now });
}

export async function rejectRevision({
  revisionId,
  submittedAt,
  actor,
  reason,
  now = new Date(),
}: {
  revisionId: string;
  /** The submission staff opened (ISO time; the server actions always give it). */
  submittedAt?: string;
  actor: Actor;
  reason: string;
  now?: Date;
}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockActionOfRevision(tx, revisionId);
    const [decided] = await tx
      .update(actionRevisions)
      .set({ status: "rejected", rejectionReason: reason, decidedAt: now, decidedBy: actor.id, updatedAt: now })
      .where(waitingAsSeen(revisionId, submittedAt))
      .returning({ actionId: actionRevisions.actionId, title: sql<string>`${actionRevisions.content}->>'title'` });
    if (!decided) return throwWhyNotSubmitted(tx, revisionId);
    await bumpVersion(tx, decided.actionId, now);
    const [action] = await tx.select({ organisationId: actions.organisationId }).from(actions).where(eq(actions.id, decided.actionId));
    await notifyOrganisation(
      tx,
      action!.organisationId,
      "decision-rejected",
      actionRejected({ title: decided.title, reason, link: appUrl(`/espace-organisme/actions/${decided.actionId}`) }),
    );
    await writeAudit(tx, {
      actor,
      event: "revision.rejected",
      entityType: "action",
      entityId: decided.actionId,
      details: { revisionId, reason },
      at: now,
    });
    return { actionId: decided.actionId };
  });
}

export async function getRevisionTitle({ revisionId }: { revisionId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ title: sql<string>`${actionRevisions.content}->>'title'` })
    .from(actionRevisions)
    .where(eq(actionRevisions.id, revisionId));
  return row?.title ?? null;
}
