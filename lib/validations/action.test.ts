import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  actionContentSchema,
  actionDraftSchema,
  codificationSchema,
  emptyActionContent,
  rejectionSchema,
  sessionSchema,
  withdrawnSessionErrors,
} from "@/lib/validations/action";

const session = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  startDate: "2027-03-01",
  endDate: "2027-06-30",
  communeInsee: "31555",
  communeName: "Toulouse",
  placesAvailable: 12,
  ...overrides,
});

const content = (overrides: Record<string, unknown> = {}) => ({
  title: "Agent de propreté et d’hygiène",
  objectives: "Réaliser le nettoyage de locaux professionnels.",
  content: "Techniques de nettoyage, produits et matériels, sécurité au travail.",
  permanentEntry: false,
  sessions: [session()],
  ...overrides,
});

/**
 * The messages of a failed parse by dotted path: the first one for each field, as the form
 * shows it (react-hook-form's zodResolver keeps the first error of each field).
 */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  const errors: Record<string, string> = {};
  for (const issue of result.error!.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("action content sent for validation", () => {
  it("accepts a complete action", () => {
    const result = actionContentSchema.safeParse(content());
    expect(result.success).toBe(true);
  });

  it("says the end date must come after the start date, next to the end date", () => {
    const result = actionContentSchema.safeParse(content({ sessions: [session({ startDate: "2027-06-30", endDate: "2027-03-01" })] }));
    expect(errorsOf(result)).toEqual({ "sessions.0.endDate": "La date de fin doit être postérieure à la date de début." });
  });

  it("accepts a session of a single day", () => {
    expect(actionContentSchema.safeParse(content({ sessions: [session({ startDate: "2027-05-04", endDate: "2027-05-04" })] })).success).toBe(true);
  });

  it("points at the right session among several", () => {
    const result = actionContentSchema.safeParse(
      content({ sessions: [session(), session({ startDate: "2027-09-10", endDate: "2027-09-01" })] }),
    );
    expect(Object.keys(errorsOf(result))).toEqual(["sessions.1.endDate"]);
  });

  it("rejects a date that does not exist, or a missing one", () => {
    const result = actionContentSchema.safeParse(content({ sessions: [session({ startDate: "2027-02-30", endDate: "" })] }));
    expect(errorsOf(result)).toEqual({
      "sessions.0.startDate": "Cette date n’est pas valide.",
      "sessions.0.endDate": "Indiquez une date.",
    });
  });

  it("rejects a title in capitals, with an example of what to write", () => {
    const result = actionContentSchema.safeParse(content({ title: "AGENT DE PROPRETÉ ET D’HYGIÈNE" }));
    const errors = errorsOf(result);
    expect(Object.keys(errors)).toEqual(["title"]);
    expect(errors.title).toContain("N’écrivez pas l’intitulé en majuscules");
  });

  it("accepts a title with an acronym inside an ordinary sentence", () => {
    expect(actionContentSchema.safeParse(content({ title: "Conduite de chariots élévateurs (CACES R489)" })).success).toBe(true);
  });

  it("asks for a title, and for one long enough", () => {
    expect(errorsOf(actionContentSchema.safeParse(content({ title: "   " })))).toEqual({ title: "Indiquez l’intitulé de la formation." });
    expect(errorsOf(actionContentSchema.safeParse(content({ title: "Cuisine" })))).toEqual({
      title: "Ce texte est trop court : 10 caractères au minimum.",
    });
  });

  it("requires a session or permanent entry", () => {
    const result = actionContentSchema.safeParse(content({ sessions: [] }));
    expect(errorsOf(result)).toEqual({ sessions: "Ajoutez au moins une session, ou cochez « Entrées et sorties permanentes »." });
    expect(actionContentSchema.safeParse(content({ sessions: [], permanentEntry: true })).success).toBe(true);
  });

  it("asks for objectives and content", () => {
    const errors = errorsOf(actionContentSchema.safeParse(content({ objectives: "", content: "Trop court" })));
    expect(errors).toEqual({
      objectives: "Indiquez les objectifs.",
      content: "Ce texte est trop court : 20 caractères au minimum.",
    });
  });
});

describe("draft", () => {
  it("may be saved without sessions, objectives or content", () => {
    const result = actionDraftSchema.safeParse({ ...emptyActionContent(), title: "Agent de propreté et d’hygiène" });
    expect(result.success).toBe(true);
  });

  it("still needs a title, so that it can be found again", () => {
    expect(errorsOf(actionDraftSchema.safeParse(emptyActionContent()))).toEqual({ title: "Indiquez l’intitulé de la formation." });
  });

  it("still refuses a session ending before it starts", () => {
    const result = actionDraftSchema.safeParse(content({ sessions: [session({ startDate: "2027-06-30", endDate: "2027-03-01" })] }));
    expect(errorsOf(result)).toEqual({ "sessions.0.endDate": "La date de fin doit être postérieure à la date de début." });
  });

  it("trims the text the provider typed", () => {
    const result = actionDraftSchema.parse(content({ title: "  Agent de propreté et d’hygiène  " }));
    expect(result.title).toBe("Agent de propreté et d’hygiène");
  });
});

describe("session", () => {
  it("reads the number of places typed in the form", () => {
    const result = sessionSchema.parse(session({ placesAvailable: "15" }));
    expect(result.placesAvailable).toBe(15);
  });

  it("explains what is wrong with the places and the commune", () => {
    expect(errorsOf(sessionSchema.safeParse(session({ placesAvailable: -1 })))).toEqual({
      placesAvailable: "Le nombre de places ne peut pas être négatif.",
    });
    expect(errorsOf(sessionSchema.safeParse(session({ placesAvailable: 2.5 })))).toEqual({
      placesAvailable: "Indiquez un nombre entier de places.",
    });
    expect(errorsOf(sessionSchema.safeParse(session({ communeInsee: "Toulouse" })))).toEqual({
      communeInsee: "Choisissez une commune dans la liste.",
    });
  });

  it("accepts Corsican commune codes", () => {
    expect(sessionSchema.safeParse(session({ communeInsee: "2A004" })).success).toBe(true);
  });
});

describe("codification and rejection", () => {
  it("requires one to five distinct Formacode codes", () => {
    expect(codificationSchema.safeParse({ formacodes: ["11001"] }).success).toBe(true);
    expect(errorsOf(codificationSchema.safeParse({ formacodes: [] }))).toEqual({ formacodes: "Choisissez au moins un code Formacode." });
    expect(errorsOf(codificationSchema.safeParse({ formacodes: ["11001", "11001"] }))).toEqual({
      formacodes: "Un même code Formacode est choisi deux fois.",
    });
    expect(errorsOf(codificationSchema.safeParse({ formacodes: ["1100"] }))).toEqual({ "formacodes.0": "Un code Formacode a cinq chiffres." });
  });

  it("asks staff to explain a rejection", () => {
    expect(errorsOf(rejectionSchema.safeParse({ reason: "" }))).toEqual({ reason: "Indiquez le motif du refus." });
    expect(errorsOf(rejectionSchema.safeParse({ reason: "Flou" }))).toEqual({
      reason: "Expliquez le motif en une phrase au moins (10 caractères).",
    });
    expect(rejectionSchema.safeParse({ reason: "L’intitulé contient un sigle non expliqué." }).success).toBe(true);
  });
});

describe("places and dates a provider can get wrong", () => {
  it("an emptied places field is an error, not zero places (which would read « complet »)", () => {
    for (const placesAvailable of ["", "   "]) {
      const result = sessionSchema.safeParse(session({ placesAvailable }));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["placesAvailable"], message: "Indiquez un nombre de places." });
    }
    expect(sessionSchema.parse(session({ placesAvailable: "0" })).placesAvailable).toBe(0);
  });

  it("a mistyped year is refused", () => {
    const result = sessionSchema.safeParse(session({ startDate: "0202-03-01" }));
    expect(result.error?.issues[0]).toMatchObject({ path: ["startDate"], message: "Vérifiez l’année de cette date." });
  });

  it("on sending, a session started more than 8 days ago is flagged on its start date", () => {
    const today = "2027-03-20";
    const errors = withdrawnSessionErrors(
      { sessions: [session({ startDate: "2027-03-12" }), session({ startDate: "2027-03-13" }), session({ startDate: "2027-04-01" })] },
      today,
    );
    // 12 March + 8 days = 20 March: withdrawn today; 13 March is still shown until the 21st.
    expect(Object.keys(errors)).toEqual(["sessions.0.startDate"]);
    expect(errors["sessions.0.startDate"]).toContain("plus de 8 jours");
  });
});

describe("session errors shown together", () => {
  it("reports the end date before the start date even when the places are missing", () => {
    const result = sessionSchema.safeParse(session({ startDate: "2027-03-10", endDate: "2027-03-01", placesAvailable: "" }));
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["placesAvailable", "endDate"]));
  });
});
