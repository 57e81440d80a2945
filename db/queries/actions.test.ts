// The provider's side of the lifecycle (DESIGN.md: draft → submitted → approved | rejected),
// against the real database of the project (PGlite, PostgreSQL or Neon).

import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getActionForOrganisation, listActionsForOrganisation } from "@/db/queries/actions";
import { saveActionContent, withdrawSubmission } from "@/db/queries/action-writes";
import { approveRevision, rejectRevision } from "@/db/queries/review";
import { getDiffusedAction } from "@/db/queries/catalogue";
import { eq } from "drizzle-orm";
import { actionRevisions, organisations } from "@/db/schema";
import {
  actionContent,
  createProviderAndStaff,
  errorMessages,
  FORMACODE_NETTOYAGE,
  openRevisionId,
  publishAction,
  addressIn,
  sessionContent,
} from "@/db/test-utils/fixtures";
import { actionRow, auditEvents, revisionsOf } from "@/db/test-utils/rows";
import { addDays, addMonths, parisDate } from "@/lib/dates";
import { UserFacingError } from "@/lib/errors";

describe("saving and sending an action", () => {
  it("keeps a draft, then sends it for validation", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const content = actionContent();

    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content, submit: false });
    let [revision] = await revisionsOf(actionId);
    expect(revision).toMatchObject({ number: 1, status: "draft", submittedAt: null });
    // The commune name is filled in from the reference list.
    expect(revision!.content.sessions[0]!.address.communeName).toBe("Toulouse");
    expect((await actionRow(actionId)).firstSubmittedAt).toBeNull();

    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content, submit: true });
    const revisions = await revisionsOf(actionId);
    expect(revisions).toHaveLength(1);
    [revision] = revisions;
    expect(revision).toMatchObject({ number: 1, status: "submitted", submittedBy: providerActor.id });
    expect(revision!.submittedAt).toBeInstanceOf(Date);
    expect((await actionRow(actionId)).firstSubmittedAt).toEqual(revision!.submittedAt);

    const [listed] = await listActionsForOrganisation({ organisationId: organisation.id, today: parisDate() });
    expect(listed).toMatchObject({ actionId, status: "submitted", title: content.title, publishedSlug: null });
  });

  it("refuses a commune that is not in the reference list, and writes nothing", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const content = actionContent({ sessions: [sessionContent({ address: addressIn("99999", "99999") })] });
    await expect(
      saveActionContent({ organisationId: organisation.id, actor: providerActor, content, submit: false }),
    ).rejects.toBeInstanceOf(UserFacingError);
    expect(await listActionsForOrganisation({ organisationId: organisation.id, today: parisDate() })).toEqual([]);
  });

  it("lets the provider pull a submission back to draft, and only once, keeping what was sent", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const sent = actionContent({ title: "Soudeur tel qu’envoyé" });
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: sent, submit: true });

    await withdrawSubmission({ actionId, organisationId: organisation.id, actor: providerActor });
    const [revision] = await revisionsOf(actionId);
    expect(revision).toMatchObject({ number: 1, status: "draft" });
    // Edited again in the same revision: the content as sent stays in the audit log.
    await saveActionContent({ organisationId: organisation.id, actor: providerActor, actionId, content: { ...sent, title: "Soudeur réécrit" }, submit: false });
    expect(await revisionsOf(actionId)).toMatchObject([{ number: 1, content: { title: "Soudeur réécrit" } }]);
    const withdrawn = (await auditEvents(actionId)).find((e) => e.event === "revision.withdrawn");
    expect(withdrawn?.details).toMatchObject({ revisionId: revision!.id, sent: { title: "Soudeur tel qu’envoyé" } });
    expect(Date.parse(String(withdrawn?.details?.submittedAt))).not.toBeNaN();

    const again = withdrawSubmission({ actionId, organisationId: organisation.id, actor: providerActor });
    await expect(again).rejects.toMatchObject({ name: "UserFacingError", kind: "conflict" });
  });

  it("cannot withdraw another organisation's submission", async () => {
    const owner = await createProviderAndStaff();
    const other = await createProviderAndStaff();
    const actionId = await saveActionContent({
      organisationId: owner.organisation.id,
      actor: owner.providerActor,
      content: actionContent(),
      submit: true,
    });
    await expect(
      withdrawSubmission({ actionId, organisationId: other.organisation.id, actor: other.providerActor }),
    ).rejects.toBeInstanceOf(UserFacingError);
    expect((await revisionsOf(actionId))[0]!.status).toBe("submitted");
  });

  it("refuses to change a revision while it waits for validation", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    const edit = saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
    await expect(edit).rejects.toMatchObject({ name: "UserFacingError", kind: "conflict" });
  });

  it("does not let an organisation write into another organisation's action, and writes nothing", async () => {
    const owner = await createProviderAndStaff();
    const intruder = await createProviderAndStaff();
    const content = actionContent();
    const actionId = await saveActionContent({ organisationId: owner.organisation.id, actor: owner.providerActor, content, submit: false });
    const revisionsBefore = await revisionsOf(actionId);
    const auditBefore = await auditEvents(actionId);

    const attempt = saveActionContent({
      actionId,
      organisationId: intruder.organisation.id,
      actor: intruder.providerActor,
      content: actionContent({ title: "Formation modifiée par un autre organisme" }),
      submit: true,
    });
    await expect(attempt).rejects.toMatchObject({ name: "UserFacingError", kind: "not-found" });

    expect(await revisionsOf(actionId)).toEqual(revisionsBefore);
    expect(await auditEvents(actionId)).toEqual(auditBefore);
    expect(await listActionsForOrganisation({ organisationId: intruder.organisation.id, today: parisDate() })).toEqual([]);
    expect(await getActionForOrganisation({ actionId, organisationId: intruder.organisation.id, today: parisDate() })).toBeNull();
    expect((await getActionForOrganisation({ actionId, organisationId: owner.organisation.id, today: parisDate() }))?.latestRevision.content.title).toBe(
      content.title,
    );
  });
});

describe("revisions of a published action", () => {
  it("creates revision 2 on edit; the public keeps the approved version until staff approve the new one", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const today = parisDate();
    const first = actionContent({ title: "Agent de propreté et d’hygiène, première version" });
    const { actionId, slug } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor, content: first });

    const second = actionContent({ title: "Agent de propreté et d’hygiène, seconde version" });
    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: second, submit: false });

    const revisions = await revisionsOf(actionId);
    expect(revisions.map((r) => [r.number, r.status])).toEqual([
      [1, "approved"],
      [2, "draft"],
    ]);
    const [listed] = await listActionsForOrganisation({ organisationId: organisation.id, today: parisDate() });
    expect(listed).toMatchObject({ status: "draft", title: second.title, publishedTitle: first.title, publishedSlug: slug });

    const online = await getDiffusedAction({ slug, today });
    expect(online?.kind === "found" ? online.action.title : null).toBe(first.title);

    // Once sent and approved, the new version replaces the old one, and the old address redirects.
    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: second, submit: true });
    const approved = await approveRevision({
      revisionId: revisions[1]!.id,
      actor: staffActor,
      codification: { formacodes: [FORMACODE_NETTOYAGE] },
    });
    expect(approved.slug).not.toBe(slug);
    const updated = await getDiffusedAction({ slug: approved.slug, today });
    expect(updated?.kind === "found" ? updated.action.title : null).toBe(second.title);
    expect(await getDiffusedAction({ slug, today })).toEqual({ kind: "redirect", slug: approved.slug });
  });

  it("starts a new revision after a rejection", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    await rejectRevision({ revisionId: await openRevisionId(actionId), actor: staffActor, reason: "Expliquez le sigle utilisé dans le titre." });

    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
    expect((await revisionsOf(actionId)).map((r) => [r.number, r.status])).toEqual([
      [1, "rejected"],
      [2, "draft"],
    ]);
  });

  it("never changes the date of first entry (R1)", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
    const { firstEnteredAt } = await actionRow(actionId);
    expect(firstEnteredAt).toBeInstanceOf(Date);

    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    const { firstSubmittedAt } = await actionRow(actionId);
    await approveRevision({ revisionId: await openRevisionId(actionId), actor: staffActor, codification: { formacodes: [FORMACODE_NETTOYAGE] } });
    await publishAction({ actionId, organisationId: organisation.id, provider: providerActor, staff: staffActor });

    const after = await actionRow(actionId);
    expect((await revisionsOf(actionId)).map((r) => r.number)).toEqual([1, 2]);
    expect(after.firstEnteredAt).toEqual(firstEnteredAt);
    expect(after.firstSubmittedAt).toEqual(firstSubmittedAt);
  });
});

describe("at most one open revision per action", () => {
  it("is enforced by the database itself", async () => {
    const { organisation, provider, providerActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
    const db = await getDb();

    const error = await db
      .insert(actionRevisions)
      .values({ actionId, number: 2, status: "draft", content: actionContent(), createdBy: provider.id })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect(errorMessages(error)).toMatch(/action_revisions_one_open_idx/);

    // A submitted revision counts as open too.
    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    await expect(
      db.insert(actionRevisions).values({ actionId, number: 2, status: "submitted", content: actionContent(), submittedAt: new Date() }),
    ).rejects.toThrow();
    expect(await revisionsOf(actionId)).toHaveLength(1);
  });
});

describe("what the provider's list says about the public site", () => {
  it("tells a published action that is online from one whose sessions are all past J+8", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const today = parisDate();
    const live = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    const past = await publishAction({
      organisationId: organisation.id,
      provider: providerActor,
      staff: staffActor,
      content: actionContent({ sessions: [sessionContent({ startDate: addDays(today, -8) })] }),
    });
    const listed = await listActionsForOrganisation({ organisationId: organisation.id, today });
    const byId = new Map(listed.map((row) => [row.actionId, row]));
    expect(byId.get(live.actionId)).toMatchObject({ status: "approved", online: true, dossierValid: true });
    expect(byId.get(past.actionId)).toMatchObject({ status: "approved", online: false, dossierValid: true });
    // The action page agrees with the list.
    for (const [id, online] of [[live.actionId, true], [past.actionId, false]] as const) {
      expect(await getActionForOrganisation({ actionId: id, organisationId: organisation.id, today })).toMatchObject({ online });
    }
  });

  it("shows every action offline when the organisation dossier is more than 12 months old", async () => {
    const today = parisDate();
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    const db = await getDb();
    await db
      .update(organisations)
      .set({ dossierApprovedAt: new Date(`${addMonths(today, -13)}T12:00:00Z`) })
      .where(eq(organisations.id, organisation.id));
    const [row] = await listActionsForOrganisation({ organisationId: organisation.id, today });
    expect(row).toMatchObject({ actionId, online: false, dossierValid: false });
  });
});
