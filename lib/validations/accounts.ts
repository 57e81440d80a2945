// R10: accounts and their codes — a new organisation with its first user, staff accounts, and the
// password a person chooses in place of the temporary one the centre gave.

import { z } from "@/lib/validations/zod";
import { communeField, emailField, integerField, plainText, postcodeField, safeString, searchText } from "@/lib/validations/fields";
import { dossierContentSchema, dossierDraftSchema } from "@/lib/validations/organisation";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_ERRORS = {
  tooShort: `Choisissez un mot de passe d’au moins ${PASSWORD_MIN_LENGTH}\u00a0caractères\u00a0: une phrase de quatre ou cinq mots fait l’affaire.`,
  tooLong: `Ce mot de passe est trop long\u00a0: ${PASSWORD_MAX_LENGTH}\u00a0caractères au maximum.`,
  mismatch: "Les deux mots de passe ne sont pas identiques\u00a0: tapez le même dans les deux champs.",
  identifier: "Votre mot de passe ne doit pas contenir votre identifiant\u00a0: choisissez-en un autre.",
  common: "Ce mot de passe fait partie des plus courants\u00a0: il serait deviné en quelques essais. Choisissez une phrase de quatre ou cinq mots à vous.",
  weak: "Ce mot de passe serait trop facile à deviner\u00a0: ajoutez des mots, évitez les suites de touches, les dates et les prénoms seuls.",
  sameAsTemporary: "Choisissez un mot de passe différent des codes provisoires qui vous ont été remis.",
  sameAsCurrent: "Choisissez un mot de passe différent de celui que vous utilisez aujourd’hui.",
  currentMissing: "Indiquez votre mot de passe actuel.",
  currentWrong: "Ce n’est pas votre mot de passe actuel\u00a0: vérifiez-le, en respectant les majuscules.",
} as const;

/**
 * The rule the schema cannot check alone, because it needs the person's identifier: the password
 * neither is nor contains it (case ignored). The form checks it as the server does.
 */
export function passwordIdentifierError(password: string, identifier: string): string | undefined {
  const id = identifier.trim().toLowerCase();
  return id !== "" && password.toLowerCase().includes(id) ? PASSWORD_ERRORS.identifier : undefined;
}

/**
 * « Choisissez votre mot de passe »: the new one twice. The current one is asked for a voluntary
 * change only (after a reset, the person has nothing but the temporary codes they just typed).
 */
export const passwordChangeSchema = z
  .object({
    currentPassword: safeString({ error: PASSWORD_ERRORS.currentMissing }).max(PASSWORD_MAX_LENGTH, PASSWORD_ERRORS.tooLong).default(""),
    password: safeString({ error: PASSWORD_ERRORS.tooShort }).min(PASSWORD_MIN_LENGTH, PASSWORD_ERRORS.tooShort).max(PASSWORD_MAX_LENGTH, PASSWORD_ERRORS.tooLong),
    confirmation: safeString({ error: PASSWORD_ERRORS.mismatch }),
  })
  .refine((values) => values.password === values.confirmation, { path: ["confirmation"], message: PASSWORD_ERRORS.mismatch });

export type PasswordChangeValues = z.input<typeof passwordChangeSchema>;

const personName = plainText(80, { singleLine: true }).refine((name) => name.length >= 2, "Indiquez le prénom et le nom de la personne.");
const personEmail = emailField.refine((email) => email !== "", "Indiquez l’adresse électronique de la personne.");

/**
 * « Créer l’organisme »: what staff know of a new organisation (the dossier completes it) and of its
 * first user. The raison sociale, SIRET and contact address are the dossier's own fields; the
 * street may wait for the dossier, the commune and its postcode may not.
 */
export const newOrganisationSchema = z.object({
  name: dossierContentSchema.shape.legalName,
  siret: dossierContentSchema.shape.siret,
  address: dossierDraftSchema.shape.address.extend({ postcode: postcodeField("submit"), communeInsee: communeField("submit") }),
  email: dossierContentSchema.shape.email,
  userName: personName,
  userEmail: personEmail,
});

export type NewOrganisationValues = z.input<typeof newOrganisationSchema>;
export type NewOrganisation = z.output<typeof newOrganisationSchema>;

export const STAFF_ACCOUNT_ROLES = ["staff", "admin"] as const;
export type StaffAccountRole = (typeof STAFF_ACCOUNT_ROLES)[number];

export const ROLE_LABELS: Record<"provider" | StaffAccountRole, string> = {
  provider: "Organisme de formation",
  staff: "Chargé d’information",
  admin: "Administrateur",
};

const staffRole = z.enum(STAFF_ACCOUNT_ROLES, { error: "Choisissez le rôle dans la liste." });

/** « Créer le compte » (administrators): a member of the centre's team. */
export const newStaffAccountSchema = z.object({
  displayName: personName,
  email: personEmail,
  role: staffRole,
});

export type NewStaffAccountValues = z.input<typeof newStaffAccountSchema>;

const userId = z.uuid("Ce compte est introuvable.");

export const userRefSchema = z.object({ userId });
export const userDisabledSchema = z.object({ userId, disabled: z.boolean({ error: "Indiquez s’il faut désactiver ou réactiver le compte." }) });
export const userRoleSchema = z.object({ userId, role: staffRole });

/** The staff list of organisations: words of the name or town, or digits of the SIRET; page from 1. */
export const organisationSearchSchema = z.object({
  q: searchText(100),
  // Digits only: « 1e2 » or « 0x10 » are not page numbers.
  page: integerField("submit", { max: 10_000, messages: { missing: "Indiquez un numéro de page." } })
    .refine((page) => page !== null && page >= 1)
    .transform((page) => page ?? 1)
    .catch(1),
});
