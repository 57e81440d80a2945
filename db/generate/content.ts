// The content of a generated action: one of the demo's realistic courses (db/seed/actions-*.ts,
// each checked by the seed against the submission schema), given new ids, sessions in the
// organisation's part of Lorraine dated around `today`, and funding dates before the submission.

import { buildingIndustryActions } from "@/db/seed/actions-building-industry";
import { careServicesActions } from "@/db/seed/actions-care-services";
import { digitalHospitalityLanguageActions } from "@/db/seed/actions-digital-hospitality-languages";
import { logisticsOfficeActions } from "@/db/seed/actions-logistics-office";
import { frenchTypography as typo, type OrganisationKey, type SeedAction } from "@/db/seed/define";
import { drawStreet, type Department, type Places } from "@/db/generate/places";
import type { Random } from "@/db/generate/random";
import { addDays } from "@/lib/dates";
import type { ActionContent, SessionContent } from "@/lib/validations/action";

const NO_CONTACT = { name: "", phone: "", email: "" };

/**
 * The demo's courses, by field. The one the demo sends back for its unexplained abbreviation is
 * left out: a rejection here gets one of the stock reasons instead.
 */
export const TEMPLATES: Record<OrganisationKey, SeedAction[]> = (() => {
  const all = [...buildingIndustryActions, ...careServicesActions, ...logisticsOfficeActions, ...digitalHospitalityLanguageActions];
  const byDomain = {} as Record<OrganisationKey, SeedAction[]>;
  for (const action of all) {
    if (action.status === "rejected") continue;
    (byDomain[action.organisation] ??= []).push(action);
  }
  return byDomain;
})();

/** The Formacodes of each field's courses: what its organisations declare in their dossier. */
export function trainingFieldsByDomain(): Record<OrganisationKey, string[]> {
  const fields = {} as Record<OrganisationKey, string[]>;
  for (const [domain, templates] of Object.entries(TEMPLATES) as [OrganisationKey, SeedAction[]][]) {
    fields[domain] = [...new Set(templates.flatMap((t) => t.formacodes))].slice(0, 25);
  }
  return fields;
}

export const REJECTION_REASONS = [
  "La date du vote ou de la décision du financeur public n’est pas indiquée : ajoutez-la dans la partie « Prix et financement ».",
  "L’intitulé n’est pas assez clair pour le grand public : écrivez le métier ou la compétence visée en toutes lettres, sans sigle.",
  "Les dates des sessions ne correspondent pas à la durée de la formation : vérifiez les dates de début et de fin.",
  "Le contenu ne décrit pas assez ce que la personne apprendra : détaillez les grandes parties de la formation.",
].map(typo);

export interface ContentArgs {
  random: Random;
  template: SeedAction;
  places: Places;
  department: Department;
  today: string;
  /** The Paris day the revision was sent (or saved, for a draft). */
  sentOn: string;
  sessions: number;
  /** True for the content shown today: its sessions are placed around today. */
  current: boolean;
  /** A draft may be left incomplete. */
  draft: boolean;
}

function drawSessions({ random, template, places, department, today, sentOn, sessions, current }: ContentArgs): SessionContent[] {
  const model = template.content.sessions[0];
  const length = model?.days ?? 60;
  const placesTotal = model?.places ?? 12;
  // A session sent more than 8 days after its start would have been refused (R9).
  const earliest = addDays(sentOn, -6);
  const from = current && addDays(today, -75) > earliest ? addDays(today, -75) : earliest;
  const span = current ? 330 : 300;
  const starts = Array.from({ length: sessions }, () => addDays(from, random.int(0, span))).sort();
  return starts.map((startDate) => {
    const place = random.chance(0.8) ? places.draw(random, department) : places.draw(random);
    const { street, street2 } = drawStreet(random);
    const started = startDate < today;
    const available = started ? random.int(0, Math.ceil(placesTotal / 3)) : random.int(0, placesTotal);
    return {
      id: random.uuid(),
      startDate,
      endDate: addDays(startDate, Math.max(1, Math.round(length * (0.8 + random.next() * 0.4)))),
      address: { street, street2, postcode: place.postcode, communeInsee: place.inseeCode, communeName: place.name },
      placesTotal,
      placesAvailable: available,
      recruitment: started && random.chance(0.6) ? "2" : random.chance(0.04) ? "3" : "1",
      contact: NO_CONTACT,
    };
  });
}

export function buildContent(args: ContentArgs): ActionContent {
  const { random, template, sentOn } = args;
  const seed = template.content;
  const funding = seed.funding;
  const voteDate = funding?.voteDaysAgo === undefined ? "" : addDays(sentOn, -random.int(20, 300));
  const notifiedOn = voteDate && funding?.notifiedDaysAgo !== undefined ? [addDays(voteDate, random.int(5, 30)), sentOn].sort()[0]! : "";
  const content: ActionContent = {
    title: typo(seed.title),
    objectives: typo(seed.objectives),
    results: typo(seed.results),
    content: typo(seed.content),
    certifying: seed.certification !== undefined,
    certification: seed.certification ? { ...seed.certification, label: typo(seed.certification.label) } : { register: "", code: "", label: "" },
    pathway: seed.pathway,
    entryLevel: seed.entryLevel,
    exitLevel: seed.exitLevel,
    contact: NO_CONTACT,
    publicCodes: [...seed.publicCodes],
    prerequisites: typo(seed.prerequisites),
    entryLevelMandatory: seed.entryLevelMandatory ?? false,
    specificConditions: typo(seed.specificConditions ?? ""),
    accessibility: typo(seed.accessibility),
    rhythm: typo(seed.rhythm),
    teachingMode: seed.teachingMode,
    hoursCentre: seed.hoursCentre,
    hoursCompany: seed.hoursCompany,
    alternance: typo(seed.alternance ?? ""),
    permanentEntry: seed.permanentEntry ?? false,
    free: seed.price === "free",
    price: seed.price === "free" ? null : seed.price,
    costCoverage: seed.costCoverage,
    funders: (funding?.funders ?? []).map(([code, places]) => ({ id: random.uuid(), code, places: places ?? null })),
    funding: { notifiedOn, voteDate, kind: funding?.kind ?? "", comment: typo(funding?.comment ?? "") },
    modules: (seed.modules ?? []).map(([title, text, hours]) => ({ id: random.uuid(), title: typo(title), content: typo(text), hours })),
    sessions: drawSessions(args),
  };
  // A draft saved along the way: the provider has not finished the text or the sessions yet.
  if (args.draft && random.chance(0.5)) {
    content.results = "";
    content.rhythm = "";
    if (random.chance(0.5)) content.sessions = [];
  }
  return content;
}
