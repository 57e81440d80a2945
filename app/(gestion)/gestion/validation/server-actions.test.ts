// Staff decisions (« Valider », « Refuser »), called as the review form calls them, on the real
// database: one decision wins, a refused or invalid call writes nothing.

import {
  databaseFingerprint,
  FIELDS_TO_FIX,
  outcome,
  signInAs,
  updateTagMock as updateTag,
} from "@/app/test-utils/server-action-harness";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectSeedUntouched, publishedRow, seed } from "@/app/test-utils/action-seed";
import { approveMinorSubmission, approveSubmission, rejectSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import { submitForValidation, withdrawFromValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import {
  actionContent,
  FORMACODE_NETTOYAGE,
  UNKNOWN_FORMACODE,
} from "@/db/test-utils/fixtures";
import { auditEvents, revisionRow } from "@/db/test-utils/rows";
import { seenRevision } from "@/app/test-utils/submissions";

const WITHDRAW_CONFLICT = "Cette action n’est plus en attente de validation : elle a peut-être déjà été traitée.";
const DECISION_CONFLICT = "Cette version n’est plus en attente de validation : elle a déjà été traitée ou retirée.";
const RESUBMITTED = "L’organisme a retiré puis renvoyé cette demande depuis que vous l’avez ouverte : rechargez la page pour examiner ce qu’il a envoyé.";

describe("decisions on what is no longer waiting", () => {
  it("withdrawing a draft says it is not waiting for validation, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();
    expect(await outcome(withdrawFromValidation({ actionId: s.draft.actionId }))).toEqual({ state: { message: WITHDRAW_CONFLICT } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("approving or rejecting an unknown revision says it is not found", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();
    const revisionId = randomUUID();
    expect(await outcome(approveSubmission({ ...(await seenRevision(revisionId)), formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      state: { message: "Cette version est introuvable." },
    });
    expect(await outcome(rejectSubmission({ ...(await seenRevision(revisionId)), reason: "Le titre contient un sigle à expliquer." }))).toEqual({
      state: { message: "Cette version est introuvable." },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("a decided revision reports the conflict before looking at the codes", async () => {
    const s = await seed();
    signInAs(s.staff);
    await approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }).catch(() => undefined);
    const before = await databaseFingerprint();
    const again = await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [UNKNOWN_FORMACODE] }));
    expect(again).toEqual({ state: { message: expect.stringContaining("n’est plus en attente de validation") } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("approveSubmission", () => {
  it("without a Formacode: field error, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();

    expect(await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [] }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { formacodes: "Choisissez au moins un code Formacode." } },
    });
    expect(await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: ["4209"] }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { "formacodes.0": "Un code Formacode a cinq chiffres." } },
    });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("with an unknown Formacode: refused, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();

    const result = await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE, UNKNOWN_FORMACODE] }));

    expect(result).toEqual({
      state: {
        message: `Code Formacode inconnu : ${UNKNOWN_FORMACODE}. Choisissez les codes dans la liste.`,
        errors: { formacodes: "Choisissez les codes dans la liste." },
      },
    });
    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it.each(["staff", "admin"] as const)("by %s: publishes, refreshes the catalogue, redirects to the queue", async (role) => {
    const s = await seed();
    const reviewer = role === "staff" ? s.staff : s.admin;
    signInAs(reviewer);

    expect(await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      redirectedTo: `/gestion/validation?publiee=${s.submitted.revisionId}`,
    });

    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({
      status: "approved",
      decidedBy: reviewer.id,
      codification: { formacodes: [FORMACODE_NETTOYAGE] },
    });
    expect(await publishedRow(s.submitted.actionId)).toMatchObject({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] });
    expect((await auditEvents(s.submitted.actionId)).at(-1)).toMatchObject({ event: "revision.approved", actorId: reviewer.id, actorRole: role });
    expect(updateTag).toHaveBeenCalledWith("catalogue");
    expect(updateTag).toHaveBeenCalledWith(`action:${s.submitted.actionId}`);
  });

  it("of a draft revision: conflict, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();
    expect(await outcome(approveSubmission({ ...(await seenRevision(s.draft.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      state: { message: DECISION_CONFLICT },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });
});

describe("rejectSubmission", () => {
  it("without a reason: field error, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();

    for (const reason of ["", "   "]) {
      expect(await outcome(rejectSubmission({ ...(await seenRevision(s.submitted.revisionId)), reason }))).toEqual({
        state: { message: FIELDS_TO_FIX, errors: { reason: "Indiquez le motif du refus." } },
      });
    }
    expect(await outcome(rejectSubmission({ ...(await seenRevision(s.submitted.revisionId)), reason: "Non." }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { reason: "Expliquez le motif en une phrase au moins (10 caractères)." } },
    });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
  });

  it.each(["staff", "admin"] as const)("by %s: sends the revision back with the reason, publishes nothing", async (role) => {
    const s = await seed();
    const reviewer = role === "staff" ? s.staff : s.admin;
    signInAs(reviewer);

    expect(await outcome(rejectSubmission({ ...(await seenRevision(s.submitted.revisionId)), reason: "  Les sessions n’ont pas de lieu précis.  " }))).toEqual({
      redirectedTo: `/gestion/validation?refusee=${s.submitted.revisionId}`,
    });
    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({
      status: "rejected",
      decidedBy: reviewer.id,
      rejectionReason: "Les sessions n’ont pas de lieu précis.",
    });
    expect(await publishedRow(s.submitted.actionId)).toBeUndefined();
    expect((await auditEvents(s.submitted.actionId)).at(-1)).toMatchObject({ event: "revision.rejected", actorId: reviewer.id, actorRole: role });
    expect(updateTag).not.toHaveBeenCalled();
  });
});

describe("a decision is taken once", () => {
  it("approving twice: the second call gets the conflict message and changes nothing", async () => {
    const s = await seed();
    signInAs(s.staff);
    expect(await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      redirectedTo: `/gestion/validation?publiee=${s.submitted.revisionId}`,
    });
    expect(updateTag).toHaveBeenCalledTimes(2);
    const after = await databaseFingerprint();

    signInAs(s.admin);
    const second = await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }));
    expect(second).toEqual({ state: { message: expect.stringContaining("n’est plus en attente de validation") } });
    expect(second).toEqual({ state: { message: DECISION_CONFLICT } });
    expect(await outcome(rejectSubmission({ ...(await seenRevision(s.submitted.revisionId)), reason: "Refus après coup, trop tard." }))).toEqual({
      state: { message: DECISION_CONFLICT },
    });

    expect(await databaseFingerprint()).toEqual(after);
    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({ status: "approved", decidedBy: s.staff.id });
    expect(updateTag).toHaveBeenCalledTimes(2);
  });

  it("sent again by the provider after staff opened it: every decision on what staff saw is refused", async () => {
    const s = await seed();
    // Staff open the submission and the minor change…
    const seen = await seenRevision(s.submitted.revisionId);
    const seenMinor = await seenRevision(s.minor.revisionId);
    // …while the provider pulls both back, rewrites them and sends them again (the same revisions).
    signInAs(s.provider);
    for (const actionId of [s.submitted.actionId, s.minor.actionId]) {
      expect(await outcome(withdrawFromValidation({ actionId }))).toEqual({ redirectedTo: `/espace-organisme/actions/${actionId}?statut=retiree` });
      const sent = await outcome(submitForValidation({ actionId, values: actionContent({ title: "Agent de propreté en milieu hospitalier" }) }));
      expect(sent).toMatchObject({ redirectedTo: expect.stringContaining(actionId) });
    }
    // The quick update of places, rewritten in the full form, is neither quick nor minor any more.
    expect(await revisionRow(s.minor.revisionId)).toMatchObject({ status: "submitted", quickUpdate: false, minorChange: false });
    signInAs(s.staff);
    const before = await databaseFingerprint();
    expect(await outcome(approveSubmission({ ...seen, formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({ state: { message: RESUBMITTED } });
    expect(await outcome(rejectSubmission({ ...seen, reason: "Les objectifs ne décrivent pas la formation." }))).toEqual({ state: { message: RESUBMITTED } });
    expect(await outcome(approveMinorSubmission(seenMinor))).toEqual({ state: { message: RESUBMITTED } });
    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
    // Reloaded, the page shows what was sent: that is what gets approved.
    expect(await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      redirectedTo: `/gestion/validation?publiee=${s.submitted.revisionId}`,
    });
    expect(await publishedRow(s.submitted.actionId)).toMatchObject({ title: "Agent de propreté en milieu hospitalier" });
  });

  it("withdrawn by the provider before the decision: approval gets the conflict message", async () => {
    const s = await seed();
    signInAs(s.provider);
    expect(await outcome(withdrawFromValidation({ actionId: s.submitted.actionId }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.submitted.actionId}?statut=retiree`,
    });
    signInAs(s.staff);
    const before = await databaseFingerprint();
    expect(await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      state: { message: DECISION_CONFLICT },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });
});

describe("approving with corrections, or from the queue", () => {
  it("a correction that empties the title is refused next to the field, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();
    const result = await outcome(approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE], wording: { title: "" } }));
    expect(result).toMatchObject({ state: { errors: { "wording.title": "Indiquez l’intitulé de la formation." } } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("a correction of the wording is published, with ROME, NSF and level", async () => {
    const s = await seed();
    signInAs(s.staff);
    const call = approveSubmission({
      ...(await seenRevision(s.submitted.revisionId)),
      formacodes: [FORMACODE_NETTOYAGE],
      romeCodes: ["K2204"],
      nsfCode: "343",
      level: "13",
      wording: { rhythm: "Temps plein : 35 heures par semaine, du lundi au vendredi" },
    });
    expect(await outcome(call)).toEqual({ redirectedTo: `/gestion/validation?publiee=${s.submitted.revisionId}` });
    expect(await publishedRow(s.submitted.actionId)).toMatchObject({ romeCodes: ["K2204"], nsfCode: "343", exitLevel: "13" });
    expect((await revisionRow(s.submitted.revisionId)).content.rhythm).toBe("Temps plein : 35 heures par semaine, du lundi au vendredi");
  });

  it("a change of places is approved from the queue and the public pages refreshed", async () => {
    const s = await seed();
    signInAs(s.staff);
    expect(await outcome(approveMinorSubmission(await seenRevision(s.minor.revisionId)))).toEqual({ redirectedTo: `/gestion/validation?publiee=${s.minor.revisionId}` });
    expect(updateTag).toHaveBeenCalledWith(`action:${s.minor.actionId}`);
    // Not for a revision that changes more than places.
    const before = await databaseFingerprint();
    expect(await outcome(approveMinorSubmission(await seenRevision(s.submitted.revisionId)))).toEqual({
      state: { message: expect.stringContaining("ouvrez la demande") },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
