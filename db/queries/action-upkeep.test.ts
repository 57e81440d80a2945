// Keeping the offer current (R6, R7): quick update of places, duplicate, archive and restore, and
// the version that stops a stale page from overwriting a newer save — on the real database.

import { describe, expect, it } from "vitest";
import { duplicateAction, quickUpdateSessions, setActionArchived } from "@/db/queries/action-upkeep";
import { saveActionContent, STALE_VERSION } from "@/db/queries/action-writes";
import { listActionHistory, listActionsForOrganisation } from "@/db/queries/actions";
import { getDiffusedAction, listDiffusedActions } from "@/db/queries/catalogue";
import { approveRevision } from "@/db/queries/review";
import {
  actionContent,
  addressIn,
  createProviderAndStaff,
  errorMessages,
  FORMACODE_NETTOYAGE,
  openRevisionId,
  publishAction,
  sessionContent,
} from "@/db/test-utils/fixtures";
import { actionRow, auditEvents, revisionsOf } from "@/db/test-utils/rows";
import { addDays, addMonths, parisDate } from "@/lib/dates";

const today = parisDate();

/** A published action of a fresh organisation, with two sessions to come. */
async function published() {
  const people = await createProviderAndStaff();
  const sessions = [sessionContent({ placesTotal: 12, placesAvailable: 12 }), sessionContent({ startDate: addDays(today, 60), placesTotal: 8, placesAvailable: 3 })];
  const content = actionContent({ sessions });
  const { actionId, slug } = await publishAction({ organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor, content });
  return { ...people, actionId, slug, content, sessions };
}

describe("quick update of places (R6)", () => {
  it("sends a small revision for validation in one step; the published version stays until approval", async () => {
    const { organisation, providerActor, staffActor, actionId, slug, sessions } = await published();
    const { version } = await actionRow(actionId);

    const revisionId = await quickUpdateSessions({
      actionId,
      organisationId: organisation.id,
      actor: providerActor,
      expectedVersion: version,
      updates: [{ id: sessions[0]!.id, placesAvailable: 0, recruitment: "2" }],
    });

    const revisions = await revisionsOf(actionId);
    expect(revisions.map((r) => [r.number, r.status, r.quickUpdate])).toEqual([
      [1, "approved", false],
      [2, "submitted", true],
    ]);
    const updated = revisions[1]!.content;
    expect(updated.sessions.map((s) => [s.placesAvailable, s.recruitment])).toEqual([
      [0, "2"],
      [3, "1"],
    ]);
    // Everything else is the published content.
    expect({ ...updated, sessions: [] }).toEqual({ ...revisions[0]!.content, sessions: [] });
    expect((await auditEvents(actionId)).at(-1)).toMatchObject({ event: "revision.submitted", details: { quickUpdate: true } });

    // The public still sees 12 places until staff approve the update.
    const page = await getDiffusedAction({ slug, today });
    expect(page?.kind === "found" && page.sessions[0]!.placesAvailable).toBe(12);
    await approveRevision({ revisionId, actor: staffActor, codification: { formacodes: [FORMACODE_NETTOYAGE] } });
    const after = await getDiffusedAction({ slug, today });
    expect(after?.kind === "found" && after.sessions.map((s) => [s.placesAvailable, s.recruitment])).toEqual([
      [0, "2"],
      [3, "1"],
    ]);
  });

  it("refuses more places than the session has, a stale page, nothing changed, or a version already pending", async () => {
    const { organisation, providerActor, actionId, sessions } = await published();
    const { version } = await actionRow(actionId);
    const call = (updates: Parameters<typeof quickUpdateSessions>[0]["updates"], expectedVersion = version) =>
      quickUpdateSessions({ actionId, organisationId: organisation.id, actor: providerActor, expectedVersion, updates });

    await expect(call([{ id: sessions[1]!.id, placesAvailable: 9, recruitment: "1" }])).rejects.toMatchObject({
      errors: { "sessions.0.placesAvailable": "Il ne peut pas rester plus de places que le nombre total (8)." },
    });
    await expect(call([{ id: sessions[0]!.id, placesAvailable: 12, recruitment: "1" }])).rejects.toThrow(/Rien n’a changé/);
    await expect(call([{ id: sessions[0]!.id, placesAvailable: 5, recruitment: "1" }], version - 1)).rejects.toThrow(STALE_VERSION);
    expect(await revisionsOf(actionId)).toHaveLength(1);

    await call([{ id: sessions[0]!.id, placesAvailable: 5, recruitment: "1" }]);
    const again = call([{ id: sessions[0]!.id, placesAvailable: 4, recruitment: "1" }], (await actionRow(actionId)).version);
    await expect(again).rejects.toThrow(/attend déjà la validation/);
    expect(await revisionsOf(actionId)).toHaveLength(2);
  });

  it("cannot touch another organisation's action", async () => {
    const { actionId, sessions } = await published();
    const other = await createProviderAndStaff();
    const update = quickUpdateSessions({
      actionId,
      organisationId: other.organisation.id,
      actor: other.providerActor,
      updates: [{ id: sessions[0]!.id, placesAvailable: 1, recruitment: "1" }],
    });
    await expect(update).rejects.toMatchObject({ kind: "not-found" });
    expect(await revisionsOf(actionId)).toHaveLength(1);
  });
});

describe("duplicate", () => {
  it("opens next year's run as a draft: same content, sessions one year later with all places open, funding dates to give again", async () => {
    const { organisation, providerActor, actionId, content, sessions } = await published();

    const copyId = await duplicateAction({ actionId, organisationId: organisation.id, actor: providerActor });

    expect(copyId).not.toBe(actionId);
    expect(await actionRow(copyId)).toMatchObject({ organisationId: organisation.id, duplicatedFrom: actionId, firstSubmittedAt: null });
    const [revision] = await revisionsOf(copyId);
    expect(revision).toMatchObject({ number: 1, status: "draft" });
    expect(revision!.content.title).toBe(content.title);
    expect(revision!.content.sessions.map((s) => [s.id, s.startDate, s.placesAvailable, s.recruitment])).toEqual(
      sessions.map((s) => [s.id, addMonths(s.startDate, 12), s.placesTotal, "1"]),
    );
    expect(revision!.content.funding).toMatchObject({ voteDate: "", notifiedOn: "" });
    expect((await auditEvents(actionId)).at(-1)).toMatchObject({ event: "action.duplicated", details: { copy: copyId } });
    // The source is untouched and still online.
    expect(await revisionsOf(actionId)).toHaveLength(1);
    expect((await listDiffusedActions({ today, limit: 10_000 })).some((a) => a.actionId === actionId)).toBe(true);
  });
});

describe("archive and restore", () => {
  it("takes the action off the site at once and brings it back, keeping its history", async () => {
    const { organisation, providerActor, actionId, slug } = await published();
    const online = async () => (await getDiffusedAction({ slug, today }))?.kind === "found";
    expect(await online()).toBe(true);

    await setActionArchived({ actionId, organisationId: organisation.id, actor: providerActor, archived: true });
    expect(await online()).toBe(false);
    expect((await listActionsForOrganisation({ organisationId: organisation.id, today })).map((a) => a.actionId)).not.toContain(actionId);
    expect((await listActionsForOrganisation({ organisationId: organisation.id, today, archived: true })).map((a) => a.actionId)).toEqual([actionId]);
    // An archived action cannot be edited until it is restored.
    await expect(
      saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false }),
    ).rejects.toThrow(/archivée/);

    await setActionArchived({ actionId, organisationId: organisation.id, actor: providerActor, archived: false });
    expect(await online()).toBe(true);
    const history = await listActionHistory({ actionId, organisationId: organisation.id });
    expect(history?.events.map((e) => e.event)).toEqual(["action.created", "action.archived", "action.restored"]);
    expect(history?.revisions.map((r) => r.status)).toEqual(["approved"]);
  });

  it("is refused while staff review the action", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    await expect(setActionArchived({ actionId, organisationId: organisation.id, actor: providerActor, archived: true })).rejects.toThrow(
      /retirez-la d’abord de la validation/,
    );
    expect((await actionRow(actionId)).archivedAt).toBeNull();
  });
});

describe("two tabs saving the same draft", () => {
  it("the second save, made from the older page, is refused and nothing is lost", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
    const loaded = (await actionRow(actionId)).version;
    const first = actionContent({ title: "Agent de propreté, version du premier onglet" });
    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: first, submit: false, expectedVersion: loaded });

    const second = saveActionContent({
      actionId,
      organisationId: organisation.id,
      actor: providerActor,
      content: actionContent({ title: "Agent de propreté, version du second onglet" }),
      submit: false,
      expectedVersion: loaded,
    });
    await expect(second).rejects.toMatchObject({ kind: "conflict", message: STALE_VERSION });
    const [revision] = await revisionsOf(actionId);
    expect(revision!.content.title).toBe(first.title);
  });
});

describe("what only the database can check", () => {
  it("refuses a postcode that is not the commune's, pointing at the field, and writes nothing", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const content = actionContent({ sessions: [sessionContent(), sessionContent({ address: addressIn("54395", "57000") })] });
    const save = saveActionContent({ organisationId: organisation.id, actor: providerActor, content, submit: true });
    await expect(save).rejects.toMatchObject({
      errors: { "sessions.1.address.postcode": expect.stringContaining("Le code postal 57000 n’est pas celui de Nancy (54000, 54100)") },
    });
    expect(await listActionsForOrganisation({ organisationId: organisation.id, today })).toEqual([]);
  });

  it("accepts each of a commune's postcodes, and refuses a public code that is not a « public » Formacode", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const nancy = actionContent({ sessions: [sessionContent({ address: addressIn("54395", "54100") })] });
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: nancy, submit: false });
    expect((await revisionsOf(actionId))[0]!.content.sessions[0]!.address.communeName).toBe("Nancy");

    const notAPublic = actionContent({ publicCodes: [FORMACODE_NETTOYAGE] });
    const error = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: notAPublic, submit: false }).catch((e) => e);
    expect(errorMessages(error)).toMatch(/codes sont à corriger/);
    expect(error.errors).toEqual({ publicCodes: expect.stringContaining(`Public inconnu : ${FORMACODE_NETTOYAGE}`) });
  });

  it("keeps the submission date and the first entry date for good (R1)", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const enteredAt = new Date(Date.now() - 5 * 24 * 3600 * 1000);
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true, now: enteredAt });
    await approveRevision({ revisionId: await openRevisionId(actionId), actor: staffActor, codification: { formacodes: [FORMACODE_NETTOYAGE] } });
    await saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
    expect(await actionRow(actionId)).toMatchObject({ firstEnteredAt: enteredAt, firstSubmittedAt: enteredAt });
  });
});
