// The provider's server actions on an action (« Enregistrer le brouillon », « Envoyer pour
// validation », « Retirer de la validation », « Envoyer la mise à jour », « Dupliquer »,
// « Archiver », « Restaurer »), called as the forms call them, on the real database.

import {
  databaseFingerprint,
  FIELDS_TO_FIX,
  outcome,
  signInAs,
  updateTagMock as updateTag,
} from "@/app/test-utils/server-action-harness";
import { describe, expect, it } from "vitest";
import { expectSeedUntouched, seed } from "@/app/test-utils/action-seed";
import {
  archive,
  duplicate,
  restore,
  saveDraft,
  sendQuickUpdate,
  submitForValidation,
  withdrawFromValidation,
} from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { STALE_VERSION } from "@/db/queries/action-writes";
import type { ActionState } from "@/lib/auth/safe-action";
import {
  actionContent,
  sessionContent,
} from "@/db/test-utils/fixtures";
import { actionRow, auditEvents, revisionRow, revisionsOf } from "@/db/test-utils/rows";
import { DRAFT_REFUSED, emptyActionContent, SUBMISSION_REFUSED } from "@/lib/validations/action";

const NOT_FOUND = "Cette action de formation est introuvable.";

describe("saveDraft and submitForValidation for their provider", () => {
  it("submit with invalid values: errors keyed by field path, in French, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();
    const start = "2031-03-10";
    const values = actionContent({
      title: "",
      objectives: "Trop court",
      sessions: [sessionContent({ startDate: start, endDate: "2031-03-01" }), sessionContent({ placesAvailable: -1 })],
    });

    for (const actionId of [undefined, s.draft.actionId]) {
      expect(await outcome(submitForValidation({ actionId, values }))).toEqual({
        state: {
          message: SUBMISSION_REFUSED,
          errors: {
            title: "Indiquez l’intitulé de la formation.",
            objectives: "Ce texte est trop court : 20 caractères au minimum.",
            "sessions.0.endDate": "La date de fin doit être postérieure à la date de début.",
            "sessions.1.placesAvailable": "Le nombre de places ne peut pas être négatif.",
          },
        },
      });
    }
    // Sending needs a session, or permanent entry.
    expect(await outcome(submitForValidation({ values: actionContent({ sessions: [] }) }))).toEqual({
      state: {
        message: SUBMISSION_REFUSED,
        errors: { sessions: "Ajoutez au moins une session, ou cochez « Entrées et sorties permanentes »." },
      },
    });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
  });

  it("draft with an invalid title, or malformed input: errors, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();

    expect(await outcome(saveDraft({ values: { ...emptyActionContent(), title: "AGENT DE PROPRETÉ" } }))).toEqual({
      state: {
        message: DRAFT_REFUSED,
        errors: { title: "Intitulé en capitales : « AGENT DE PROPRETÉ ». Écrivez-le en minuscules, avec une majuscule au début seulement." },
      },
    });
    expect(await outcome(saveDraft({ actionId: "pas-un-identifiant", values: actionContent() }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { actionId: NOT_FOUND } },
    });

    expect(await databaseFingerprint()).toEqual(before);
  });

  it("draft with only a title: saved in the provider's organisation, redirect to the action", async () => {
    const s = await seed();
    signInAs(s.provider);
    const title = "Agent de propreté, brouillon du jour";

    const result = await outcome(saveDraft({ values: { ...emptyActionContent(), title } }));

    expect(result).toEqual({ redirectedTo: expect.stringMatching(/^\/espace-organisme\/actions\/[0-9a-f-]{36}\?statut=brouillon$/) });
    const actionId = (result as { redirectedTo: string }).redirectedTo.split("/").at(-1)!.split("?")[0]!;
    expect(await actionRow(actionId)).toMatchObject({ organisationId: s.organisation.id, createdBy: s.provider.id, firstSubmittedAt: null });
    expect(await revisionsOf(actionId)).toEqual([expect.objectContaining({ status: "draft", content: expect.objectContaining({ title, sessions: [] }) })]);
    expect(await auditEvents(actionId)).toEqual([
      expect.objectContaining({ event: "action.created", actorId: s.provider.id, actorRole: "provider" }),
      expect.objectContaining({ event: "revision.saved", actorId: s.provider.id, actorRole: "provider" }),
    ]);
  });

  it("submit of its own draft: sent for validation, redirect with statut=envoyee", async () => {
    const s = await seed();
    signInAs(s.provider);
    const values = actionContent();

    expect(await outcome(submitForValidation({ actionId: s.draft.actionId, values }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.draft.actionId}?statut=envoyee`,
    });
    expect(await revisionRow(s.draft.revisionId)).toMatchObject({
      status: "submitted",
      submittedBy: s.provider.id,
      content: expect.objectContaining({ title: values.title }),
    });
  });
});

describe("withdrawFromValidation for its provider", () => {
  it("pulls its submission back to draft", async () => {
    const s = await seed();
    signInAs(s.provider);
    expect(await outcome(withdrawFromValidation({ actionId: s.submitted.actionId }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.submitted.actionId}?statut=retiree`,
    });
    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({ status: "draft" });
    expect((await auditEvents(s.submitted.actionId)).at(-1)).toMatchObject({ event: "revision.withdrawn", actorId: s.provider.id });
  });
});

describe("keeping the offer current, for its provider", () => {
  it("sendQuickUpdate: sends the new places for validation, back to the dashboard", async () => {
    const s = await seed();
    signInAs(s.provider);
    const call = sendQuickUpdate({
      actionId: s.published.actionId,
      expectedVersion: s.published.version,
      sessions: [{ id: s.published.sessionId, placesAvailable: "4", recruitment: "3" }],
    });
    expect(await outcome(call)).toEqual({ redirectedTo: `/espace-organisme?mise-a-jour=${s.published.actionId}` });
    const [, update] = await revisionsOf(s.published.actionId);
    expect(update).toMatchObject({ status: "submitted", quickUpdate: true });
    expect(update!.content.sessions[0]).toMatchObject({ placesAvailable: 4, recruitment: "3" });
  });

  it("sendQuickUpdate: places that are not a whole number are refused next to the field, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();
    for (const placesAvailable of ["1e2", "0x10", true, [], "-3"]) {
      const call = sendQuickUpdate({ actionId: s.published.actionId, expectedVersion: s.published.version, sessions: [{ id: s.published.sessionId, placesAvailable, recruitment: "1" }] });
      const result = await outcome(call as Promise<ActionState | void>);
      expect(result).toMatchObject({ state: { message: FIELDS_TO_FIX, errors: { "sessions.0.placesAvailable": expect.stringMatching(/nombre entier|négatif/) } } });
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("duplicate opens the copy; archive and restore refresh the public pages", async () => {
    const s = await seed();
    signInAs(s.provider);
    const copied = await outcome(duplicate({ actionId: s.published.actionId }));
    expect(copied).toEqual({ redirectedTo: expect.stringMatching(/^\/espace-organisme\/actions\/[0-9a-f-]{36}\?statut=dupliquee$/) });

    expect(await outcome(archive({ actionId: s.published.actionId }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.published.actionId}?statut=archivee`,
    });
    expect(updateTag).toHaveBeenCalledWith("catalogue");
    expect(updateTag).toHaveBeenCalledWith(`action:${s.published.actionId}`);
    expect((await actionRow(s.published.actionId)).archivedAt).toBeInstanceOf(Date);

    expect(await outcome(restore({ actionId: s.published.actionId }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.published.actionId}?statut=restauree`,
    });
    expect((await actionRow(s.published.actionId)).archivedAt).toBeNull();
  });

  it("saving from a page opened before another save is refused with the stale-page message", async () => {
    const s = await seed();
    signInAs(s.provider);
    expect(await outcome(saveDraft({ actionId: s.draft.actionId, expectedVersion: s.draft.version, values: actionContent() }))).toMatchObject({
      redirectedTo: expect.stringContaining("statut=brouillon"),
    });
    const before = await databaseFingerprint();
    expect(await outcome(saveDraft({ actionId: s.draft.actionId, expectedVersion: s.draft.version, values: actionContent() }))).toEqual({
      state: { message: STALE_VERSION },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
