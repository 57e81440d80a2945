// The rules of the domain a complete action must follow (R3, R4, R5, R9 and the completeness
// rules): blocking when the action is sent for validation, never while it is a draft.

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SUBMISSION_REFUSED, moduleHours, totalHours, validateDraft, validateSubmission } from "@/lib/validations/action";
import type { Validated } from "@/lib/validations/errors";
import { completeAction, completeSession } from "@/lib/validations/test-content";

const TODAY = "2027-03-20";
const VOTED = { notifiedOn: "2027-03-01", voteDate: "2027-02-01", kind: "achat" as const, comment: "" };
const NO_DECISION = { notifiedOn: "", voteDate: "", kind: "", comment: "" };

/** A complete action, valid on TODAY (280 h in centre, 70 h in company, funded by the Région), with what the test changes. */
const action = (overrides: Record<string, unknown> = {}) => ({
  ...completeAction({ funding: VOTED }),
  sessions: [completeSession({ startDate: "2027-04-01" })],
  ...overrides,
});
const submit = (overrides: Record<string, unknown> = {}) => validateSubmission(action(overrides), TODAY);
const saveDraft = (overrides: Record<string, unknown> = {}) => validateDraft(action(overrides));

const moduleOf = (hours: unknown, title = "Techniques de nettoyage") => ({ id: randomUUID(), title, content: "", hours });
const funder = (code: string) => ({ id: randomUUID(), code, places: null });

function errorsOf(result: Validated<unknown>): Record<string, string> {
  expect(result).toMatchObject({ success: false, message: SUBMISSION_REFUSED });
  return result.success ? {} : result.errors;
}

describe("R4: a modular course and its modules", () => {
  const TOO_FEW = "Un parcours modulaire compte au moins deux modules : décrivez-les avec leur durée.";

  it("needs at least two modules on submission, not in a draft", () => {
    expect(errorsOf(submit({ pathway: "3" }))).toEqual({ modules: TOO_FEW });
    expect(errorsOf(submit({ pathway: "3", modules: [moduleOf(350)] }))).toEqual({ modules: TOO_FEW });
    expect(saveDraft({ pathway: "3" }).success).toBe(true);
  });

  it("needs the duration of each module on submission, not in a draft", () => {
    for (const hours of ["", null]) {
      expect(errorsOf(submit({ pathway: "3", modules: [moduleOf(280), moduleOf(hours)] }))).toEqual({
        "modules.1.hours": "Indiquez la durée du module en heures.",
      });
      expect(saveDraft({ pathway: "3", modules: [moduleOf(280), moduleOf(hours)] }).success).toBe(true);
    }
  });

  it("refuses modules whose durations do not add up to the total, with both sums", () => {
    expect(errorsOf(submit({ pathway: "3", modules: [moduleOf(200), moduleOf(100)] }))).toEqual({
      modules: "La somme des durées des modules (300 heures) doit être égale à la durée totale (350 heures).",
    });
    expect(saveDraft({ pathway: "3", modules: [moduleOf(200), moduleOf(100)] }).success).toBe(true);
  });

  it("accepts modules adding up to the hours in centre and in company, typed in the form", () => {
    const result = submit({ pathway: "3", modules: [moduleOf("280"), moduleOf("70")] });
    expect(result.success && result.data.modules.map((m) => m.hours)).toEqual([280, 70]);
  });

  it("does not ask a course in a group to detail its modules", () => {
    expect(submit({ pathway: "1", modules: [moduleOf(1), moduleOf(2)] }).success).toBe(true);
  });

  it("counts modules without a duration and empty hours as nothing", () => {
    expect(moduleHours([{ hours: 3 }, { hours: null }, { hours: 4 }])).toBe(7);
    expect(totalHours({ hoursCentre: null, hoursCompany: 5 })).toBe(5);
  });
});

describe("R5: funding", () => {
  const VOTE_MISSING = { "funding.voteDate": "Indiquez la date du vote ou de la décision du financeur public : elle figure dans la phrase publiée." };

  it("asks for the vote date of a public funder on submission, not in a draft", () => {
    expect(errorsOf(submit({ funding: NO_DECISION }))).toEqual(VOTE_MISSING);
    expect(errorsOf(submit({ funders: [funder("4")], funding: NO_DECISION }))).toEqual(VOTE_MISSING);
    expect(errorsOf(submit({ funders: [funder("16"), funder("2")], funding: NO_DECISION }))).toEqual(VOTE_MISSING);
    expect(saveDraft({ funding: NO_DECISION }).success).toBe(true);
  });

  it("needs no vote date for an OPCO alone, nor without any funder", () => {
    expect(submit({ funders: [funder("16")], funding: NO_DECISION }).success).toBe(true);
    expect(submit({ funders: [], funding: NO_DECISION }).success).toBe(true);
  });

  it("refuses a vote or a notification in the future on submission", () => {
    expect(errorsOf(submit({ funding: { ...VOTED, voteDate: "2027-03-21", notifiedOn: "2027-03-21" } }))).toEqual({
      "funding.voteDate": "La date du vote ne peut pas être dans le futur : indiquez celle de la décision déjà prise.",
      "funding.notifiedOn": "La date de notification ne peut pas être dans le futur.",
    });
    expect(submit({ funding: { ...VOTED, voteDate: TODAY, notifiedOn: TODAY } }).success).toBe(true);
    expect(saveDraft({ funding: { ...VOTED, voteDate: "2027-03-21" } }).success).toBe(true);
  });

  it("refuses the same funder twice, on the second one", () => {
    expect(errorsOf(submit({ funders: [funder("2"), funder("4"), funder("2")] }))).toEqual({ "funders.2.code": "Ce financeur est déjà dans la liste." });
  });

  it("refuses a funder that is not in the list, and more than 8 funders", () => {
    expect(validateDraft(action({ funders: [funder("99")] }))).toMatchObject({ errors: { "funders.0.code": "Choisissez le financeur dans la liste." } });
    const nine = ["2", "4", "11", "12", "19", "13", "8", "9", "15"].map(funder);
    expect(validateDraft(action({ funders: nine }))).toMatchObject({ errors: { funders: "Indiquez au plus 8 financeurs." } });
  });

  it("refuses a comment that would make the published funding sentence longer than 600 characters", () => {
    // The eight funders with the longest names: the sentence alone is about 370 characters.
    const funders = ["20", "12", "6", "18", "11", "19", "15", "3"].map(funder);
    const comment = "Places réservées aux demandeurs d’emploi inscrits. ".repeat(6).trim().slice(0, 300);
    expect(errorsOf(submit({ funders, funding: { ...VOTED, comment } }))).toEqual({
      "funding.comment": "La phrase de financement publiée dépasserait 600 caractères : raccourcissez le commentaire.",
    });
    expect(submit({ funders, funding: { ...VOTED, comment: "Places réservées aux demandeurs d’emploi." } }).success).toBe(true);
    expect(submit({ funding: { ...VOTED, comment } }).success).toBe(true);
  });

  it("does not need the price field at all for a free action", () => {
    const withoutPrice: Record<string, unknown> = action({ free: true });
    delete withoutPrice.price;
    expect(validateSubmission(withoutPrice, TODAY).success).toBe(true);
  });
});

describe("what a complete action states", () => {
  it("asks for the certification's register, number and title when the action is certifying", () => {
    expect(errorsOf(submit({ certifying: true }))).toEqual({
      "certification.register": "Choisissez le répertoire de la certification.",
      "certification.code": "Indiquez le numéro de la fiche de la certification.",
      "certification.label": "Indiquez l’intitulé de la certification.",
    });
    expect(saveDraft({ certifying: true }).success).toBe(true);
  });

  it("reads a certification number typed with its register, and refuses letters", () => {
    const certification = { register: "rncp", code: "rncp 34828", label: "Agent de propreté et d’hygiène" };
    const result = submit({ certifying: true, certification });
    expect(result.success && result.data.certification.code).toBe("34828");
    expect(saveDraft({ certification: { register: "rs", code: "ABC", label: "" } })).toMatchObject({
      errors: { "certification.code": "Indiquez le numéro de la fiche en chiffres : 34828 pour la fiche RNCP34828." },
    });
  });

  it("asks how the course alternates when it has hours in company", () => {
    expect(errorsOf(submit({ alternance: "" }))).toEqual({ alternance: "Décrivez comment la formation alterne entre le centre et l’entreprise." });
    expect(submit({ hoursCompany: 0, alternance: "" }).success).toBe(true);
  });

  it("asks for a duration", () => {
    expect(errorsOf(submit({ hoursCentre: 0, hoursCompany: 0, alternance: "" }))).toEqual({ hoursCentre: "Indiquez la durée de la formation en heures." });
  });

  it("asks for a price unless the training is free for the trainee", () => {
    expect(errorsOf(submit({ free: false, price: null }))).toEqual({ price: "Indiquez le prix, ou cochez « Gratuit pour la personne formée »." });
    expect(submit({ free: false, price: "1500" })).toMatchObject({ success: true, data: { price: 1500 } });
    expect(submit({ free: true, price: null }).success).toBe(true);
  });

  it("asks for a price in whole euros, and a plausible one", () => {
    expect(errorsOf(submit({ free: false, price: "1500,50" }))).toEqual({ price: "Indiquez le prix en euros, sans centimes." });
    expect(errorsOf(submit({ free: false, price: 1_000_000 }))).toEqual({ price: "Ce prix paraît trop élevé : vérifiez-le." });
  });

  it("asks for the public it is meant for", () => {
    expect(errorsOf(submit({ publicCodes: [] }))).toEqual({ publicCodes: "Choisissez au moins un public visé." });
    expect(errorsOf(submit({ publicCodes: ["80056", "80056"] }))).toEqual({ publicCodes: "Un même public est choisi deux fois." });
  });

  it("asks for sessions, or permanent entry", () => {
    expect(errorsOf(submit({ sessions: [] }))).toEqual({ sessions: "Ajoutez au moins une session, ou cochez « Entrées et sorties permanentes »." });
    expect(submit({ sessions: [], permanentEntry: true }).success).toBe(true);
  });
});

describe("R3: a title the public can understand", () => {
  it("refuses a title made only of codes and acronyms on submission", () => {
    for (const title of ["CACES R489", "TP ADVF"]) expect(errorsOf(submit({ title })).title).toEqual(expect.any(String));
  });

  it("explains that the title is only a code or acronyms, in a draft too", () => {
    for (const title of ["CACES R489", "Caces R489", "TP ADVF niveau 3"]) {
      const expected = { title: "L’intitulé n’est qu’un sigle ou un code : « " + title + " ». Écrivez en toutes lettres le métier ou la compétence visée." };
      expect(errorsOf(submit({ title }))).toEqual(expected);
      expect(saveDraft({ title })).toMatchObject({ success: false, errors: expected });
    }
  });

  it("accepts an acronym explained by the words around it", () => {
    expect(submit({ title: "Conduite de chariots élévateurs (CACES R489)" }).success).toBe(true);
  });
});

describe("R9: sessions already under way", () => {
  const WITHDRAWN = "Cette session a commencé il y a plus de 8 jours : elle ne serait pas publiée. Supprimez-la ou corrigez sa date.";

  it("refuses on submission a session that started 8 days ago, on its start date", () => {
    expect(errorsOf(submit({ sessions: [completeSession({ startDate: "2027-03-12" })] }))).toEqual({ "sessions.0.startDate": WITHDRAWN });
  });

  it("accepts a session that started 7 days ago", () => {
    expect(submit({ sessions: [completeSession({ startDate: "2027-03-13" })] }).success).toBe(true);
  });

  it("points at the session already withdrawn among several", () => {
    const sessions = [completeSession({ startDate: "2027-04-01" }), completeSession({ startDate: "2027-01-12" })];
    expect(errorsOf(submit({ sessions }))).toEqual({ "sessions.1.startDate": WITHDRAWN });
  });

  it("lets the draft keep it", () => {
    expect(saveDraft({ sessions: [completeSession({ startDate: "2027-03-12" })] }).success).toBe(true);
  });
});
