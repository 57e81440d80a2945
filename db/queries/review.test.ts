// The staff's side: the validation queue, approval (which publishes) and rejection.

import { and, asc, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listActionsForOrganisation } from "@/db/queries/actions";
import { saveActionContent } from "@/db/queries/action-writes";
import type { Actor } from "@/db/queries/audit";
import { getDiffusedAction, listDiffusedActions } from "@/db/queries/catalogue";
import { approveRevision, getRevisionForReview, listValidationQueue, rejectRevision } from "@/db/queries/review";
import { actionRevisions, mailOutbox, organisations, publishedActions, publishedSessions } from "@/db/schema";
import {
  actionContent,
  createProviderAndStaff,
  FORMACODE_NETTOYAGE,
  openRevisionId,
  publishAction,
  sessionContent,
  UNKNOWN_FORMACODE,
} from "@/db/test-utils/fixtures";
import { auditEvents, revisionRow } from "@/db/test-utils/rows";
import { addDays, parisDate } from "@/lib/dates";
import { UserFacingError } from "@/lib/errors";

const codification = { formacodes: [FORMACODE_NETTOYAGE] };

async function submitNewAction(organisationId: string, actor: Actor, content = actionContent()) {
  const actionId = await saveActionContent({ organisationId, actor, content, submit: true });
  return { actionId, revisionId: await openRevisionId(actionId), content };
}

async function published(actionId: string) {
  const db = await getDb();
  const [action] = await db.select().from(publishedActions).where(eq(publishedActions.actionId, actionId));
  const sessions = await db
    .select()
    .from(publishedSessions)
    .where(eq(publishedSessions.actionId, actionId))
    .orderBy(asc(publishedSessions.startDate));
  return { action, sessions };
}

describe("validation queue", () => {
  it("lists submitted revisions, oldest submission first, and not drafts", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const first = await submitNewAction(organisation.id, providerActor);
    const second = await submitNewAction(organisation.id, providerActor);
    const draftId = await saveActionContent({
      organisationId: organisation.id,
      actor: providerActor,
      content: actionContent(),
      submit: false,
    });

    // Make the later-created action the older submission: the order must follow submittedAt.
    const db = await getDb();
    await db.update(actionRevisions).set({ submittedAt: new Date("1990-01-02T09:00:00Z") }).where(eq(actionRevisions.id, first.revisionId));
    await db.update(actionRevisions).set({ submittedAt: new Date("1990-01-01T09:00:00Z") }).where(eq(actionRevisions.id, second.revisionId));

    const queue = await listValidationQueue();
    const mine = queue.filter((row) => [first.actionId, second.actionId, draftId].includes(row.actionId));
    expect(mine.map((row) => row.revisionId)).toEqual([second.revisionId, first.revisionId]);
    expect(mine[0]).toMatchObject({
      title: second.content.title,
      number: 1,
      organisationName: organisation.name,
      isUpdate: false,
      submittedAt: new Date("1990-01-01T09:00:00Z"),
    });
    expect(mine[0]!.firstEnteredAt).toBeInstanceOf(Date);
    // Oldest first across the whole queue (other test files share the database).
    const times = queue.map((row) => row.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("marks an update of an action already online", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    const row = (await listValidationQueue()).find((r) => r.actionId === actionId);
    expect(row).toMatchObject({ number: 2, isUpdate: true });
  });

  it("gives the reviewer the revision with its organisation", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const { revisionId, content } = await submitNewAction(organisation.id, providerActor);
    const review = await getRevisionForReview({ revisionId });
    // A new action: nothing online to compare with, no codification to offer again.
    expect(review).toMatchObject({ status: "submitted", content: { title: content.title }, previousContent: null, codification: null });
    expect(review!.action.organisation.id).toBe(organisation.id);
  });
});

describe("approval", () => {
  it("publishes the revision and its sessions in the catalogue", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const today = parisDate();
    const sessions = [sessionContent({ startDate: addDays(today, 40) }), sessionContent({ startDate: addDays(today, 10) })];
    const { actionId, revisionId, content } = await submitNewAction(
      organisation.id,
      providerActor,
      actionContent({ sessions }),
    );
    const now = new Date();

    const result = await approveRevision({ revisionId, actor: staffActor, codification, now });
    expect(result).toMatchObject({ actionId, organisationId: organisation.id });
    expect(result.slug).toMatch(new RegExp(`-${actionId.slice(0, 8)}$`));

    expect(await revisionRow(revisionId)).toMatchObject({ status: "approved", decidedBy: staffActor.id, decidedAt: now, codification });
    const { action, sessions: publishedRows } = await published(actionId);
    expect(action).toMatchObject({
      revisionId,
      organisationId: organisation.id,
      slug: result.slug,
      title: content.title,
      objectives: content.objectives,
      formacodes: [FORMACODE_NETTOYAGE],
      publishedAt: now,
      firstPublishedAt: now,
    });
    expect(publishedRows.map((s) => [s.id, s.startDate, s.communeInsee])).toEqual([
      [sessions[1]!.id, sessions[1]!.startDate, sessions[1]!.address.communeInsee],
      [sessions[0]!.id, sessions[0]!.startDate, sessions[0]!.address.communeInsee],
    ]);

    // The public catalogue shows it.
    const listed = (await listDiffusedActions({ today, limit: 10_000 })).find((a) => a.actionId === actionId);
    expect(listed).toMatchObject({
      slug: result.slug,
      title: content.title,
      organisationName: organisation.name,
      nextStartDate: sessions[1]!.startDate,
      towns: ["Toulouse"],
    });
    const page = await getDiffusedAction({ slug: result.slug, today });
    expect(page?.kind).toBe("found");
    if (page?.kind !== "found") return;
    expect(page.action).toMatchObject({ title: content.title, content: content.content, formacodes: [FORMACODE_NETTOYAGE] });
    expect(page.action.organisation).toMatchObject({ name: organisation.name, town: "Toulouse" });
    expect(page.sessions.map((s) => s.id)).toEqual([sessions[1]!.id, sessions[0]!.id]);
  });

  it("tells the provider the action is online only when it is: a dossier to validate or no session to come says so", async () => {
    const { organisation, providerActor, staffActor, provider } = await createProviderAndStaff();
    const db = await getDb();
    const approvalMail = async () => {
      const [mail] = await db
        .select({ text: mailOutbox.text })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.toUserId, provider.id), eq(mailOutbox.kind, "decision-approved")))
        .orderBy(desc(mailOutbox.id))
        .limit(1);
      return mail!.text;
    };
    const online = await submitNewAction(organisation.id, providerActor);
    const { slug } = await approveRevision({ revisionId: online.revisionId, actor: staffActor, codification });
    expect(await approvalMail()).toContain(`est validée et publiée\u00a0: `);
    expect(await approvalMail()).toContain(`/formations/${slug}`);

    const past = await submitNewAction(organisation.id, providerActor, actionContent({ sessions: [sessionContent({ startDate: addDays(parisDate(), -20) })] }));
    await approveRevision({ revisionId: past.revisionId, actor: staffActor, codification });
    expect(await approvalMail()).toMatch(/est validée\. Elle n’a aucune session à venir/);

    await db.update(organisations).set({ dossierApprovedAt: null }).where(eq(organisations.id, organisation.id));
    const waiting = await submitNewAction(organisation.id, providerActor);
    const second = await approveRevision({ revisionId: waiting.revisionId, actor: staffActor, codification });
    const text = await approvalMail();
    expect(text).toMatch(/est validée\. Elle sera en ligne dès que le dossier de votre organisme sera validé/);
    expect(text).not.toContain(`/formations/${second.slug}`);
  });

  it("keeps the first publication date when a new version is approved", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const firstTime = new Date("2026-01-05T10:00:00Z");
    const { actionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor, now: firstTime });
    const secondTime = new Date("2026-02-05T10:00:00Z");
    const newSession = sessionContent();
    await publishAction({
      actionId,
      organisationId: organisation.id,
      provider: providerActor,
      staff: staffActor,
      content: actionContent({ sessions: [newSession] }),
      now: secondTime,
    });
    const { action, sessions } = await published(actionId);
    expect(action).toMatchObject({ publishedAt: secondTime, firstPublishedAt: firstTime });
    // The sessions are replaced whole by those of the new version.
    expect(sessions.map((s) => s.id)).toEqual([newSession.id]);
  });

  it("cannot approve the same revision twice", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId, revisionId } = await submitNewAction(organisation.id, providerActor);
    const now = new Date("2026-06-01T10:00:00Z");
    await approveRevision({ revisionId, actor: staffActor, codification, now });

    const again = approveRevision({ revisionId, actor: staffActor, codification: { formacodes: ["11001"] } });
    await expect(again).rejects.toBeInstanceOf(UserFacingError);
    await expect(again).rejects.toMatchObject({ kind: "conflict" });
    expect((await published(actionId)).action).toMatchObject({ formacodes: [FORMACODE_NETTOYAGE], publishedAt: now });
    expect((await auditEvents(actionId)).filter((e) => e.event === "revision.approved")).toHaveLength(1);
  });

  it("refuses an unknown Formacode and writes nothing", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId, revisionId } = await submitNewAction(organisation.id, providerActor);
    const before = await auditEvents(actionId);

    const attempt = approveRevision({ revisionId, actor: staffActor, codification: { formacodes: [FORMACODE_NETTOYAGE, UNKNOWN_FORMACODE] } });
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toMatchObject({
      message: `Code Formacode inconnu : ${UNKNOWN_FORMACODE}. Choisissez les codes dans la liste.`,
      errors: { formacodes: "Choisissez les codes dans la liste." },
    });

    expect(await revisionRow(revisionId)).toMatchObject({ status: "submitted", codification: null, decidedAt: null });
    expect(await published(actionId)).toEqual({ action: undefined, sessions: [] });
    expect(await auditEvents(actionId)).toEqual(before);
  });

  it("publishes in one transaction: a failure while writing the sessions leaves nothing behind", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId, revisionId } = await submitNewAction(organisation.id, providerActor);
    // Corrupt the stored session so that the last insert of the approval fails (unknown commune).
    const db = await getDb();
    await db
      .update(actionRevisions)
      .set({ content: sql`jsonb_set(${actionRevisions.content}, '{sessions,0,address,communeInsee}', '"00000"')` })
      .where(eq(actionRevisions.id, revisionId));
    const before = await auditEvents(actionId);

    await expect(approveRevision({ revisionId, actor: staffActor, codification })).rejects.toThrow();

    expect((await revisionRow(revisionId)).status).toBe("submitted");
    expect(await published(actionId)).toEqual({ action: undefined, sessions: [] });
    expect(await auditEvents(actionId)).toEqual(before);
  });
});

describe("rejection", () => {
  it("stores the reason, which the provider then sees in the list", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId, revisionId } = await submitNewAction(organisation.id, providerActor);
    const reason = "L’intitulé contient un sigle non expliqué : écrivez-le en toutes lettres.";

    await rejectRevision({ revisionId, actor: staffActor, reason });

    expect(await revisionRow(revisionId)).toMatchObject({ status: "rejected", rejectionReason: reason, decidedBy: staffActor.id });
    const [listed] = await listActionsForOrganisation({ organisationId: organisation.id, today: parisDate() });
    expect(listed).toMatchObject({ actionId, revisionId, status: "rejected", rejectionReason: reason, publishedSlug: null });
    expect((await listValidationQueue()).some((row) => row.revisionId === revisionId)).toBe(false);
    expect(await published(actionId)).toEqual({ action: undefined, sessions: [] });

    await expect(rejectRevision({ revisionId, actor: staffActor, reason })).rejects.toMatchObject({
      name: "UserFacingError",
      kind: "conflict",
    });
    await expect(approveRevision({ revisionId, actor: staffActor, codification })).rejects.toMatchObject({ kind: "conflict" });
  });
});

describe("audit log", () => {
  it("records who submitted, approved and rejected, and when", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const approved = await submitNewAction(organisation.id, providerActor);
    await approveRevision({ revisionId: approved.revisionId, actor: staffActor, codification });
    const rejected = await submitNewAction(organisation.id, providerActor);
    await rejectRevision({ revisionId: rejected.revisionId, actor: staffActor, reason: "Le contenu ne décrit pas le programme." });

    expect(await auditEvents(approved.actionId)).toEqual([
      { event: "action.created", actorId: providerActor.id, actorRole: "provider", details: null },
      {
        event: "revision.submitted",
        actorId: providerActor.id,
        actorRole: "provider",
        details: { revisionId: approved.revisionId, title: approved.content.title },
      },
      {
        event: "revision.approved",
        actorId: staffActor.id,
        actorRole: "staff",
        details: { revisionId: approved.revisionId, formacodes: [FORMACODE_NETTOYAGE], romeCodes: [], nsfCode: "", level: "" },
      },
    ]);
    expect((await auditEvents(rejected.actionId)).at(-1)).toEqual({
      event: "revision.rejected",
      actorId: staffActor.id,
      actorRole: "staff",
      details: { revisionId: rejected.revisionId, reason: "Le contenu ne décrit pas le programme." },
    });
  });
});
