import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import { actionRevisions, actions, communes, organisations, publishedActions } from "@/db/schema";
import { actionDiffusedSql, dossierValidSql } from "@/lib/diffusion-sql";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { UserFacingError } from "@/lib/errors";
import type { ActionContent } from "@/lib/validations/action";

/**
 * The provider's list: each action with its latest revision, its published version if any, and
 * whether that version is online today (the diffusion rule, lib/diffusion-sql.ts).
 */
export async function listActionsForOrganisation({ organisationId, today }: { organisationId: string; today: string }) {
  const db = await getDb();
  const ownActions = db.select({ id: actions.id }).from(actions).where(eq(actions.organisationId, organisationId));
  const latest = db
    .selectDistinctOn([actionRevisions.actionId], {
      actionId: actionRevisions.actionId,
      // Aliases unique across the outer query: published_actions also has revision_id and title.
      revisionId: sql<string>`${actionRevisions.id}`.as("latest_revision_id"),
      number: actionRevisions.number,
      status: actionRevisions.status,
      title: sql<string>`${actionRevisions.content}->>'title'`.as("latest_title"),
      rejectionReason: actionRevisions.rejectionReason,
      revisionUpdatedAt: sql<Date>`${actionRevisions.updatedAt}`.as("revision_updated_at"),
    })
    .from(actionRevisions)
    .where(inArray(actionRevisions.actionId, ownActions))
    .orderBy(actionRevisions.actionId, desc(actionRevisions.number))
    .as("latest");

  const rows = await db
    .select({
      actionId: actions.id,
      firstEnteredAt: actions.firstEnteredAt,
      revisionId: latest.revisionId,
      status: latest.status,
      title: latest.title,
      rejectionReason: latest.rejectionReason,
      updatedAt: latest.revisionUpdatedAt,
      publishedSlug: publishedActions.slug,
      publishedTitle: publishedActions.title,
      online: sql<boolean>`coalesce(${actionDiffusedSql(today)}, false)`,
      dossierValid: sql<boolean>`coalesce(${dossierValidSql(today)}, false)`,
    })
    .from(actions)
    .innerJoin(latest, eq(latest.actionId, actions.id))
    .innerJoin(organisations, eq(organisations.id, actions.organisationId))
    .leftJoin(publishedActions, eq(publishedActions.actionId, actions.id))
    .where(and(eq(actions.organisationId, organisationId), isNull(actions.archivedAt)))
    .orderBy(desc(latest.revisionUpdatedAt));
  return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) }));
}

/**
 * One action of the organisation with its latest revision, or null when the action does not
 * exist or belongs to another organisation (the caller answers "not found" in both cases).
 */
export async function getActionForOrganisation({
  actionId,
  organisationId,
  today,
}: {
  actionId: string;
  organisationId: string;
  today: string;
}) {
  const db = await getDb();
  const action = await db.query.actions.findFirst({
    where: and(eq(actions.id, actionId), eq(actions.organisationId, organisationId)),
    with: {
      revisions: { orderBy: desc(actionRevisions.number), limit: 1 },
      published: { columns: { slug: true, publishedAt: true, revisionId: true } },
    },
  });
  if (!action) return null;
  const [latestRevision] = action.revisions;
  if (!latestRevision) return null;
  return { ...action, latestRevision, online: action.published ? await isOnline({ actionId, today }) : false };
}

/** Whether the published version of an action is on the public site today (the diffusion rule). */
async function isOnline({ actionId, today }: { actionId: string; today: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ actionId: publishedActions.actionId })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(and(eq(publishedActions.actionId, actionId), actionDiffusedSql(today)));
  return Boolean(row);
}

/**
 * The one gate of every provider write: locks the action (so that two writes to it run one after
 * the other) when it belongs to the organisation, and answers "not found" otherwise — whether it
 * does not exist or is another organisation's, the caller learns nothing about it.
 */
export async function lockOwnedAction(tx: Transaction, actionId: string, organisationId: string) {
  const [owned] = await tx
    .select({ id: actions.id, archivedAt: actions.archivedAt })
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.organisationId, organisationId)))
    .for("update");
  if (!owned) throw new UserFacingError("Cette action de formation est introuvable.", "not-found");
  return owned;
}

function assertNotArchived(action: { archivedAt: Date | null }) {
  if (action.archivedAt) {
    throw new UserFacingError("Cette action est archivée : restaurez-la avant de la modifier.", "conflict");
  }
}

/** Fills in commune names from the reference list, so that the stored content reads well. */
async function withCommuneNames(content: ActionContent): Promise<ActionContent> {
  const codes = [...new Set(content.sessions.map((s) => s.communeInsee))];
  if (codes.length === 0) return content;
  const db = await getDb();
  const rows = await db
    .select({ code: communes.inseeCode, name: communes.name })
    .from(communes)
    .where(inArray(communes.inseeCode, codes));
  const names = new Map(rows.map((r) => [r.code, r.name]));
  const unknown = codes.filter((code) => !names.has(code));
  if (unknown.length > 0) {
    throw new UserFacingError("Une commune indiquée n’existe pas dans la liste des communes. Choisissez-la dans la liste.");
  }
  return { ...content, sessions: content.sessions.map((s) => ({ ...s, communeName: names.get(s.communeInsee)! })) };
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
  now = new Date(),
}: {
  actionId?: string;
  organisationId: string;
  actor: Actor;
  content: ActionContent;
  submit: boolean;
  now?: Date;
}): Promise<string> {
  const db = await getDb();
  const stored = await withCommuneNames(content);
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
      assertNotArchived(await lockOwnedAction(tx, id, organisationId));
    }

    const [open] = await tx
      .select({ id: actionRevisions.id, status: actionRevisions.status })
      .from(actionRevisions)
      .where(and(eq(actionRevisions.actionId, id), inArray(actionRevisions.status, ["draft", "submitted"])));
    if (open?.status === "submitted") {
      throw new UserFacingError(
        "Cette action est déjà en attente de validation. Retirez-la de la validation avant de la modifier.",
        "conflict",
      );
    }

    const submission = submit ? { status: "submitted" as const, submittedAt: now, submittedBy: actor.id } : {};
    let revisionId: string;
    if (open) {
      await tx
        .update(actionRevisions)
        .set({ content: stored, updatedAt: now, ...submission })
        .where(eq(actionRevisions.id, open.id));
      revisionId = open.id;
    } else {
      const [{ next }] = (await tx
        .select({ next: sql<number>`coalesce(max(${actionRevisions.number}), 0) + 1` })
        .from(actionRevisions)
        .where(eq(actionRevisions.actionId, id))) as [{ next: number }];
      const [created] = await tx
        .insert(actionRevisions)
        .values({ actionId: id, number: Number(next), content: stored, createdBy: actor.id, status: "draft", ...submission })
        .returning({ id: actionRevisions.id });
      revisionId = created!.id;
    }

    await tx
      .update(actions)
      .set({
        updatedAt: now,
        ...(submit ? { firstSubmittedAt: sql`coalesce(${actions.firstSubmittedAt}, ${now.toISOString()}::timestamptz)` } : {}),
      })
      .where(eq(actions.id, id));
    await writeAudit(tx, {
      actor,
      event: submit ? "revision.submitted" : "revision.saved",
      entityType: "action",
      entityId: id,
      details: { revisionId, title: stored.title },
      at: now,
    });
    return id;
  });
}

/** Pulls a submitted revision back to draft, before staff have decided on it. */
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
      .returning({ id: actionRevisions.id });
    if (!revision) {
      throw new UserFacingError("Cette action n’est plus en attente de validation : elle a peut-être déjà été traitée.", "conflict");
    }
    await writeAudit(tx, {
      actor,
      event: "revision.withdrawn",
      entityType: "action",
      entityId: actionId,
      details: { revisionId: revision.id },
      at: now,
    });
  });
}
