import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import { actionRevisions, actions } from "@/db/schema";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { checkAddresses, unknownFormacodes } from "@/db/queries/reference-checks";
import { isMinorChange } from "@/lib/diff/content";
import { UserFacingError } from "@/lib/errors";
import type { ActionContent } from "@/lib/validations/action";

// Every write a provider makes to an action goes through lockOwnedAction, in a transaction that
// also bumps the action's version and writes the audit entry.

export const NOT_FOUND = "Cette action de formation est introuvable.";
export const STALE_VERSION =
  "Cette action a été modifiée depuis que vous avez ouvert la page (dans un autre onglet ou par une autre personne de votre organisme). Vos modifications ne sont pas enregistrées : copiez-les si besoin, puis rechargez la page.";

/**
 * The one gate of every provider write: locks the action (so that two writes to it run one after
 * the other) when it belongs to the organisation, and answers "not found" otherwise — whether it
 * does not exist or is another organisation's, the caller learns nothing about it. With
 * `expectedVersion`, a page opened before another write is refused.
 */
export async function lockOwnedAction(tx: Transaction, actionId: string, organisationId: string, expectedVersion?: number) {
  const [owned] = await tx
    .select({ id: actions.id, archivedAt: actions.archivedAt, version: actions.version })
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.organisationId, organisationId)))
    .for("update");
  if (!owned) throw new UserFacingError(NOT_FOUND, "not-found");
  if (expectedVersion !== undefined && owned.version !== expectedVersion) throw new UserFacingError(STALE_VERSION, "conflict");
  return owned;
}

export function assertNotArchived(action: { archivedAt: Date | null }) {
  if (action.archivedAt) throw new UserFacingError("Cette action est archivée : restaurez-la avant de la modifier.", "conflict");
}

export async function touch(tx: Transaction, actionId: string, now: Date, extra: { archivedAt?: Date | null; firstSubmittedAt?: SQL } = {}) {
  await tx
    .update(actions)
    .set({ updatedAt: now, version: sql`${actions.version} + 1`, ...extra })
    .where(eq(actions.id, actionId));
}

/** The open (draft or submitted) revision of the action, if any. */
export async function openRevision(tx: Transaction, actionId: string) {
  const [open] = await tx
    .select({ id: actionRevisions.id, status: actionRevisions.status })
    .from(actionRevisions)
    .where(and(eq(actionRevisions.actionId, actionId), inArray(actionRevisions.status, ["draft", "submitted"])));
  return open;
}

export async function nextRevisionNumber(tx: Transaction, actionId: string): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${actionRevisions.number}), 0) + 1` })
    .from(actionRevisions)
    .where(eq(actionRevisions.actionId, actionId));
  return Number(row!.next);
}

/**
 * Checks what only the database knows — communes and their postcodes, public codes — and fills
 * in the commune names, so that the stored content reads well. Errors point at the fields.
 */
async function withCheckedReferences(tx: Transaction, content: ActionContent): Promise<ActionContent> {
  const { names, errors } = await checkAddresses(
    tx,
    content.sessions.map((s, index) => ({ path: `sessions.${index}.address`, ...s.address })),
  );
  const unknownPublics = await unknownFormacodes(tx, content.publicCodes, "PUB");
  if (unknownPublics.length > 0) errors.publicCodes = `Public inconnu : ${unknownPublics.join(", ")}. Choisissez les publics dans la liste.`;
  if (Object.keys(errors).length > 0) {
    throw new UserFacingError("Certaines adresses ou certains codes sont à corriger : voyez les messages sous les champs.", "invalid", errors);
  }
  return {
    ...content,
    sessions: content.sessions.map((s) => ({ ...s, address: { ...s.address, communeName: names.get(s.address.communeInsee) ?? "" } })),
  };
}

/**
 * Saves the provider's content as the action's open revision (creating the action on first
 * save), and sends it for validation when `submit` is true. Returns the action id.
 */
export async function saveActionContent({
  actionId,
  organisationId,
  actor,
  content,
  submit,
  expectedVersion,
  auditDetails,
  now = new Date(),
}: {
  actionId?: string;
  organisationId: string;
  actor: Actor;
  content: ActionContent;
  submit: boolean;
  expectedVersion?: number;
  /** Added to the audit entry of the save: where the content came from (an imported file). */
  auditDetails?: Record<string, unknown>;
  now?: Date;
}): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    let id = actionId;
    if (!id) {
      const [created] = await tx
        .insert(actions)
        .values({ organisationId, createdBy: actor.id, firstEnteredAt: now })
        .returning({ id: actions.id });
      id = created!.id;
      await writeAudit(tx, { actor, event: "action.created", entityType: "action", entityId: id, at: now });
    } else {
      assertNotArchived(await lockOwnedAction(tx, id, organisationId, expectedVersion));
    }
    const stored = await withCheckedReferences(tx, content);

    const open = await openRevision(tx, id);
    if (open?.status === "submitted") {
      throw new UserFacingError(
        "Cette action est déjà en attente de validation. Retirez-la de la validation avant de la modifier.",
        "conflict",
      );
    }

    // A submission that only changes places or recruitment can be approved from the queue in one click.
    const minorChange = submit ? isMinorChange(await approvedContent(tx, id), stored) : false;
    const submission = submit ? { status: "submitted" as const, submittedAt: now, submittedBy: actor.id, minorChange } : { minorChange };
    let revisionId: string;
    if (open) {
      await tx
        .update(actionRevisions)
        // A quick update of places pulled back and rewritten in the full form is no longer one.
        .set({ content: stored, updatedAt: now, quickUpdate: false, ...submission })
        .where(eq(actionRevisions.id, open.id));
      revisionId = open.id;
    } else {
      const [created] = await tx
        .insert(actionRevisions)
        .values({ actionId: id, number: await nextRevisionNumber(tx, id), content: stored, createdBy: actor.id, status: "draft", ...submission })
        .returning({ id: actionRevisions.id });
      revisionId = created!.id;
    }

    await touch(tx, id, now, submit ? { firstSubmittedAt: sql`coalesce(${actions.firstSubmittedAt}, ${now.toISOString()}::timestamptz)` } : {});
    await writeAudit(tx, {
      actor,
      event: submit ? "revision.submitted" : "revision.saved",
      entityType: "action",
      entityId: id,
      details: { revisionId, title: stored.title, ...auditDetails },
      at: now,
    });
    return id;
  });
}

/**
 * Pulls a submitted revision back to draft, before staff have decided on it. The provider edits
 * the same revision again: the content as it was sent is kept in the audit log's entry.
 */
export async function withdrawSubmission({
  actionId,
  organisationId,
  actor,
  now = new Date(),
}: {
  actionId: string;
  organisationId: string;
  actor: Actor;
  now?: Date;
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOwnedAction(tx, actionId, organisationId);
    const [revision] = await tx
      .update(actionRevisions)
      .set({ status: "draft", updatedAt: now })
      .where(and(eq(actionRevisions.actionId, actionId), eq(actionRevisions.status, "submitted")))
      .returning({ id: actionRevisions.id, submittedAt: actionRevisions.submittedAt, content: actionRevisions.content });
    if (!revision) {
      throw new UserFacingError("Cette action n’est plus en attente de validation : elle a peut-être déjà été traitée.", "conflict");
    }
    await touch(tx, actionId, now);
    const details = { revisionId: revision.id, submittedAt: revision.submittedAt?.toISOString() ?? null, sent: revision.content };
    await writeAudit(tx, { actor, event: "revision.withdrawn", entityType: "action", entityId: actionId, details, at: now });
  });
}

/** The content of the action's latest approved revision, or null when it was never approved. */
export async function approvedContent(tx: Transaction, actionId: string) {
  const [approved] = await tx
    .select({ content: actionRevisions.content })
    .from(actionRevisions)
    .where(and(eq(actionRevisions.actionId, actionId), eq(actionRevisions.status, "approved")))
    .orderBy(desc(actionRevisions.number))
    .limit(1);
  return approved?.content ?? null;
}
