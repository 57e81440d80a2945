import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DOSSIER_DRAFT_REFUSED,
  DOSSIER_SUBMISSION_REFUSED,
  displayName,
  validateDossierDraft,
  validateDossierSubmission,
} from "@/lib/validations/organisation";
import type { Validated } from "@/lib/validations/errors";

const TODAY = "2027-03-20";
/** A real SIRET (lib/siret.test.ts). */
const SIRET = "73282932000074";

const contact = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  name: "Claire Martin",
  role: "4",
  phone: "05 61 00 00 01",
  email: "claire.martin@example.org",
  ...overrides,
});

/** A complete dossier, ready to be sent, with what the test changes. */
const dossier = (overrides: Record<string, unknown> = {}) => ({
  legalName: "Association de formation du Lauragais",
  usualName: "",
  siret: SIRET,
  activityNumber: "76310123431",
  address: { street: "12 rue des Lilas", street2: "", postcode: "31000", communeInsee: "31555", communeName: "Toulouse" },
  phone: "05 61 00 00 00",
  email: "contact@example.org",
  website: "",
  contacts: [contact()],
  trainingFields: ["42093"],
  premises: "Deux salles de cours et un atelier de 200 mètres carrés.",
  equipment: "",
  trainers: "Quatre formateurs permanents, anciens professionnels du secteur.",
  qualiopi: true,
  qualiopiDate: "2025-06-01",
  otherCertifications: "",
  accessibility: "Locaux de plain-pied, référente handicap joignable au 05 61 00 00 01.",
  ...overrides,
});

/** A dossier as the form first saves it: every field present, most still empty. */
const emptyDossier = (overrides: Record<string, unknown> = {}) =>
  dossier({
    activityNumber: "",
    address: { street: "", street2: "", postcode: "", communeInsee: "", communeName: "" },
    phone: "",
    email: "",
    contacts: [],
    trainingFields: [],
    premises: "",
    trainers: "",
    qualiopi: false,
    qualiopiDate: "",
    accessibility: "",
    ...overrides,
  });

const submit = (overrides: Record<string, unknown> = {}) => validateDossierSubmission(dossier(overrides), TODAY);

function errorsOf(result: Validated<unknown>): Record<string, string> {
  expect(result.success).toBe(false);
  return result.success ? {} : result.errors;
}

describe("a dossier sent for validation", () => {
  it("accepts a complete dossier", () => {
    expect(submit()).toMatchObject({ success: true, data: { siret: SIRET, activityNumber: "76310123431" } });
  });

  it("reports every missing field at once", () => {
    expect(validateDossierSubmission(emptyDossier(), TODAY)).toEqual({
      success: false,
      errors: {
        activityNumber: "Indiquez le numéro de déclaration d’activité.",
        "address.street": "Indiquez le numéro et la rue.",
        "address.postcode": "Indiquez le code postal.",
        "address.communeInsee": "Choisissez une commune dans la liste.",
        phone: "Indiquez le téléphone de l’organisme.",
        email: "Indiquez l’adresse électronique de l’organisme.",
        contacts: "Indiquez au moins une personne à contacter.",
        trainingFields: "Choisissez au moins un domaine de formation.",
        premises: "Indiquez vos locaux.",
        trainers: "Indiquez l’équipe de formateurs.",
        accessibility: "Indiquez l’accueil des personnes handicapées.",
      },
      message: DOSSIER_SUBMISSION_REFUSED,
    });
  });

  it("refuses an address without postcode nor commune, even when the keys are left out", () => {
    expect(Object.keys(errorsOf(submit({ address: { street: "12 rue des Lilas" } })))).toEqual(["address.postcode", "address.communeInsee"]);
  });
});

describe("SIRET", () => {
  it("refuses a number whose check digit is wrong", () => {
    expect(errorsOf(submit({ siret: "73282932000075" }))).toEqual({
      siret: "Ce numéro SIRET n’existe pas : vérifiez les chiffres (la clé de contrôle ne correspond pas).",
    });
  });

  it("refuses a number that is not 14 digits", () => {
    for (const siret of ["7328293200007", "732829320000740", "7328293200007A"]) {
      expect(errorsOf(submit({ siret }))).toEqual({ siret: "Un numéro SIRET a 14 chiffres." });
    }
  });

  it("removes the spaces people type", () => {
    for (const siret of ["732 829 320 00074", " 73282932000074 "]) expect(submit({ siret })).toMatchObject({ success: true, data: { siret: SIRET } });
  });

  it("may wait in a draft, and is required on submission", () => {
    expect(errorsOf(submit({ siret: "" }))).toEqual({ siret: "Indiquez le numéro SIRET." });
    expect(validateDossierDraft(emptyDossier({ siret: "" })).success).toBe(true);
  });
});

describe("activity number", () => {
  const ACTIVITY_MESSAGE = "Le numéro de déclaration d’activité a 11 caractères : 41 54 01234 54 s’écrit 41540123454.";

  it("accepts 11 characters, spaced or not, Corsican departments included", () => {
    expect(submit({ activityNumber: "76 31 01234 31" })).toMatchObject({ success: true, data: { activityNumber: "76310123431" } });
    expect(submit({ activityNumber: "942A0123456" })).toMatchObject({ success: true, data: { activityNumber: "942A0123456" } });
    expect(submit({ activityNumber: "942b0123456" })).toMatchObject({ success: true, data: { activityNumber: "942B0123456" } });
  });

  it("refuses other lengths and letters elsewhere", () => {
    for (const activityNumber of ["7631012343", "763101234310", "942C0123456", "AB310123431"]) {
      expect(errorsOf(submit({ activityNumber }))).toEqual({ activityNumber: ACTIVITY_MESSAGE });
    }
  });

  it("may stay empty in a draft only", () => {
    expect(validateDossierDraft(dossier({ activityNumber: "" })).success).toBe(true);
    expect(errorsOf(submit({ activityNumber: "" }))).toEqual({ activityNumber: "Indiquez le numéro de déclaration d’activité." });
  });
});

describe("contacts and training fields", () => {
  it("needs a telephone or an e-mail address for each contact on submission", () => {
    expect(errorsOf(submit({ contacts: [contact(), contact({ phone: "", email: "" })] }))).toEqual({
      "contacts.1.phone": "Indiquez un téléphone ou une adresse électronique pour ce contact.",
    });
    expect(submit({ contacts: [contact({ phone: "" })] }).success).toBe(true);
    expect(submit({ contacts: [contact({ email: "" })] }).success).toBe(true);
    expect(validateDossierDraft(dossier({ contacts: [contact({ phone: "", email: "" })] })).success).toBe(true);
  });

  it("checks the contact's telephone and e-mail address", () => {
    expect(errorsOf(submit({ contacts: [contact({ phone: "123", email: "claire" })] }))).toEqual({
      "contacts.0.phone": "Ce numéro n’est pas valide : il s’écrit 03 83 00 00 00 ou +33 3 83 00 00 00.",
      "contacts.0.email": "Cette adresse électronique n’est pas valide : elle s’écrit nom@domaine.fr.",
    });
  });

  it("accepts up to 25 training fields and refuses more", () => {
    const fields = (count: number) => Array.from({ length: count }, (_, i) => String(42000 + i));
    expect(submit({ trainingFields: fields(25) }).success).toBe(true);
    expect(validateDossierDraft(dossier({ trainingFields: fields(26) }))).toEqual({
      success: false,
      errors: { trainingFields: "Choisissez au plus 25 domaines de formation." },
      message: DOSSIER_DRAFT_REFUSED,
    });
  });

  it("refuses the same training field twice", () => {
    expect(errorsOf(submit({ trainingFields: ["42093", "42093"] }))).toEqual({ trainingFields: "Un même domaine est choisi deux fois." });
  });
});

describe("Qualiopi and website", () => {
  it("needs the date of the Qualiopi certification on submission", () => {
    expect(errorsOf(submit({ qualiopiDate: "" }))).toEqual({ qualiopiDate: "Indiquez la date de la certification Qualiopi." });
    expect(submit({ qualiopi: false, qualiopiDate: "" }).success).toBe(true);
    expect(validateDossierDraft(dossier({ qualiopiDate: "" })).success).toBe(true);
  });

  it("refuses a certification date in the future", () => {
    expect(errorsOf(submit({ qualiopiDate: "2027-03-21" }))).toEqual({ qualiopiDate: "La date de certification ne peut pas être dans le futur." });
    expect(submit({ qualiopiDate: TODAY }).success).toBe(true);
  });

  it("needs the full address of the website", () => {
    expect(submit({ website: "https://www.example.org/formations" }).success).toBe(true);
    for (const website of ["www.example.org", "example.org", "https://", "javascript:alert(1)", "ftp://example.org"]) {
      expect(errorsOf(submit({ website }))).toEqual({ website: "Indiquez l’adresse complète du site, commençant par https:// (ou http://)." });
    }
  });
});

describe("a draft dossier", () => {
  it("needs only the legal name besides the SIRET", () => {
    expect(validateDossierDraft(emptyDossier())).toMatchObject({ success: true, data: { legalName: "Association de formation du Lauragais" } });
    expect(validateDossierDraft(emptyDossier({ legalName: " " }))).toEqual({
      success: false,
      errors: { legalName: "Indiquez la raison sociale." },
      message: DOSSIER_DRAFT_REFUSED,
    });
  });

  it("still refuses what is malformed", () => {
    expect(errorsOf(validateDossierDraft(emptyDossier({ phone: "123", premises: "<script>alert(1)</script>" })))).toEqual({
      phone: "Ce numéro n’est pas valide : il s’écrit 03 83 00 00 00 ou +33 3 83 00 00 00.",
      premises: "N’utilisez pas de balises (< >) : écrivez le texte simplement, la mise en page est faite pour vous.",
    });
  });
});

describe("displayName", () => {
  it("shows the usual name when there is one, else the legal name", () => {
    expect(displayName({ legalName: "Association de formation du Lauragais", usualName: "Lauragais Formation" })).toBe("Lauragais Formation");
    expect(displayName({ legalName: "Association de formation du Lauragais", usualName: "" })).toBe("Association de formation du Lauragais");
  });
});
