// R5: the public funding sentence. For a publicly funded action it always states the date of the
// vote or decision that retained it; the product writes it from structured fields rather than
// trusting a free comment to mention the date. Shown on the public page and, in LHÉO,
// `detail-conditions-prise-en-charge` (600 characters at most).

import { formatDayMonthYear } from "@/lib/dates";
import { funderOf } from "@/lib/lheo/codes";

export const FUNDING_SENTENCE_MAX = 600;

export function hasPublicFunder(funders: { code: string }[]): boolean {
  return funders.some((f) => funderOf(f.code)?.isPublic);
}

function joinFrench(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/**
 * « Formation financée par la Région Grand Est et France Travail, décision du 12 mars 2026. »,
 * then the provider's comment. Null when no funder is given.
 */
export function fundingSentence(content: {
  funders: { code: string }[];
  funding: { voteDate: string; comment: string };
}): string | null {
  const names = [...new Set(content.funders.map((f) => funderOf(f.code)?.publicName).filter((name): name is string => Boolean(name)))];
  if (names.length === 0) return null;
  const decision = content.funding.voteDate ? `, décision du ${formatDayMonthYear(content.funding.voteDate)}` : "";
  const sentence = `Formation financée par ${joinFrench(names)}${decision}.`;
  const comment = content.funding.comment.trim();
  return comment ? `${sentence} ${comment}` : sentence;
}
