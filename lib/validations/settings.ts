// Settings staff edit in the product rather than in the code (R10: whom providers call when they
// lose their codes; the stock reasons offered when refusing). Each key has its schema and its
// value when nothing was saved yet.

import { z } from "@/lib/validations/zod";
import { emailField, phoneField, plainText } from "@/lib/validations/fields";

export const accessContactSchema = z
  .object({
    name: plainText(80, { singleLine: true }).default(""),
    phone: phoneField,
    email: emailField,
    // Opening hours, or the text of the old single-line setting.
    details: plainText(300).default(""),
  })
  .refine((c) => c.phone !== "" || c.email !== "" || c.details !== "", {
    message: "Indiquez au moins un téléphone ou une adresse électronique.",
    path: ["phone"],
  });

export type AccessContact = z.output<typeof accessContactSchema>;

export const rejectionReasonSchema = z.object({
  id: z.uuid("Ce motif n’a pas d’identifiant valide : rechargez la page."),
  label: plainText(80, { singleLine: true }).refine((label) => label.length >= 3, "Donnez un nom court au motif (3 caractères au moins)."),
  text: plainText(2000).refine((text) => text.length >= 10, "Écrivez le motif en une phrase au moins (10 caractères)."),
});

export const rejectionReasonsSchema = z.array(rejectionReasonSchema).max(20, "Gardez au plus 20 motifs types.");

export type RejectionReason = z.output<typeof rejectionReasonSchema>;

export const SETTINGS = {
  accessContact: {
    key: "access_contact",
    schema: accessContactSchema,
    fallback: {
      name: "",
      phone: "",
      email: "",
      details: "Pour obtenir ou retrouver vos codes confidentiels, contactez l’équipe du centre régional d’information sur la formation.",
    } as AccessContact,
  },
  rejectionReasons: {
    key: "rejection_reasons",
    schema: rejectionReasonsSchema,
    fallback: [] as RejectionReason[],
  },
} as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = (typeof SETTINGS)[N]["fallback"];
