import { z } from "@/lib/validations/zod";
import { isIsoDate } from "@/lib/dates";
import { earliestDiffusedStartDate } from "@/lib/diffusion";
import { fieldErrors } from "@/lib/validations/errors";

const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .min(min, `Ce texte est trop court : ${min} caractères au minimum.`)
    .max(max, `Ce texte est trop long : ${max} caractères au maximum.`);

export const isoDateSchema = z
  .string({ error: "Indiquez une date." })
  .refine((value) => value !== "", "Indiquez une date.")
  .refine((value) => value === "" || isIsoDate(value), "Cette date n’est pas valide.")
  .refine((value) => !isIsoDate(value) || (value >= "2000-01-01" && value <= "2099-12-31"), "Vérifiez l’année de cette date.");

export const sessionSchema = z
  .object({
    id: z.uuid(),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    communeInsee: z
      .string({ error: "Choisissez une commune dans la liste." })
      .regex(/^(\d{5}|2[AB]\d{3})$/, "Choisissez une commune dans la liste."),
    communeName: z.string().trim().max(120).default(""),
    // An emptied field is a missing number, not zero places (which would read « complet »).
    placesAvailable: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.coerce
        .number<unknown>({ error: "Indiquez un nombre de places." })
        .int("Indiquez un nombre entier de places.")
        .min(0, "Le nombre de places ne peut pas être négatif.")
        .max(999, "Indiquez au plus 999 places."),
    ),
  })
  .refine((s) => s.endDate >= s.startDate, {
    message: "La date de fin doit être postérieure à la date de début.",
    path: ["endDate"],
    // Checked as soon as both dates are valid, even while another field of the session is wrong.
    when: ({ value }) => {
      const { startDate, endDate } = (value ?? {}) as { startDate?: unknown; endDate?: unknown };
      return typeof startDate === "string" && typeof endDate === "string" && isIsoDate(startDate) && isIsoDate(endDate);
    },
  });

const titleSchema = requiredText("l’intitulé de la formation", 10, 200)
  .refine((t) => t !== t.toUpperCase() || !/[A-Z]{2}/.test(t), {
    message: "N’écrivez pas l’intitulé en majuscules : « Agent de propreté et d’hygiène », pas « AGENT DE PROPRETÉ ».",
  });

const contentFields = {
  title: titleSchema,
  objectives: requiredText("les objectifs", 20, 3000),
  content: requiredText("le contenu", 20, 6000),
  permanentEntry: z.boolean().default(false),
  sessions: z
    .array(sessionSchema)
    .max(60, "Indiquez au plus 60 sessions.")
    .refine((sessions) => new Set(sessions.map((s) => s.id)).size === sessions.length, "Deux sessions portent le même identifiant."),
};

/** The content of an action as submitted for validation: everything the public will read. */
export const actionContentSchema = z.object(contentFields).superRefine((value, ctx) => {
  if (!value.permanentEntry && value.sessions.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["sessions"],
      message: "Ajoutez au moins une session, ou cochez « Entrées et sorties permanentes ».",
    });
  }
});

/**
 * A draft may be incomplete (providers save as they go), but what it holds must already be well
 * formed: only the title is required, so that the draft can be found again in the list.
 */
export const actionDraftSchema = z.object({
  title: titleSchema,
  objectives: z.string().trim().max(3000, "Ce texte est trop long : 3000 caractères au maximum.").default(""),
  content: z.string().trim().max(6000, "Ce texte est trop long : 6000 caractères au maximum.").default(""),
  permanentEntry: z.boolean().default(false),
  sessions: contentFields.sessions.default([]),
});

export type ActionContent = z.output<typeof actionDraftSchema>;
export type ActionFormValues = z.input<typeof actionDraftSchema>;
export type SessionContent = z.output<typeof sessionSchema>;

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
        "Cette session a commencé il y a plus de 8 jours : elle ne serait pas publiée. Supprimez-la ou corrigez sa date.";
    }
  });
  return errors;
}

export const DRAFT_REFUSED = "Le brouillon ne peut pas être enregistré : corrigez les champs signalés.";
export const SUBMISSION_REFUSED = "L’action ne peut pas encore être envoyée : corrigez les champs signalés.";

/** The outcome of checking what a form sent: the parsed content, or French errors by field path. */
export type Validated<T> = { success: true; data: T } | { success: false; errors: Record<string, string>; message: string };

/** « Enregistrer le brouillon »: the checks the browser runs before sending and the server runs again. */
export function validateDraft(values: unknown): Validated<ActionContent> {
  const parsed = actionDraftSchema.safeParse(values);
  if (!parsed.success) return { success: false, errors: fieldErrors(parsed.error), message: DRAFT_REFUSED };
  return { success: true, data: parsed.data };
}

/** « Envoyer pour validation »: the complete content, and no session already withdrawn on `today`. */
export function validateSubmission(values: unknown, today: string): Validated<ActionContent> {
  const parsed = actionContentSchema.safeParse(values);
  if (!parsed.success) return { success: false, errors: fieldErrors(parsed.error), message: SUBMISSION_REFUSED };
  const late = withdrawnSessionErrors(parsed.data, today);
  if (Object.keys(late).length > 0) return { success: false, errors: late, message: SUBMISSION_REFUSED };
  return { success: true, data: parsed.data };
}

export const formacodeSchema = z.string().regex(/^\d{5}$/, "Un code Formacode a cinq chiffres.");

export const codificationSchema = z.object({
  formacodes: z
    .array(formacodeSchema)
    .min(1, "Choisissez au moins un code Formacode.")
    .max(5, "Choisissez au plus cinq codes Formacode.")
    .refine((codes) => new Set(codes).size === codes.length, "Un même code Formacode est choisi deux fois."),
});

export type Codification = z.output<typeof codificationSchema>;

export const rejectionSchema = z.object({
  reason: z
    .string({ error: "Indiquez le motif du refus." })
    .trim()
    .min(1, "Indiquez le motif du refus.")
    .min(10, "Expliquez le motif en une phrase au moins (10 caractères).")
    .max(2000, "Le motif est trop long : 2000 caractères au maximum."),
});

export const emptyActionContent = (): ActionFormValues => ({
  title: "",
  objectives: "",
  content: "",
  permanentEntry: false,
  sessions: [],
});
