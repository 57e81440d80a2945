// Turns the demo data (db/seed/*.ts) into rows, and checks all of it before the seed writes
// anything: every action revision against the schema of a complete action (what « Envoyer pour
// validation » requires), every dossier against the dossier schema, SIRETs, communes and their
// postcodes, Formacodes and public codes, dates, and the plain-language rule.

import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { checkAddresses, unknownFormacodes } from "@/db/queries/reference-checks";
import { FORMACODE_EDITION } from "@/db/reference/load";
import { communes, formacodes } from "@/db/schema";
import { buildingIndustryActions } from "@/db/seed/actions-building-industry";
import { careServicesActions } from "@/db/seed/actions-care-services";
import { digitalHospitalityLanguageActions } from "@/db/seed/actions-digital-hospitality-languages";
import { logisticsOfficeActions } from "@/db/seed/actions-logistics-office";
import { frenchTypography, seedId, type SeedAction, type SeedContent, type SeedDossier } from "@/db/seed/define";
import { seedDossiers } from "@/db/seed/dossiers";
import { seedOrganisations, type SeedOrganisation } from "@/db/seed/organisations";
import { seedSites, siteAddress, type SeedAddress, type SiteKey } from "@/db/seed/sites";
import { addDays, addMonths, parisDate } from "@/lib/dates";
import { isValidSiret } from "@/lib/siret";
import { actionContentSchema, codificationSchema, rejectionSchema, withdrawnSessionErrors, type ActionContent } from "@/lib/validations/action";
import { dossierContentSchema, displayName, type DossierContent } from "@/lib/validations/organisation";

export const seedActions: SeedAction[] = [
  ...buildingIndustryActions,
  ...careServicesActions,
  ...logisticsOfficeActions,
  ...digitalHospitalityLanguageActions,
];

/** The instant and the Paris day the seed runs on; every date of the data set is relative to them. */
export interface SeedClock {
  now: Date;
  today: string;
}

const DAY = 24 * 60 * 60 * 1000;

export function daysBefore(clock: SeedClock, days: number): Date {
  return new Date(clock.now.getTime() - days * DAY);
}

/** R8: when the organisation's dossier was last approved, as db/seed/organisations.ts says. */
export function dossierApprovedAt(org: SeedOrganisation, clock: SeedClock): Date {
  return "daysAgo" in org.dossierApproved
    ? daysBefore(clock, org.dossierApproved.daysAgo)
    : new Date(`${addMonths(clock.today, -org.dossierApproved.monthsAgo)}T10:00:00Z`);
}

/** A dossier is sent this long before staff approve it. */
const DOSSIER_REVIEW_DAYS = 2;

/** R1: when the action was entered, sent and decided, and when its update was sent. */
function timeline(action: SeedAction, index: number, clock: SeedClock) {
  const defaults = { approved: 70 + (index % 6) * 5, submitted: 8 + (index % 5) * 3, draft: 10, rejected: 30 };
  const entered = action.enteredDaysAgo ?? defaults[action.status];
  const submittedAt = action.status === "draft" ? null : daysBefore(clock, entered - 2);
  const decidedAt = daysBefore(clock, entered - 5);
  const update = action.update ? { createdAt: daysBefore(clock, 4), submittedAt: daysBefore(clock, 3) } : null;
  const decided = action.status === "approved" || action.status === "rejected";
  const lastChange = update?.submittedAt ?? (decided ? decidedAt : (submittedAt ?? daysBefore(clock, entered)));
  return { enteredAt: daysBefore(clock, entered), submittedAt, decidedAt, update, lastChange };
}

/**
 * The plain-language rule: no word in capitals, unless it is an abbreviation given in
 * parentheses right after the words it stands for, « certificat d’aptitude professionnelle (CAP) ».
 */
function unexplainedCapitals(value: unknown): string[] {
  const text = JSON.stringify(value).replace(/\(\p{Lu}{2,}\)/gu, "");
  return [...new Set([...text.matchAll(/\p{L}*\p{Lu}{2,}\p{L}*/gu)].map((match) => match[0]))];
}

const NO_CONTACT = { name: "", phone: "", email: "" };
const typo = frenchTypography;

function sessionAddress(site: SiteKey, communeNames: Map<string, string>) {
  const { street, street2 = "", postcode, communeInsee } = siteAddress(site);
  return { street: typo(street), street2: typo(street2), postcode, communeInsee, communeName: communeNames.get(communeInsee) ?? "" };
}

/**
 * The content as the provider would have stored it (commune names filled in), checked with the
 * schema of a complete action. Ids of sessions, modules and funders depend only on the action key
 * and the position, so that they stay the same from one revision to the next.
 */
function buildContent(
  action: SeedAction,
  seed: SeedContent,
  label: string,
  submittedOn: string,
  clock: SeedClock,
  communeNames: Map<string, string>,
  problems: string[],
): ActionContent {
  const { funding } = seed;
  const daysAgo = (days: number | undefined) => (days === undefined ? "" : addDays(clock.today, -days));
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
    contact: seed.contact ?? NO_CONTACT,
    publicCodes: seed.publicCodes,
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
    funders: (funding?.funders ?? []).map(([code, places], index) => ({ id: seedId(`funder:${action.key}:${index}`), code, places: places ?? null })),
    funding: {
      notifiedOn: daysAgo(funding?.notifiedDaysAgo),
      voteDate: daysAgo(funding?.voteDaysAgo),
      kind: funding?.kind ?? "",
      comment: typo(funding?.comment ?? ""),
    },
    modules: (seed.modules ?? []).map(([title, text, hours], index) => ({
      id: seedId(`module:${action.key}:${index}`),
      title: typo(title),
      content: typo(text),
      hours,
    })),
    sessions: seed.sessions.map((session, index) => {
      const startDate = addDays(clock.today, session.start);
      return {
        id: seedId(`session:${action.key}:${index}`),
        startDate,
        endDate: addDays(startDate, session.days),
        address: sessionAddress(session.site, communeNames),
        placesTotal: session.places,
        placesAvailable: session.available ?? session.places,
        recruitment: session.recruitment ?? "1",
        contact: session.contact ?? NO_CONTACT,
      };
    }),
  };

  const report = (message: string) => problems.push(`${label}: ${message}`);
  // What « Envoyer pour validation » would have refused on the day the revision was sent.
  for (const [path, message] of Object.entries(withdrawnSessionErrors(content, submittedOn))) report(`${path}: ${message}`);
  const { voteDate, notifiedOn } = content.funding;
  if (voteDate && voteDate > submittedOn) report(`the vote (${voteDate}) comes after the submission (${submittedOn})`);
  if (notifiedOn && notifiedOn > submittedOn) report(`the notification (${notifiedOn}) comes after the submission (${submittedOn})`);
  if (voteDate && notifiedOn && notifiedOn < voteDate) report(`the notification (${notifiedOn}) comes before the vote (${voteDate})`);
  if (content.modules.length > 0 && content.pathway !== "3") report("modules are given for a course that is not modular");
  // The rejected action is sent back precisely for its unexplained abbreviation.
  const capitals = action.status === "rejected" ? [] : unexplainedCapitals(content);
  if (capitals.length > 0) report(`words in capitals without their meaning before them: ${capitals.join(", ")}`);

  const parsed = actionContentSchema.safeParse(content);
  if (!parsed.success) {
    report(z.prettifyError(parsed.error).replaceAll("\n", " "));
    return content;
  }
  return parsed.data;
}

/** The dossier as the provider sends it: its columns from organisations.ts, the rest from dossiers.ts. */
function buildDossier(org: SeedOrganisation, seed: SeedDossier, label: string, sentOn: string, clock: SeedClock, communeNames: Map<string, string>, problems: string[]) {
  const content: DossierContent = {
    legalName: typo(seed.legalName),
    usualName: seed.usualName,
    siret: org.siret,
    activityNumber: seed.activityNumber,
    address: { street: org.street, street2: "", postcode: org.postalCode, communeInsee: org.communeInsee, communeName: communeNames.get(org.communeInsee) ?? "" },
    phone: org.phone,
    email: org.email,
    website: seed.website,
    contacts: seed.contacts.map(([name, role, phone, email], index) => ({ id: seedId(`dossier-contact:${org.key}:${index}`), name, role, phone, email })),
    trainingFields: seed.trainingFields,
    premises: typo(seed.premises),
    equipment: typo(seed.equipment),
    trainers: typo(seed.trainers),
    qualiopi: true,
    qualiopiDate: addDays(clock.today, -seed.qualiopiDaysAgo),
    otherCertifications: typo(seed.otherCertifications),
    accessibility: typo(seed.accessibility),
  };
  const report = (message: string) => problems.push(`${label}: ${message}`);
  // Approval copies the dossier into the columns: the name the README and the tests use must stay.
  if (displayName(content) !== org.name) report(`the dossier would rename « ${org.name} » to « ${displayName(content)} »`);
  if (!content.activityNumber.startsWith("41")) report(`activity number ${content.activityNumber} is not one of Lorraine (41)`);
  if (content.trainingFields.length < 3 || content.trainingFields.length > 12) report("give 3 to 12 training fields");
  if (content.qualiopiDate > sentOn) report(`Qualiopi (${content.qualiopiDate}) comes after the dossier was sent (${sentOn})`);
  const capitals = unexplainedCapitals(content);
  if (capitals.length > 0) report(`words in capitals without their meaning before them: ${capitals.join(", ")}`);
  const parsed = dossierContentSchema.safeParse(content);
  if (!parsed.success) {
    report(z.prettifyError(parsed.error).replaceAll("\n", " "));
    return content;
  }
  return parsed.data;
}

/** Checks the whole data set and says everything that is wrong at once; throws when anything is. */
export async function prepareSeed(db: Database, clock: SeedClock) {
  const problems: string[] = [];
  if ((await db.$count(communes)) === 0) {
    throw new Error("The communes table is empty: run `npm run db:migrate` before the seed.");
  }

  // Communes and postcodes, as the server checks them (La Poste's list in the `postcodes` table).
  const addresses = [
    ...seedOrganisations.map((o) => ({ path: `${o.key} (organisation)`, postcode: o.postalCode, communeInsee: o.communeInsee })),
    ...Object.entries(seedSites).map(([key, site]) => ({ path: `site ${key}`, postcode: site.postcode, communeInsee: site.communeInsee })),
  ];
  const { names: communeNames, errors: addressErrors } = await checkAddresses(db, addresses);
  for (const [path, message] of Object.entries(addressErrors)) problems.push(`${path}: ${message}`);
  for (const [key, site] of Object.entries(seedSites) as [SiteKey, SeedAddress][]) {
    if (site.street.length > 50 || (site.street2 ?? "").length > 50) problems.push(`site ${key}: an address line has more than 50 characters`);
  }

  const allFormacodes = [
    ...seedActions.flatMap((a) => a.formacodes),
    ...Object.values(seedDossiers).flatMap((d) => [...d.trainingFields, ...(d.renewal?.changes.trainingFields ?? [])]),
  ];
  const formacodeRows = await db
    .select({ code: formacodes.code })
    .from(formacodes)
    .where(and(eq(formacodes.edition, FORMACODE_EDITION), inArray(formacodes.code, [...new Set(allFormacodes)])));
  const knownFormacodes = new Set(formacodeRows.map((row) => row.code));
  for (const code of new Set(allFormacodes)) {
    if (!knownFormacodes.has(code)) problems.push(`unknown Formacode ${code}`);
  }
  const publicCodes = [...new Set(seedActions.flatMap((a) => [...a.content.publicCodes, ...(a.update?.publicCodes ?? [])]))];
  for (const code of await unknownFormacodes(db, publicCodes, "PUB")) problems.push(`unknown public code ${code} (Formacode, kind PUB)`);

  for (const org of seedOrganisations) {
    if (!isValidSiret(org.siret)) problems.push(`${org.key}: invalid SIRET ${org.siret}`);
    if (org.users.length === 0) problems.push(`${org.key}: an organisation needs at least one provider account`);
  }

  const keys = new Set<string>();
  const actions = seedActions.map((action, index) => {
    if (keys.has(action.key)) problems.push(`${action.key}: duplicate key`);
    keys.add(action.key);
    if (!seedOrganisations.some((o) => o.key === action.organisation)) problems.push(`${action.key}: unknown organisation`);
    const codification = codificationSchema.safeParse({ formacodes: action.formacodes });
    if (!codification.success) problems.push(`${action.key}: ${z.prettifyError(codification.error)}`);
    if (action.status === "rejected" && !rejectionSchema.safeParse({ reason: action.rejectionReason }).success) {
      problems.push(`${action.key}: a rejected action needs a rejection reason of at least 10 characters`);
    }
    if (action.update && action.status !== "approved") problems.push(`${action.key}: only a published action can have an update`);
    const times = timeline(action, index, clock);
    const sentOn = (at: Date | null | undefined) => (at ? parisDate(at) : clock.today);
    return {
      action,
      times,
      content: buildContent(action, action.content, action.key, sentOn(times.submittedAt), clock, communeNames, problems),
      update: action.update
        ? buildContent(action, { ...action.content, ...action.update }, `${action.key} (update)`, sentOn(times.update?.submittedAt), clock, communeNames, problems)
        : null,
    };
  });

  const dossiers = seedOrganisations.map((org) => {
    const seed = seedDossiers[org.key];
    const approvedAt = dossierApprovedAt(org, clock);
    const submittedAt = new Date(approvedAt.getTime() - DOSSIER_REVIEW_DAYS * DAY);
    const content = buildDossier(org, seed, `${org.key} (dossier)`, parisDate(submittedAt), clock, communeNames, problems);
    const trained = new Set(seedActions.filter((a) => a.organisation === org.key).flatMap((a) => a.formacodes));
    const missing = [...trained].filter((code) => !seed.trainingFields.includes(code));
    if (missing.length > 0) problems.push(`${org.key} (dossier): training fields miss the Formacodes of its actions: ${missing.join(", ")}`);
    let renewal: { content: DossierContent; submittedAt: Date } | null = null;
    if (seed.renewal) {
      const renewalAt = daysBefore(clock, seed.renewal.sentDaysAgo);
      if (renewalAt <= approvedAt) problems.push(`${org.key} (renewal): sent before the dossier it renews was approved`);
      const merged = { ...seed, ...seed.renewal.changes };
      renewal = { content: buildDossier(org, merged, `${org.key} (renewal)`, parisDate(renewalAt), clock, communeNames, problems), submittedAt: renewalAt };
    }
    return { org, content, submittedAt, approvedAt, renewal };
  });

  if (problems.length > 0) throw new Error(`The seed data is not valid:\n- ${problems.join("\n- ")}`);
  return { actions, dossiers };
}

export type PreparedSeed = Awaited<ReturnType<typeof prepareSeed>>;
export type PreparedAction = PreparedSeed["actions"][number];
export type PreparedDossier = PreparedSeed["dossiers"][number];
