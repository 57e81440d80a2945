// What staff send when they decide on a submission (R2): the codification, and the wording they
// corrected before approving (typos, an acronym written out). Staff correct words, never facts:
// dates, places and funders stay the provider's. The corrected content must still be complete.

import { z } from "@/lib/validations/zod";
import { actionContentSchema, codificationSchema, LIMITS, rejectionSchema, type ActionContent } from "@/lib/validations/action";
import { fieldErrors, type Validated } from "@/lib/validations/errors";
import { plainText } from "@/lib/validations/fields";

export { rejectionSchema };

/** The free-text fields staff may reword, with their LHÉO limits (the content schema checks them again). */
export const REWORDABLE_FIELDS = [
  "title",
  "objectives",
  "results",
  "content",
  "prerequisites",
  "specificConditions",
  "accessibility",
  "rhythm",
  "alternance",
] as const;

export type RewordableField = (typeof REWORDABLE_FIELDS)[number];

const optionalText = (max: number, singleLine = false) => plainText(max, { singleLine }).optional();

export const wordingSchema = z
  .object({
    title: optionalText(LIMITS.title, true),
    objectives: optionalText(LIMITS.longText),
    results: optionalText(LIMITS.longText),
    content: optionalText(LIMITS.longText),
    prerequisites: optionalText(LIMITS.conditions),
    specificConditions: optionalText(LIMITS.conditions),
    accessibility: optionalText(LIMITS.accessibility),
    rhythm: optionalText(LIMITS.longText),
    alternance: optionalText(LIMITS.longText),
    certificationLabel: optionalText(LIMITS.title, true),
    fundingComment: optionalText(LIMITS.fundingComment),
    modules: z
      .array(
        z.object({
          id: z.uuid("Ce module est introuvable : rechargez la page."),
          title: plainText(LIMITS.moduleTitle, { singleLine: true }),
          content: plainText(LIMITS.moduleContent),
        }),
      )
      .max(LIMITS.modules)
      .optional(),
  })
  .default({});

export type Wording = z.output<typeof wordingSchema>;

/** « Valider »: the codification, and the wording as staff leave it. */
export const approvalSchema = codificationSchema.extend({ wording: wordingSchema });

/**
 * The time of the submission staff opened, sent back with their decision: a provider may withdraw
 * it and send it again meanwhile (db/queries/submission-check.ts).
 */
export const submissionSeenSchema = z.iso.datetime("Rechargez la page\u00a0: la demande examinée n’est pas identifiée.");

/** The submitted content with staff's wording applied; modules are matched by id, unknown ones ignored. */
export function applyWording(content: ActionContent, wording: Wording): ActionContent {
  const next: ActionContent = { ...content };
  for (const field of REWORDABLE_FIELDS) {
    const value = wording[field];
    if (value !== undefined) next[field] = value;
  }
  if (wording.certificationLabel !== undefined) next.certification = { ...content.certification, label: wording.certificationLabel };
  if (wording.fundingComment !== undefined) next.funding = { ...content.funding, comment: wording.fundingComment };
  if (wording.modules) {
    const byId = new Map(wording.modules.map((m) => [m.id, m]));
    next.modules = content.modules.map((m) => {
      const edit = byId.get(m.id);
      return edit ? { ...m, title: edit.title, content: edit.content } : m;
    });
  }
  return next;
}

export const REWORDED_CONTENT_REFUSED = "La rédaction corrigée ne peut pas être validée : corrigez les champs signalés.";

/**
 * The content staff approve: the submission with their wording, still complete (a correction
 * cannot empty a required field or break a rule). Errors point at the wording fields.
 */
export function validateRewording(content: ActionContent, wording: Wording): Validated<{ content: ActionContent; changed: boolean }> {
  const reworded = applyWording(content, wording);
  const parsed = actionContentSchema.safeParse(reworded);
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([path, message]) => [wordingPath(path), message]),
    );
    return { success: false, errors, message: REWORDED_CONTENT_REFUSED };
  }
  return { success: true, data: { content: parsed.data, changed: wordingDiffers(content, parsed.data) } };
}

/** Whether any text staff may reword differs (the rest of the content is the provider's, untouched). */
function wordingDiffers(before: ActionContent, after: ActionContent): boolean {
  return (
    REWORDABLE_FIELDS.some((field) => before[field] !== after[field]) ||
    before.certification.label !== after.certification.label ||
    before.funding.comment !== after.funding.comment ||
    before.modules.some((m, i) => m.title !== after.modules[i]?.title || m.content !== after.modules[i]?.content)
  );
}

/** Where a content error shows in the review form: « certification.label » is « wording.certificationLabel ». */
function wordingPath(path: string): string {
  if (path === "certification.label") return "wording.certificationLabel";
  if (path === "funding.comment") return "wording.fundingComment";
  if ((REWORDABLE_FIELDS as readonly string[]).includes(path) || path.startsWith("modules.")) return `wording.${path}`;
  return path;
}
