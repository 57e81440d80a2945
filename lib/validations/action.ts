// The content of a training action, as the provider enters it: what LHÉO 2.3 needs for a
// `formation` with its `action` and `session`s (db/reference/lheo/), with LHÉO's limits. A revision
// stores it as JSONB; the form, the server actions, the seed and the import all check it here.
//
// One schema, two modes: a draft is well formed but may be incomplete; a submission
// (« Envoyer pour validation ») is complete. `validateDraft` and `validateSubmission` are the two
// entry points, called by the form in the browser and again by the server actions.

import { z } from "@/lib/validations/zod";
import { isIsoDate } from "@/lib/dates";
import { earliestDiffusedStartDate } from "@/lib/diffusion";
import { fundingSentence, hasPublicFunder, FUNDING_SENTENCE_MAX } from "@/lib/funding";
import {
  CERTIFICATION_REGISTER_CODES,
  FUNDER_CODES,
  FUNDING_KIND_CODES,
  LEVEL_CODES,
  MODULAR_PATHWAY,
  PATHWAY_CODES,
  RECRUITMENT_CODES,
  TEACHING_MODE_CODES,
} from "@/lib/lheo/codes";
import { blockingIssues, checkPlainLanguage } from "@/lib/plain-language/check";
import { fieldErrors, type Validated } from "@/lib/validations/errors";
import {
  TEXT_ERRORS,
  booleanField,
  codeField,
  communeField,
  contactSchema,
  dateField,
  distinctIds,
  integerField,
  plainText,
  safeString,
  postcodeField,
  textField,
  type Mode,
} from "@/lib/validations/fields";

export { isoDateSchema } from "@/lib/validations/fields";

/** LHÉO limits (lheo-2.3.xsd) the form enforces, so that every approved action can be transmitted. */
export const LIMITS = {
  title: 255,
  longText: 3000,
  /** Prérequis and conditions spécifiques share LHÉO's `conditions-specifiques` (3 000). */
  conditions: 1400,
  accessibility: 250,
  addressLine: 50,
  moduleTitle: 255,
  moduleContent: 1000,
  fundingComment: 300,
  certificationCode: 10,
  sessions: 60,
  modules: 40,
  /** LHÉO allows 8 `organisme-financeur` per action. */
  funders: 8,
  /** LHÉO allows 10 `code-public-vise` per action. */
  publicCodes: 10,
  hours: 9999,
  places: 999,
  price: 999_999,
} as const;

/**
 * Required even in a draft (so that it can be found again). What the plain-language checker
 * blocks (R3: in capitals, only a code or an acronym) is refused in both modes, and said before
 * the length, which it explains better.
 */
function titleField() {
  return plainText(LIMITS.title, { singleLine: true })
    .refine((title) => title.length > 0, TEXT_ERRORS.missing("l’intitulé de la formation"))
    .superRefine((title, ctx) => {
      const [blocking] = blockingIssues(checkPlainLanguage(title, "title"));
      if (blocking) ctx.addIssue({ code: "custom", message: blocking.message });
    })
    .refine((title) => title.length === 0 || title.length >= 10, TEXT_ERRORS.tooShort(10));
}

const placesMessages = {
  missing: "Indiquez un nombre de places.",
  notWhole: "Indiquez un nombre entier de places.",
  negative: "Le nombre de places ne peut pas être négatif.",
  tooLarge: `Indiquez au plus ${LIMITS.places} places.`,
};

function sessionSchema(mode: Mode) {
  return z
    .object({
      id: z.uuid("Cette session n’a pas d’identifiant valide : rechargez la page."),
      startDate: dateField(mode),
      endDate: dateField(mode),
      // The place of the session, where one also registers (LHÉO `adresse-inscription`).
      address: z.object({
        street: textField(mode, { what: "le numéro et la rue", max: LIMITS.addressLine, singleLine: true }),
        street2: plainText(LIMITS.addressLine, { singleLine: true }).default(""),
        postcode: postcodeField(mode),
        communeInsee: communeField(mode),
        communeName: plainText(120, { singleLine: true }).default(""),
      }),
      placesTotal: integerField(mode, { max: LIMITS.places, messages: { ...placesMessages, missing: "Indiquez le nombre total de places." } }),
      placesAvailable: integerField(mode, { max: LIMITS.places, messages: placesMessages }),
      recruitment: codeField(mode, RECRUITMENT_CODES, { what: "l’état du recrutement" }),
      // Whom to call to register, when not the contact of the action.
      contact: contactSchema,
    })
    .refine((s) => s.endDate >= s.startDate, {
      message: "La date de fin doit être postérieure à la date de début.",
      path: ["endDate"],
      // Checked as soon as both dates are valid, even while another field of the session is wrong.
      when: ({ value }) => {
        const { startDate, endDate } = (value ?? {}) as { startDate?: unknown; endDate?: unknown };
        return typeof startDate === "string" && typeof endDate === "string" && isIsoDate(startDate) && isIsoDate(endDate);
      },
    })
    .refine((s) => s.placesAvailable === null || s.placesTotal === null || s.placesAvailable <= s.placesTotal, {
      message: "Il ne peut pas rester plus de places que le nombre total de places.",
      path: ["placesAvailable"],
    });
}

function moduleSchema(mode: Mode) {
  return z.object({
    id: z.uuid("Ce module n’a pas d’identifiant valide : rechargez la page."),
    title: textField(mode, { what: "le titre du module", max: LIMITS.moduleTitle, min: 3, singleLine: true }),
    content: plainText(LIMITS.moduleContent).default(""),
    hours: integerField(mode, {
      max: LIMITS.hours,
      messages: { missing: "Indiquez la durée du module en heures.", notWhole: "Indiquez un nombre entier d’heures.", tooLarge: `Indiquez au plus ${LIMITS.hours} heures.` },
    }),
  });
}

function funderSchema(mode: Mode) {
  return z.object({
    id: z.uuid("Ce financeur n’a pas d’identifiant valide : rechargez la page."),
    code: z.enum(FUNDER_CODES, { error: "Choisissez le financeur dans la liste." }),
    places: integerField(mode, { max: LIMITS.places, required: false, messages: { ...placesMessages, missing: "Indiquez le nombre de places financées." } }),
  });
}

function list<T extends z.ZodType<{ id: string }>>(item: T, max: number, tooMany: string, duplicate: string) {
  return z
    .array(item)
    .max(max, tooMany)
    .refine((items) => distinctIds(items), duplicate)
    .default([]);
}

const hoursMessages = (what: string) => ({
  missing: `Indiquez le nombre d’heures ${what}, 0 s’il n’y en a pas.`,
  notWhole: "Indiquez un nombre entier d’heures.",
  tooLarge: `Indiquez au plus ${LIMITS.hours} heures.`,
});

function actionShape(mode: Mode) {
  return {
    // --- the training (LHÉO `formation`)
    title: titleField(),
    objectives: textField(mode, { what: "les objectifs", max: LIMITS.longText, min: 20 }),
    results: textField(mode, { what: "les résultats attendus", max: LIMITS.longText, min: 20 }),
    content: textField(mode, { what: "le contenu", max: LIMITS.longText, min: 20 }),
    certifying: booleanField,
    certification: z
      .object({
        register: z.union([z.literal(""), z.enum(CERTIFICATION_REGISTER_CODES)], { error: "Choisissez le répertoire dans la liste." }).default(""),
        code: safeString({ error: "Indiquez le numéro de la fiche.", singleLine: true })
          .trim()
          .toUpperCase()
          .transform((code) => code.replace(/^(RNCP|RS)\s*/, ""))
          .refine((code) => code === "" || /^\d{1,10}$/.test(code), "Indiquez le numéro de la fiche en chiffres : 34828 pour la fiche RNCP34828.")
          .default(""),
        label: plainText(LIMITS.title, { singleLine: true }).default(""),
      })
      .default({ register: "", code: "", label: "" }),
    pathway: codeField(mode, PATHWAY_CODES, { what: "le type de parcours" }),
    entryLevel: codeField(mode, LEVEL_CODES, { what: "le niveau d’entrée" }),
    exitLevel: codeField(mode, LEVEL_CODES, { what: "le niveau de sortie" }),
    // Whom the public calls about this training; empty: the organisation's contact.
    contact: contactSchema,

    // --- who it is for (LHÉO `action`)
    publicCodes: z
      .array(safeString({ error: "Choisissez les publics dans la liste." }).regex(/^\d{5}$/, "Choisissez les publics dans la liste."))
      .max(LIMITS.publicCodes, `Choisissez au plus ${LIMITS.publicCodes} publics.`)
      .refine((codes) => new Set(codes).size === codes.length, "Un même public est choisi deux fois.")
      .default([]),
    prerequisites: plainText(LIMITS.conditions).default(""),
    entryLevelMandatory: booleanField,
    specificConditions: plainText(LIMITS.conditions).default(""),
    accessibility: plainText(LIMITS.accessibility).default(""),

    // --- how it runs
    rhythm: textField(mode, { what: "le rythme de la formation", max: LIMITS.longText, min: 5 }),
    teachingMode: codeField(mode, TEACHING_MODE_CODES, { what: "les modalités d’enseignement" }),
    hoursCentre: integerField(mode, { max: LIMITS.hours, messages: hoursMessages("en centre") }),
    hoursCompany: integerField(mode, { max: LIMITS.hours, messages: hoursMessages("en entreprise") }),
    alternance: plainText(LIMITS.longText).default(""),
    permanentEntry: booleanField,

    // --- price and funding (R1, R5)
    free: booleanField,
    price: integerField(mode, {
      max: LIMITS.price,
      required: false,
      messages: { missing: "Indiquez le prix en euros.", notWhole: "Indiquez le prix en euros, sans centimes.", tooLarge: "Ce prix paraît trop élevé : vérifiez-le." },
    }),
    costCoverage: booleanField,
    funders: list(funderSchema(mode), LIMITS.funders, `Indiquez au plus ${LIMITS.funders} financeurs.`, "Deux financeurs portent le même identifiant."),
    funding: z
      .object({
        notifiedOn: dateField(mode, { required: false }),
        voteDate: dateField(mode, { required: false }),
        kind: z.union([z.literal(""), z.enum(FUNDING_KIND_CODES)], { error: "Choisissez le type de financement dans la liste." }).default(""),
        comment: plainText(LIMITS.fundingComment).default(""),
      })
      .default({ notifiedOn: "", voteDate: "", kind: "", comment: "" }),

    // --- programme (R4) and sessions (R9)
    modules: list(moduleSchema(mode), LIMITS.modules, `Indiquez au plus ${LIMITS.modules} modules.`, "Deux modules portent le même identifiant."),
    sessions: list(sessionSchema(mode), LIMITS.sessions, `Indiquez au plus ${LIMITS.sessions} sessions.`, "Deux sessions portent le même identifiant."),
  };
}

export const actionDraftSchema = z.object(actionShape("draft"));

export type ActionContent = z.output<typeof actionDraftSchema>;
export type ActionFormValues = z.input<typeof actionDraftSchema>;
export type SessionContent = ActionContent["sessions"][number];
export type ModuleContent = ActionContent["modules"][number];
export type FunderContent = ActionContent["funders"][number];

export function totalHours(content: Pick<ActionContent, "hoursCentre" | "hoursCompany">): number {
  return (content.hoursCentre ?? 0) + (content.hoursCompany ?? 0);
}

/** R4: the sum of the modules' durations (modules without one count for nothing). */
export function moduleHours(modules: { hours: number | null }[]): number {
  return modules.reduce((sum, module) => sum + (module.hours ?? 0), 0);
}

/**
 * What a complete action needs beyond its fields, checked on submission only: each rule points
 * at the field to fix.
 */
function completenessIssues(content: ActionContent): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  if (!content.permanentEntry && content.sessions.length === 0) {
    add(["sessions"], "Ajoutez au moins une session, ou cochez « Entrées et sorties permanentes ».");
  }
  if (content.publicCodes.length === 0) add(["publicCodes"], "Choisissez au moins un public visé.");
  if (content.certifying) {
    if (!content.certification.register) add(["certification", "register"], "Choisissez le répertoire de la certification.");
    if (!content.certification.code) add(["certification", "code"], "Indiquez le numéro de la fiche de la certification.");
    if (!content.certification.label) add(["certification", "label"], "Indiquez l’intitulé de la certification.");
  }
  const total = totalHours(content);
  if (content.hoursCentre !== null && content.hoursCompany !== null && total === 0) {
    add(["hoursCentre"], "Indiquez la durée de la formation en heures.");
  }
  if ((content.hoursCompany ?? 0) > 0 && !content.alternance) {
    add(["alternance"], "Décrivez comment la formation alterne entre le centre et l’entreprise.");
  }
  if (!content.free && content.price === null) add(["price"], "Indiquez le prix, ou cochez « Gratuit pour la personne formée ».");

  // R4: a modular course lists its modules, each with its duration, and they add up to the total.
  if (content.pathway === MODULAR_PATHWAY) {
    if (content.modules.length < 2) add(["modules"], "Un parcours modulaire compte au moins deux modules : décrivez-les avec leur durée.");
    else if (content.modules.every((m) => m.hours !== null) && total > 0 && moduleHours(content.modules) !== total) {
      add(
        ["modules"],
        `La somme des durées des modules (${moduleHours(content.modules)} heures) doit être égale à la durée totale (${total} heures).`,
      );
    }
  }

  // R1, R5: a publicly funded action states the date of the vote or decision that retained it.
  if (hasPublicFunder(content.funders) && !content.funding.voteDate) {
    add(["funding", "voteDate"], "Indiquez la date du vote ou de la décision du financeur public : elle figure dans la phrase publiée.");
  }
  const codes = content.funders.map((f) => f.code);
  codes.forEach((code, index) => {
    if (codes.indexOf(code) !== index) add(["funders", index, "code"], "Ce financeur est déjà dans la liste.");
  });
  if ((fundingSentence(content)?.length ?? 0) > FUNDING_SENTENCE_MAX) {
    add(["funding", "comment"], `La phrase de financement publiée dépasserait ${FUNDING_SENTENCE_MAX} caractères : raccourcissez le commentaire.`);
  }
  return issues;
}

export const actionContentSchema = z.object(actionShape("submit")).superRefine((content, ctx) => {
  for (const issue of completenessIssues(content)) ctx.addIssue({ code: "custom", ...issue });
});

/**
 * On « Envoyer pour validation »: a session that started more than 8 days ago would never be
 * published (R9), so the provider is told now rather than finding it missing after approval.
 */
export function withdrawnSessionErrors(content: { sessions: { startDate: string }[] }, today: string) {
  const earliest = earliestDiffusedStartDate(today);
  const errors: Record<string, string> = {};
  content.sessions.forEach((session, index) => {
    if (isIsoDate(session.startDate) && session.startDate < earliest) {
      errors[`sessions.${index}.startDate`] =
        "Cette session a commencé il y a plus de 8 jours : elle ne serait pas publiée. Supprimez-la ou corrigez sa date.";
    }
  });
  return errors;
}

/** Dates that cannot be right on `today`: a vote that has not happened yet. */
function futureDecisionErrors(content: ActionContent, today: string) {
  const errors: Record<string, string> = {};
  if (content.funding.voteDate && content.funding.voteDate > today) {
    errors["funding.voteDate"] = "La date du vote ne peut pas être dans le futur : indiquez celle de la décision déjà prise.";
  }
  if (content.funding.notifiedOn && content.funding.notifiedOn > today) {
    errors["funding.notifiedOn"] = "La date de notification ne peut pas être dans le futur.";
  }
  return errors;
}

export const DRAFT_REFUSED = "Le brouillon ne peut pas être enregistré : corrigez les champs signalés.";
export const SUBMISSION_REFUSED = "L’action ne peut pas encore être envoyée : corrigez les champs signalés.";

/** « Enregistrer le brouillon »: the checks the browser runs before sending and the server runs again. */
export function validateDraft(values: unknown): Validated<ActionContent> {
  const parsed = actionDraftSchema.safeParse(values);
  if (!parsed.success) return { success: false, errors: fieldErrors(parsed.error), message: DRAFT_REFUSED };
  return { success: true, data: parsed.data };
}

/** « Envoyer pour validation »: the complete content, and nothing already out of date on `today`. */
export function validateSubmission(values: unknown, today: string): Validated<ActionContent> {
  const parsed = actionContentSchema.safeParse(values);
  if (!parsed.success) {
    // Zod skips the rules across fields while a field is wrong: run them on the draft reading, so
    // that everything to fix is said at once.
    const errors = fieldErrors(parsed.error);
    const draft = actionDraftSchema.safeParse(values);
    if (draft.success) for (const issue of completenessIssues(draft.data)) errors[issue.path.join(".")] ??= issue.message;
    return { success: false, errors, message: SUBMISSION_REFUSED };
  }
  const errors = { ...withdrawnSessionErrors(parsed.data, today), ...futureDecisionErrors(parsed.data, today) };
  if (Object.keys(errors).length > 0) return { success: false, errors, message: SUBMISSION_REFUSED };
  return { success: true, data: parsed.data };
}

export const formacodeSchema = safeString({ error: "Un code Formacode a cinq chiffres." }).regex(/^\d{5}$/, "Un code Formacode a cinq chiffres.");

const distinct = (codes: string[]) => new Set(codes).size === codes.length;

/**
 * R2: what staff give before « Valider »: one to five Formacodes, up to five ROME codes, one NSF
 * code and the level, where they apply.
 */
export const codificationSchema = z.object({
  formacodes: z
    .array(formacodeSchema)
    .min(1, "Choisissez au moins un code Formacode.")
    .max(5, "Choisissez au plus cinq codes Formacode.")
    .refine(distinct, "Un même code Formacode est choisi deux fois."),
  romeCodes: z
    .array(safeString({ error: "Un code ROME a une lettre et quatre chiffres : F1703." }).regex(/^[A-Z]\d{4}$/, "Un code ROME a une lettre et quatre chiffres : F1703."))
    .max(5, "Choisissez au plus cinq codes ROME.")
    .refine(distinct, "Un même code ROME est choisi deux fois.")
    .default([]),
  nsfCode: z.union([z.literal(""), safeString({ error: "Un code NSF a trois chiffres : 233." }).regex(/^\d{3}$/, "Un code NSF a trois chiffres : 233.")]).default(""),
  level: z.union([z.literal(""), z.enum(LEVEL_CODES)], { error: "Choisissez le niveau dans la liste." }).default(""),
});

export type Codification = z.output<typeof codificationSchema>;
export type CodificationInput = z.input<typeof codificationSchema>;

export const rejectionSchema = z.object({
  reason: safeString({ error: "Indiquez le motif du refus." })
    .trim()
    .min(1, "Indiquez le motif du refus.")
    .min(10, "Expliquez le motif en une phrase au moins (10 caractères).")
    .max(2000, "Le motif est trop long : 2000 caractères au maximum."),
});

/** A new, empty action as the form starts it. */
export function emptyActionContent(): ActionContent {
  return {
    title: "",
    objectives: "",
    results: "",
    content: "",
    certifying: false,
    certification: { register: "", code: "", label: "" },
    pathway: "",
    entryLevel: "",
    exitLevel: "",
    contact: { name: "", phone: "", email: "" },
    publicCodes: [],
    prerequisites: "",
    entryLevelMandatory: false,
    specificConditions: "",
    accessibility: "",
    rhythm: "",
    teachingMode: "",
    hoursCentre: null,
    hoursCompany: null,
    alternance: "",
    permanentEntry: false,
    free: false,
    price: null,
    costCoverage: false,
    funders: [],
    funding: { notifiedOn: "", voteDate: "", kind: "", comment: "" },
    modules: [],
    sessions: [],
  };
}
