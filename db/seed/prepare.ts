// Turns the demo data (db/seed/*.ts) into rows, and checks all of it before the seed writes
// anything: content against the schema the forms use, SIRETs, communes, Formacodes.

import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { FORMACODE_EDITION } from "@/db/reference/load";
import { communes, formacodes } from "@/db/schema";
import { buildingIndustryActions } from "@/db/seed/actions-building-industry";
import { careServicesActions } from "@/db/seed/actions-care-services";
import { digitalHospitalityLanguageActions } from "@/db/seed/actions-digital-hospitality-languages";
import { logisticsOfficeActions } from "@/db/seed/actions-logistics-office";
import { frenchTypography, seedId, type SeedAction, type SeedContent } from "@/db/seed/define";
import { seedOrganisations } from "@/db/seed/organisations";
import { addDays } from "@/lib/dates";
import { isValidSiret } from "@/lib/siret";
import { actionContentSchema, codificationSchema, rejectionSchema, type ActionContent } from "@/lib/validations/action";

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
 * The content as the provider would have stored it (commune names filled in), checked with the
 * schema of the forms. A session keeps its id from one revision to the next: it depends only on
 * the action key and the session's position.
 */
function buildContent(
  action: SeedAction,
  seed: SeedContent,
  clock: SeedClock,
  communeNames: Map<string, string>,
  problems: string[],
): ActionContent {
  const label = seed === action.content ? action.key : `${action.key} (update)`;
  const content = {
    title: frenchTypography(seed.title),
    objectives: frenchTypography(seed.objectives),
    content: frenchTypography(seed.content),
    permanentEntry: seed.permanentEntry ?? false,
    sessions: seed.sessions.map(([communeInsee, startInDays, lengthInDays, placesAvailable], index) => {
      const startDate = addDays(clock.today, startInDays);
      const communeName = communeNames.get(communeInsee);
      if (!communeName) problems.push(`${label}: unknown commune ${communeInsee}`);
      return {
        id: seedId(`session:${action.key}:${index}`),
        startDate,
        endDate: addDays(startDate, lengthInDays),
        communeInsee,
        communeName: communeName ?? "",
        placesAvailable,
      };
    }),
  };
  const parsed = actionContentSchema.safeParse(content);
  if (!parsed.success) {
    problems.push(`${label}: ${z.prettifyError(parsed.error).replaceAll("\n", " ")}`);
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

  const codes = new Set([
    ...seedOrganisations.map((o) => o.communeInsee),
    ...seedActions.flatMap((a) => [...a.content.sessions, ...(a.update?.sessions ?? [])].map(([code]) => code)),
  ]);
  const communeRows = await db
    .select({ code: communes.inseeCode, name: communes.name })
    .from(communes)
    .where(inArray(communes.inseeCode, [...codes]));
  const communeNames = new Map(communeRows.map((row) => [row.code, row.name]));
  const formacodeRows = await db
    .select({ code: formacodes.code })
    .from(formacodes)
    .where(and(eq(formacodes.edition, FORMACODE_EDITION), inArray(formacodes.code, seedActions.flatMap((a) => a.formacodes))));
  const knownFormacodes = new Set(formacodeRows.map((row) => row.code));

  for (const org of seedOrganisations) {
    if (!isValidSiret(org.siret)) problems.push(`${org.key}: invalid SIRET ${org.siret}`);
    if (!communeNames.has(org.communeInsee)) problems.push(`${org.key}: unknown commune ${org.communeInsee}`);
    if (org.users.length === 0) problems.push(`${org.key}: an organisation needs at least one provider account`);
  }

  const keys = new Set<string>();
  const prepared = seedActions.map((action, index) => {
    if (keys.has(action.key)) problems.push(`${action.key}: duplicate key`);
    keys.add(action.key);
    if (!seedOrganisations.some((o) => o.key === action.organisation)) problems.push(`${action.key}: unknown organisation`);
    const codification = codificationSchema.safeParse({ formacodes: action.formacodes });
    if (!codification.success) problems.push(`${action.key}: ${z.prettifyError(codification.error)}`);
    for (const code of action.formacodes) {
      if (!knownFormacodes.has(code)) problems.push(`${action.key}: unknown Formacode ${code}`);
    }
    if (action.status === "rejected" && !rejectionSchema.safeParse({ reason: action.rejectionReason }).success) {
      problems.push(`${action.key}: a rejected action needs a rejection reason of at least 10 characters`);
    }
    if (action.update && action.status !== "approved") problems.push(`${action.key}: only a published action can have an update`);
    return {
      action,
      times: timeline(action, index, clock),
      content: buildContent(action, action.content, clock, communeNames, problems),
      update: action.update ? buildContent(action, action.update, clock, communeNames, problems) : null,
    };
  });

  if (problems.length > 0) throw new Error(`The seed data is not valid:\n- ${problems.join("\n- ")}`);
  return prepared;
}

export type PreparedAction = Awaited<ReturnType<typeof prepareSeed>>[number];
