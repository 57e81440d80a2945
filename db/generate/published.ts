// The catalogue rows (read model) of a generated approved revision, as approval writes them
// (publishRevision in db/queries/review.ts). The generator cannot approve 100 000 revisions one
// transaction at a time, so it writes the same columns in bulk; db/generate/generate.test.ts
// approves a generated revision through the real path and compares the rows, so the two stay in step.

import type { PublishedActionRow, PublishedSessionRow } from "@/db/generate/types";
import { fundingSentence } from "@/lib/funding";
import { RECRUITMENT_OPEN } from "@/lib/lheo/codes";
import { actionSlug } from "@/lib/slug";
import { totalHours, type ActionContent, type Codification } from "@/lib/validations/action";

export function publishedActionRow(args: {
  actionId: string;
  revisionId: string;
  organisationId: string;
  content: ActionContent;
  codification: Codification;
  publishedAt: Date;
  firstPublishedAt: Date;
}): PublishedActionRow {
  const { content, codification } = args;
  return {
    actionId: args.actionId,
    revisionId: args.revisionId,
    organisationId: args.organisationId,
    slug: actionSlug(content.title, args.actionId),
    title: content.title,
    objectives: content.objectives,
    results: content.results,
    content: content.content,
    permanentEntry: content.permanentEntry,
    formacodes: codification.formacodes,
    romeCodes: codification.romeCodes,
    nsfCode: codification.nsfCode || null,
    certifying: content.certifying,
    pathway: content.pathway || null,
    entryLevel: content.entryLevel || null,
    exitLevel: codification.level || content.exitLevel || null,
    publicCodes: content.publicCodes,
    teachingMode: content.teachingMode || null,
    hoursTotal: content.hoursCentre === null && content.hoursCompany === null ? null : totalHours(content),
    free: content.free,
    funders: [...new Set(content.funders.map((f) => f.code))],
    fundingSentence: fundingSentence(content),
    details: content,
    publishedAt: args.publishedAt,
    firstPublishedAt: args.firstPublishedAt,
  };
}

export function publishedSessionRows(actionId: string, content: ActionContent): PublishedSessionRow[] {
  return content.sessions.map((s) => ({
    id: s.id,
    actionId,
    startDate: s.startDate,
    endDate: s.endDate,
    communeInsee: s.address.communeInsee,
    street: s.address.street,
    street2: s.address.street2,
    postcode: s.address.postcode,
    placesTotal: s.placesTotal ?? s.placesAvailable ?? 0,
    placesAvailable: s.placesAvailable ?? 0,
    recruitment: s.recruitment || RECRUITMENT_OPEN,
  }));
}
