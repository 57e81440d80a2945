// The organisation dossier (« potentiel de formation », R8): who the organisation is, its training
// fields, means, certifications and contacts. It has the same draft → submitted → approved cycle
// as an action, and must be approved at least once every 12 months. LHÉO writes it as the
// `organisme-formation-responsable` of every formation (numero-activite, SIRET, raison sociale,
// coordonnées, contacts, potentiel).

import { isValidSiret } from "@/lib/siret";
import { CONTACT_ROLE_CODES } from "@/lib/lheo/codes";
import { z } from "@/lib/validations/zod";
import { fieldErrors, type Validated } from "@/lib/validations/errors";
import {
  booleanField,
  communeField,
  dateField,
  distinctIds,
  emailField,
  phoneField,
  plainText,
  postcodeField,
  safeString,
  textField,
  type Mode,
} from "@/lib/validations/fields";

export const DOSSIER_LIMITS = {
  name: 250,
  addressLine: 50,
  contacts: 10,
  /** LHÉO `potentiel`: 25 Formacodes at most. */
  trainingFields: 25,
  means: 1500,
  website: 400,
} as const;

/** « 123 456 789 00012 », spaces typed by people removed; may wait in a draft. */
const siretField = (mode: Mode) =>
  safeString({ error: "Indiquez le numéro SIRET." })
    .transform((value) => value.replace(/\s/g, ""))
    .refine((value) => value === "" || /^\d{14}$/.test(value), "Un numéro SIRET a 14 chiffres.")
    .refine((value) => !/^\d{14}$/.test(value) || isValidSiret(value), "Ce numéro SIRET n’existe pas : vérifiez les chiffres (la clé de contrôle ne correspond pas).")
    .refine((value) => mode === "draft" || value !== "", "Indiquez le numéro SIRET.")
    .default("");

/**
 * Numéro de déclaration d’activité: 11 characters, the region's code (2 digits), the department's
 * (2 digits, 2A or 2B) and a 7-digit number, as the prefecture gives it.
 */
const activityNumberField = (mode: Mode) =>
  safeString({ error: "Indiquez le numéro de déclaration d’activité." })
    .transform((value) => value.replace(/\s/g, "").toUpperCase())
    .refine((value) => value === "" || /^\d{2}(\d{2}|2[AB])\d{7}$/.test(value), "Le numéro de déclaration d’activité a 11 caractères : 41 54 01234 54 s’écrit 41540123454.")
    .refine((value) => mode === "draft" || value !== "", "Indiquez le numéro de déclaration d’activité.")
    .default("");

const websiteField = plainText(DOSSIER_LIMITS.website, { singleLine: true }).refine(
  (value) => value === "" || /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(value),
  "Indiquez l’adresse complète du site, commençant par https:// (ou http://).",
);

function contactPersonSchema(mode: Mode) {
  return z
    .object({
      id: z.uuid("Ce contact n’a pas d’identifiant valide : rechargez la page."),
      name: textField(mode, { what: "le nom du contact", max: 50, min: 2, singleLine: true }),
      role: z.union([z.literal(""), z.enum(CONTACT_ROLE_CODES)], { error: "Choisissez le rôle dans la liste." }).default(""),
      phone: phoneField,
      email: emailField,
    })
    .refine((c) => mode === "draft" || c.phone !== "" || c.email !== "", {
      message: "Indiquez un téléphone ou une adresse électronique pour ce contact.",
      path: ["phone"],
    });
}

function dossierShape(mode: Mode) {
  return {
    legalName: textField(mode, { what: "la raison sociale", max: DOSSIER_LIMITS.name, min: 2, always: true, singleLine: true }),
    // The name the public knows, when it differs from the raison sociale.
    usualName: plainText(DOSSIER_LIMITS.name, { singleLine: true }).default(""),
    siret: siretField(mode),
    activityNumber: activityNumberField(mode),
    address: z.object({
      street: textField(mode, { what: "le numéro et la rue", max: DOSSIER_LIMITS.addressLine, singleLine: true }),
      street2: plainText(DOSSIER_LIMITS.addressLine, { singleLine: true }).default(""),
      postcode: postcodeField(mode),
      communeInsee: communeField(mode),
      communeName: plainText(120, { singleLine: true }).default(""),
    }),
    phone: phoneField.refine((value) => mode === "draft" || value !== "", "Indiquez le téléphone de l’organisme."),
    email: emailField.refine((value) => mode === "draft" || value !== "", "Indiquez l’adresse électronique de l’organisme."),
    website: websiteField.default(""),
    contacts: z
      .array(contactPersonSchema(mode))
      .max(DOSSIER_LIMITS.contacts, `Indiquez au plus ${DOSSIER_LIMITS.contacts} contacts.`)
      .refine(distinctIds, "Deux contacts portent le même identifiant.")
      .refine((contacts) => mode === "draft" || contacts.length > 0, "Indiquez au moins une personne à contacter.")
      .default([]),
    trainingFields: z
      .array(safeString({ error: "Choisissez les domaines dans la liste." }).regex(/^\d{5}$/, "Choisissez les domaines dans la liste."))
      .max(DOSSIER_LIMITS.trainingFields, `Choisissez au plus ${DOSSIER_LIMITS.trainingFields} domaines de formation.`)
      .refine((codes) => new Set(codes).size === codes.length, "Un même domaine est choisi deux fois.")
      .refine((codes) => mode === "draft" || codes.length > 0, "Choisissez au moins un domaine de formation.")
      .default([]),
    premises: textField(mode, { what: "vos locaux", max: DOSSIER_LIMITS.means, min: 10 }),
    equipment: plainText(DOSSIER_LIMITS.means).default(""),
    trainers: textField(mode, { what: "l’équipe de formateurs", max: DOSSIER_LIMITS.means, min: 10 }),
    qualiopi: booleanField,
    qualiopiDate: dateField(mode, { required: false }),
    otherCertifications: plainText(500).default(""),
    accessibility: textField(mode, { what: "l’accueil des personnes handicapées", max: DOSSIER_LIMITS.means, min: 10 }),
  };
}

export const dossierDraftSchema = z.object(dossierShape("draft"));
export const dossierContentSchema = z.object(dossierShape("submit")).superRefine((dossier, ctx) => {
  if (dossier.qualiopi && !dossier.qualiopiDate) {
    ctx.addIssue({ code: "custom", path: ["qualiopiDate"], message: "Indiquez la date de la certification Qualiopi." });
  }
});

export type DossierContent = z.output<typeof dossierDraftSchema>;
export type DossierFormValues = z.input<typeof dossierDraftSchema>;

/** The name shown to the public: the nom d’usage when there is one. */
export function displayName(dossier: Pick<DossierContent, "legalName" | "usualName">): string {
  return dossier.usualName || dossier.legalName;
}

export const DOSSIER_DRAFT_REFUSED = "Le dossier ne peut pas être enregistré : corrigez les champs signalés.";
export const DOSSIER_SUBMISSION_REFUSED = "Le dossier ne peut pas encore être envoyé : corrigez les champs signalés.";

export function validateDossierDraft(values: unknown): Validated<DossierContent> {
  const parsed = dossierDraftSchema.safeParse(values);
  if (!parsed.success) return { success: false, errors: fieldErrors(parsed.error), message: DOSSIER_DRAFT_REFUSED };
  return { success: true, data: parsed.data };
}

export function validateDossierSubmission(values: unknown, today: string): Validated<DossierContent> {
  const parsed = dossierContentSchema.safeParse(values);
  if (!parsed.success) return { success: false, errors: fieldErrors(parsed.error), message: DOSSIER_SUBMISSION_REFUSED };
  if (parsed.data.qualiopiDate && parsed.data.qualiopiDate > today) {
    return { success: false, errors: { qualiopiDate: "La date de certification ne peut pas être dans le futur." }, message: DOSSIER_SUBMISSION_REFUSED };
  }
  return { success: true, data: parsed.data };
}
