// Field schemas shared by every form of the product. Each takes the form's mode: a draft may
// leave a field empty (providers save as they go), a submission needs it. Both modes refuse what
// is malformed — what a person could not have meant, or a hand-made request — with a French
// message next to the field.

import { isIsoDate } from "@/lib/dates";
import { z } from "@/lib/validations/zod";

export type Mode = "draft" | "submit";

// Tab, line feed and carriage return are text; every other control character (NUL first among
// them) is not, and PostgreSQL refuses NUL in text and JSON.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_CHARACTER_GLOBAL = new RegExp(CONTROL_CHARACTER.source, "g");
// Half of a surrogate pair (half an emoji, from a bad copy and paste) cannot be stored as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /[\t\r\n]+/g;
// A tag such as <b>, </p> or <script …>: « < 26 ans » or « 3 < 4 » are still plain text.
const MARKUP = /<\s*\/?\s*[a-z!][^<>]*>/i;

/** Well-formed Unicode without control characters other than tab and line breaks. */
export function isStorableText(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(text) && !CONTROL_CHARACTER.test(text);
}

export const TEXT_ERRORS = {
  notText: "Ce champ doit contenir du texte.",
  invalidCharacters: "Ce texte contient des caractères invisibles ou invalides : retapez-le ou collez-le de nouveau.",
  markup: "N’utilisez pas de balises (< >) : écrivez le texte simplement, la mise en page est faite pour vous.",
  tooLong: (max: number) => `Ce texte est trop long : ${max.toLocaleString("fr-FR")} caractères au maximum.`,
  tooShort: (min: number) => `Ce texte est trop court : ${min} caractères au minimum.`,
  missing: (what: string) => `Indiquez ${what}.`,
} as const;

/**
 * The one way a string enters the product (every schema of lib/validations and of the server
 * actions starts here): well-formed Unicode without control characters, refused with a French
 * message before any other check — so a NUL or half an emoji never reaches PostgreSQL (which
 * refuses both) nor a log. A single-line field reads tabs and line breaks as spaces, as a text
 * box does when text is pasted into it.
 */
export function safeString({ error = TEXT_ERRORS.notText, singleLine = false }: { error?: string; singleLine?: boolean } = {}) {
  const text = z.string({ error }).refine(isStorableText, { message: TEXT_ERRORS.invalidCharacters, abort: true });
  return singleLine ? text.overwrite((value) => value.replace(LINE_BREAKS, " ")) : text;
}

/**
 * What a search box sends (a query string): never refused, since a search cannot be "wrong" —
 * invisible and invalid characters are dropped, the rest trimmed and cut at `max` characters.
 */
export function searchText(max: number) {
  return z
    .string()
    .transform((value) => value.replace(LONE_SURROGATE, "").replace(CONTROL_CHARACTER_GLOBAL, "").replace(LINE_BREAKS, " ").trim().slice(0, max))
    .catch("");
}

/**
 * Text as typed, trimmed: well-formed, without control characters or markup, at most `max`
 * characters; `singleLine` for a name, a title or an address line.
 */
export function plainText(max: number, { singleLine = false }: { singleLine?: boolean } = {}) {
  return safeString({ singleLine })
    .trim()
    .max(max, TEXT_ERRORS.tooLong(max))
    .refine((text) => !MARKUP.test(text), TEXT_ERRORS.markup);
}

/**
 * A text field: always well-formed; required (with `min` characters) on submission, or in both
 * modes when `always` is set; empty allowed in a draft.
 */
export function textField(mode: Mode, options: { what: string; max: number; min?: number; required?: boolean; always?: boolean; singleLine?: boolean }) {
  const { what, max, min = 1, required = true, always = false, singleLine = false } = options;
  const base = plainText(max, { singleLine });
  if (!required || (mode === "draft" && !always)) return base.default("");
  return base.refine((text) => text.length > 0, TEXT_ERRORS.missing(what)).refine((text) => text.length === 0 || text.length >= min, TEXT_ERRORS.tooShort(min));
}

const DATE_ERRORS = {
  missing: "Indiquez une date.",
  invalid: "Cette date n’est pas valide.",
  year: "Vérifiez l’année de cette date.",
};

/** A calendar day as YYYY-MM-DD (what <input type="date"> sends), between 2000 and 2099. */
export const isoDateSchema = safeString({ error: DATE_ERRORS.missing })
  .refine((value) => value !== "", DATE_ERRORS.missing)
  .refine((value) => value === "" || isIsoDate(value), DATE_ERRORS.invalid)
  .refine((value) => !isIsoDate(value) || (value >= "2000-01-01" && value <= "2099-12-31"), DATE_ERRORS.year);

/** A date that may stay empty (""), or must be given on submission when `required`. */
export function dateField(mode: Mode, { required = true }: { required?: boolean } = {}) {
  if (required && mode === "submit") return isoDateSchema;
  return z.union([z.literal(""), isoDateSchema], { error: DATE_ERRORS.invalid }).default("");
}

export interface IntegerMessages {
  missing: string;
  notWhole?: string;
  negative?: string;
  tooLarge?: string;
}

/**
 * A whole number as a form sends it (a string of digits) or as a JSON client sends it (a number).
 * Nothing else is read as a number: not `true`, not `[]`, not « 1e2 », not « 0x10 ». An empty
 * field is `null` — never zero, which would mean something (« complet »).
 */
export function integerField(mode: Mode, options: { max: number; required?: boolean; always?: boolean; messages: IntegerMessages }) {
  const { max, required = true, always = false, messages } = options;
  const notWhole = messages.notWhole ?? "Indiquez un nombre entier, en chiffres.";
  const negative = messages.negative ?? "Ce nombre ne peut pas être négatif.";
  const tooLarge = messages.tooLarge ?? `Indiquez au plus ${max.toLocaleString("fr-FR")}.`;
  const mustBeGiven = always || (required && mode === "submit");
  // `.optional()`: a field left out of the request is read as empty, as an emptied one is.
  return z.unknown().optional().transform((value, ctx): number | null => {
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    let number: number;
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      return mustBeGiven ? fail(messages.missing) : null;
    } else if (typeof value === "number") {
      if (!Number.isFinite(value)) return fail(notWhole);
      number = value;
    } else if (typeof value === "string" && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) {
      number = Number(value.trim().replace(",", "."));
    } else {
      return fail(notWhole);
    }
    if (!Number.isInteger(number)) return fail(notWhole);
    if (number < 0) return fail(negative);
    if (number > max) return fail(tooLarge);
    return number;
  });
}

/** The largest value of a PostgreSQL `integer` column (a version number, a counter). */
export const INTEGER_COLUMN_MAX = 2_147_483_647;

/**
 * A whole number a page sends as JSON (a version, an id): a real number, an integer, within what
 * its column holds — so `true`, « 12 » or 2^40 are refused here rather than by PostgreSQL.
 */
export function wholeNumber({ min = 0, max = INTEGER_COLUMN_MAX, error }: { min?: number; max?: number; error: string }) {
  return z.number({ error }).int(error).min(min, error).max(max, error);
}

/** A yes/no box: a real boolean, or the strings a form may send. */
export const booleanField = z
  .union([z.boolean(), z.enum(["true", "false", "on"])], { error: "Répondez par oui ou par non." })
  .transform((value) => value === true || value === "true" || value === "on")
  .default(false);

/** One of the codes of a list, or "" while not chosen (required on submission unless `required` is false). */
export function codeField<C extends string>(mode: Mode, codes: readonly [C, ...C[]], { what, required = true }: { what: string; required?: boolean }) {
  const choose = `Choisissez ${what} dans la liste.`;
  const known = z.enum(codes, { error: choose });
  if (required && mode === "submit") return known;
  return z.union([z.literal(""), known], { error: choose }).default("");
}

export const emailField = safeString({ error: "Indiquez une adresse électronique.", singleLine: true })
  .trim()
  .max(160, "Cette adresse est trop longue : 160 caractères au maximum.")
  .refine((value) => value === "" || z.email().safeParse(value).success, "Cette adresse électronique n’est pas valide : elle s’écrit nom@domaine.fr.")
  .default("");

/** A French telephone number (10 digits, or +33 and 9 digits), spaces and dots allowed; "" when not given. */
export const phoneField = safeString({ error: "Indiquez un numéro de téléphone.", singleLine: true })
  .trim()
  .max(25, "Ce numéro est trop long.")
  .refine((value) => value === "" || /^(?:0\d|\+33 ?\d)(?:[ .-]?\d{2}){4}$/.test(value), "Ce numéro n’est pas valide : il s’écrit 03 83 00 00 00 ou +33 3 83 00 00 00.")
  .default("");

/** Five digits; "" while not given in a draft (a submission must give it, even when the field is left out). */
export function postcodeField(mode: Mode) {
  const postcode = safeString({ error: "Indiquez le code postal.", singleLine: true })
    .trim()
    .refine((value) => value === "" || /^\d{5}$/.test(value), "Un code postal a cinq chiffres : 54000.");
  return mode === "draft" ? postcode.default("") : postcode.refine((value) => value !== "", "Indiquez le code postal.");
}

const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;

/** A commune chosen from the official list (its INSEE code), "" while not chosen in a draft. */
export function communeField(mode: Mode) {
  const commune = safeString({ error: "Choisissez une commune dans la liste." })
    .refine((value) => (value === "" ? mode === "draft" : INSEE_CODE.test(value)), "Choisissez une commune dans la liste.");
  return mode === "draft" ? commune.default("") : commune;
}

/** The longest name of a contact (LHÉO's `nom` and `prenom` are 50 characters each). */
export const CONTACT_NAME_MAX = 50;

/** Someone to contact: all three fields may stay empty (then another contact applies). */
export const contactSchema = z
  .object({
    name: plainText(CONTACT_NAME_MAX, { singleLine: true }).default(""),
    phone: phoneField,
    email: emailField,
  })
  .default({ name: "", phone: "", email: "" });

export type Contact = z.output<typeof contactSchema>;

/** Checks that the ids of a list's items are distinct: ids identify items from one version to the next. */
export function distinctIds(items: { id: string }[]): boolean {
  return new Set(items.map((item) => item.id)).size === items.length;
}
