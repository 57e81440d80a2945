import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DRAFT_REFUSED,
  SUBMISSION_REFUSED,
  codificationSchema,
  emptyActionContent,
  rejectionSchema,
  validateDraft,
  validateSubmission,
} from "@/lib/validations/action";
import { fieldErrors, type Validated } from "@/lib/validations/errors";
import { TEXT_ERRORS } from "@/lib/validations/fields";
import { completeAction, completeSession } from "@/lib/validations/test-content";
import type { z } from "@/lib/validations/zod";

// Every date below is read on this day: submissions are checked against the day they are sent.
const TODAY = "2027-03-20";
const TITLE = "Agent de propreté et d’hygiène";
const ADDRESS = { street: "12 rue des Lilas", street2: "", postcode: "31000", communeInsee: "31555", communeName: "" };

/** A session of the spring, with what the test changes (possibly malformed, as a hand-made request sends it). */
const session = (overrides: Record<string, unknown> = {}) => ({
  ...completeSession({ startDate: "2027-04-01", endDate: "2027-06-30", address: { ...ADDRESS } }),
  ...overrides,
});

/** A complete action, valid on TODAY, with what the test changes. */
const action = (overrides: Record<string, unknown> = {}) => ({
  ...completeAction({ funding: { notifiedOn: "2027-03-01", voteDate: "2027-02-01", kind: "achat", comment: "" } }),
  sessions: [session()],
  ...overrides,
});

/** A draft as the form sends it: every field present, most still empty. */
const draft = (overrides: Record<string, unknown> = {}) => ({ ...emptyActionContent(), title: TITLE, ...overrides });

function errorsOf(result: Validated<unknown>): Record<string, string> {
  expect(result.success).toBe(false);
  return result.success ? {} : result.errors;
}

describe("a draft", () => {
  it("may be saved with only its title", () => {
    const result = validateDraft(draft());
    expect(result.success).toBe(true);
    // Hours not typed yet stay empty: never read as 0.
    expect(result.success && result.data).toMatchObject({ title: TITLE, hoursCentre: null, hoursCompany: null, price: null });
  });

  it("may be saved with only its title when the other fields are not sent at all", () => {
    expect(validateDraft({ title: TITLE })).toMatchObject({ success: true, data: { title: TITLE, hoursCentre: null, price: null } });
  });

  it("still needs a title, so that it can be found again", () => {
    expect(validateDraft(emptyActionContent())).toEqual({
      success: false,
      errors: { title: "Indiquez l’intitulé de la formation." },
      message: DRAFT_REFUSED,
    });
  });

  it("may keep a session that is still incomplete", () => {
    const incomplete = session({ address: { street: "", street2: "", postcode: "", communeInsee: "", communeName: "" }, placesAvailable: "", recruitment: "" });
    const result = validateDraft(draft({ sessions: [incomplete] }));
    expect(result.success).toBe(true);
    expect(result.success && result.data.sessions[0]!.placesAvailable).toBeNull();
  });

  it("still refuses what is malformed, each under its field", () => {
    const result = validateDraft(draft({ objectives: "Nettoyer\u0000", hoursCentre: "1e2", sessions: [session({ placesTotal: true })] }));
    expect(result).toEqual({
      success: false,
      errors: {
        objectives: TEXT_ERRORS.invalidCharacters,
        hoursCentre: "Indiquez un nombre entier d’heures.",
        "sessions.0.placesTotal": "Indiquez un nombre entier de places.",
      },
      message: DRAFT_REFUSED,
    });
  });

  it("trims the text the provider typed", () => {
    const result = validateDraft(draft({ title: `  ${TITLE}  `, objectives: "  Nettoyer des bureaux.\n" }));
    expect(result.success && [result.data.title, result.data.objectives]).toEqual([TITLE, "Nettoyer des bureaux."]);
  });
});

describe("a submission", () => {
  it("accepts a complete action", () => {
    const result = validateSubmission(action({ sessions: [session({ placesTotal: "15", placesAvailable: "12" })] }), TODAY);
    expect(result.success).toBe(true);
    expect(result.success && result.data.sessions[0]).toMatchObject({ placesTotal: 15, placesAvailable: 12 });
  });

  it("reports every missing field at once, each with its French message", () => {
    const result = validateSubmission(draft(), TODAY);
    expect(result).toMatchObject({ success: false, message: SUBMISSION_REFUSED });
    expect(errorsOf(result)).toMatchObject({
      objectives: "Indiquez les objectifs.",
      results: "Indiquez les résultats attendus.",
      content: "Indiquez le contenu.",
      pathway: "Choisissez le type de parcours dans la liste.",
      entryLevel: "Choisissez le niveau d’entrée dans la liste.",
      exitLevel: "Choisissez le niveau de sortie dans la liste.",
      rhythm: "Indiquez le rythme de la formation.",
      teachingMode: "Choisissez les modalités d’enseignement dans la liste.",
      hoursCentre: "Indiquez le nombre d’heures en centre, 0 s’il n’y en a pas.",
      hoursCompany: "Indiquez le nombre d’heures en entreprise, 0 s’il n’y en a pas.",
    });
  });

  it("puts the messages of a session under that session's fields", () => {
    const empty = session({ address: { street: "", street2: "", postcode: "", communeInsee: "", communeName: "" }, placesTotal: "", recruitment: "" });
    expect(validateSubmission(action({ sessions: [session(), empty] }), TODAY)).toEqual({
      success: false,
      errors: {
        "sessions.1.address.street": "Indiquez le numéro et la rue.",
        "sessions.1.address.postcode": "Indiquez le code postal.",
        "sessions.1.address.communeInsee": "Choisissez une commune dans la liste.",
        "sessions.1.placesTotal": "Indiquez le nombre total de places.",
        "sessions.1.recruitment": "Choisissez l’état du recrutement dans la liste.",
      },
      message: SUBMISSION_REFUSED,
    });
  });

  it("refuses a session whose address does not say where it is, even when the keys are left out", () => {
    const result = validateSubmission(action({ sessions: [session({ address: { street: "12 rue des Lilas" } })] }), TODAY);
    expect(errorsOf(result)).toEqual({
      "sessions.0.address.postcode": "Indiquez le code postal.",
      "sessions.0.address.communeInsee": "Choisissez une commune dans la liste.",
    });
  });

  it("asks for objectives long enough", () => {
    expect(errorsOf(validateSubmission(action({ objectives: "", content: "Trop court" }), TODAY))).toEqual({
      objectives: "Indiquez les objectifs.",
      content: TEXT_ERRORS.tooShort(20),
    });
  });
});

describe("session dates", () => {
  it("says the end date must come after the start date, next to the end date, in a draft too", () => {
    const late = session({ startDate: "2027-06-30", endDate: "2027-04-01" });
    const expected = { "sessions.0.endDate": "La date de fin doit être postérieure à la date de début." };
    expect(errorsOf(validateSubmission(action({ sessions: [late] }), TODAY))).toEqual(expected);
    expect(errorsOf(validateDraft(draft({ sessions: [late] })))).toEqual(expected);
  });

  it("accepts a session of a single day", () => {
    expect(validateSubmission(action({ sessions: [session({ startDate: "2027-05-04", endDate: "2027-05-04" })] }), TODAY).success).toBe(true);
  });

  it("points at the right session among several", () => {
    const result = validateSubmission(action({ sessions: [session(), session({ startDate: "2027-09-10", endDate: "2027-09-01" })] }), TODAY);
    expect(Object.keys(errorsOf(result))).toEqual(["sessions.1.endDate"]);
  });

  it("reports the dates in the wrong order even while the places are missing", () => {
    const result = validateSubmission(action({ sessions: [session({ startDate: "2027-04-10", endDate: "2027-04-01", placesAvailable: "" })] }), TODAY);
    expect(errorsOf(result)).toEqual({
      "sessions.0.placesAvailable": "Indiquez un nombre de places.",
      "sessions.0.endDate": "La date de fin doit être postérieure à la date de début.",
    });
  });

  it("refuses a date that does not exist, or a missing one", () => {
    expect(errorsOf(validateSubmission(action({ sessions: [session({ startDate: "2027-02-30", endDate: "" })] }), TODAY))).toEqual({
      "sessions.0.startDate": "Cette date n’est pas valide.",
      "sessions.0.endDate": "Indiquez une date.",
    });
  });

  it("refuses a mistyped year, in a draft too", () => {
    expect(errorsOf(validateDraft(draft({ sessions: [session({ startDate: "0202-04-01" })] })))).toEqual({
      "sessions.0.startDate": "Vérifiez l’année de cette date.",
    });
  });
});

describe("session places and place", () => {
  it("refuses more places available than places in total", () => {
    const full = session({ placesTotal: 10, placesAvailable: 11 });
    const expected = { "sessions.0.placesAvailable": "Il ne peut pas rester plus de places que le nombre total de places." };
    expect(errorsOf(validateSubmission(action({ sessions: [full] }), TODAY))).toEqual(expected);
    expect(errorsOf(validateDraft(draft({ sessions: [full] })))).toEqual(expected);
  });

  it("reads an emptied places field as an error, not as 0 places (which would read « complet »)", () => {
    for (const placesAvailable of ["", "   ", null]) {
      expect(errorsOf(validateSubmission(action({ sessions: [session({ placesAvailable })] }), TODAY))).toEqual({
        "sessions.0.placesAvailable": "Indiquez un nombre de places.",
      });
    }
    const result = validateSubmission(action({ sessions: [session({ placesAvailable: "0" })] }), TODAY);
    expect(result.success && result.data.sessions[0]!.placesAvailable).toBe(0);
  });

  it("explains what is wrong with the number of places", () => {
    const errors = (placesAvailable: unknown) => errorsOf(validateSubmission(action({ sessions: [session({ placesAvailable })] }), TODAY));
    expect(errors(-1)).toEqual({ "sessions.0.placesAvailable": "Le nombre de places ne peut pas être négatif." });
    expect(errors(2.5)).toEqual({ "sessions.0.placesAvailable": "Indiquez un nombre entier de places." });
    expect(errors("1000")).toEqual({ "sessions.0.placesAvailable": "Indiquez au plus 999 places." });
  });

  it("asks for a commune from the list", () => {
    for (const communeInsee of ["Toulouse", "3155", "2C004"]) {
      const result = validateSubmission(action({ sessions: [session({ address: { ...ADDRESS, communeInsee } })] }), TODAY);
      expect(errorsOf(result)).toEqual({ "sessions.0.address.communeInsee": "Choisissez une commune dans la liste." });
    }
  });

  it("accepts Corsican commune codes", () => {
    for (const communeInsee of ["2A004", "2B033"]) {
      const result = validateSubmission(action({ sessions: [session({ address: { ...ADDRESS, postcode: "20000", communeInsee } })] }), TODAY);
      expect(result.success).toBe(true);
    }
  });

  it("refuses two sessions with the same id, and more than 60 sessions", () => {
    const id = randomUUID();
    expect(errorsOf(validateDraft(draft({ sessions: [session({ id }), session({ id })] })))).toEqual({ sessions: "Deux sessions portent le même identifiant." });
    const many = Array.from({ length: 61 }, () => session());
    expect(errorsOf(validateDraft(draft({ sessions: many })))).toEqual({ sessions: "Indiquez au plus 60 sessions." });
  });
});

describe("title", () => {
  const titleError = (title: string) => errorsOf(validateSubmission(action({ title }), TODAY)).title;

  it("asks for a title, and for one long enough", () => {
    expect(titleError("   ")).toBe("Indiquez l’intitulé de la formation.");
    expect(titleError("Cuisine")).toBe(TEXT_ERRORS.tooShort(10));
    expect(titleError(`Agent de propreté ${"et d’hygiène ".repeat(20)}`)).toBe(TEXT_ERRORS.tooLong(255));
  });

  it("refuses a title in capitals, in a draft too, saying how to write it", () => {
    const message = "Intitulé en capitales : « AGENT DE PROPRETÉ ET D’HYGIÈNE ». Écrivez-le en minuscules, avec une majuscule au début seulement.";
    expect(titleError("AGENT DE PROPRETÉ ET D’HYGIÈNE")).toBe(message);
    expect(errorsOf(validateDraft(draft({ title: "AGENT DE PROPRETÉ ET D’HYGIÈNE" })))).toEqual({ title: message });
  });

  it("accepts an acronym inside an ordinary title", () => {
    expect(validateSubmission(action({ title: "Conduite de chariots élévateurs (CACES R489)" }), TODAY).success).toBe(true);
    expect(validateSubmission(action({ title: "Préparation au CAP AEPE" }), TODAY).success).toBe(true);
  });

  it("refuses markup in the title", () => {
    expect(errorsOf(validateDraft(draft({ title: "<b>Agent de propreté</b> et d’hygiène" })))).toEqual({ title: TEXT_ERRORS.markup });
  });
});

describe("codification and rejection", () => {
  // The first message of each field, as the forms show them.
  const issues = (result: { error?: z.ZodError }) => (result.error ? fieldErrors(result.error) : {});

  it("requires one to five distinct Formacode codes", () => {
    expect(codificationSchema.safeParse({ formacodes: ["11001"] }).success).toBe(true);
    expect(issues(codificationSchema.safeParse({ formacodes: [] }))).toEqual({ formacodes: "Choisissez au moins un code Formacode." });
    expect(issues(codificationSchema.safeParse({ formacodes: ["11001", "11001"] }))).toEqual({ formacodes: "Un même code Formacode est choisi deux fois." });
    expect(issues(codificationSchema.safeParse({ formacodes: ["11001", "11002", "11003", "11004", "11005", "11006"] }))).toEqual({
      formacodes: "Choisissez au plus cinq codes Formacode.",
    });
    expect(issues(codificationSchema.safeParse({ formacodes: ["1100"] }))).toEqual({ "formacodes.0": "Un code Formacode a cinq chiffres." });
  });

  it("asks staff to explain a rejection", () => {
    expect(issues(rejectionSchema.safeParse({ reason: "   " }))).toEqual({ reason: "Indiquez le motif du refus." });
    expect(issues(rejectionSchema.safeParse({ reason: "Flou" }))).toEqual({ reason: "Expliquez le motif en une phrase au moins (10 caractères)." });
    expect(rejectionSchema.safeParse({ reason: "L’intitulé contient un sigle non expliqué." }).success).toBe(true);
  });
});
