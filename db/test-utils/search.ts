// Test data for the catalogue search: actions published through the real flow (so that the
// search triggers run as in production), each marked with a word of its own test so that a search
// for that word sees nothing of the other tests sharing the database.

import { randomInt } from "node:crypto";
import { searchCatalogue } from "@/db/queries/search";
import { actionContent, addressIn, createProviderAndStaff, publishAction, sessionContent } from "@/db/test-utils/fixtures";
import { addDays, parisDate } from "@/lib/dates";
import { parseSearchParams, type RawSearchParams } from "@/lib/search/params";
import type { ActionContent, SessionContent } from "@/lib/validations/action";

/** Communes of Lorraine and their distance from Nancy (54395). */
export const PLACES = {
  nancy: addressIn("54395", "54000"),
  vandoeuvre: addressIn("54547", "54500"), // 3.7 km
  saintNicolas: addressIn("54483", "54210"), // 11.6 km
  toul: addressIn("54528", "54200"), // 20.6 km
  luneville: addressIn("54329", "54300"), // 26.1 km
  epinal: addressIn("88160", "88000"), // 62.8 km
  metz: addressIn("57463", "57000"),
};

/** A made-up word (letters only) that no other test and no real text uses. */
export function uniqueWord(): string {
  let word = "zq";
  for (let i = 0; i < 8; i++) word += String.fromCharCode(97 + randomInt(0, 26));
  return word;
}

export function session(address: SessionContent["address"], days = 30, overrides: Partial<SessionContent> = {}) {
  return sessionContent({ address, startDate: addDays(parisDate(), days), ...overrides });
}

/** Publishes actions for one organisation; `word` is put in each content. */
export async function publishAll(word: string, contents: (Partial<ActionContent> & { formacodes?: string[] })[], organisationName?: string) {
  const { organisation, providerActor, staffActor } = await createProviderAndStaff(organisationName ? { name: organisationName } : {});
  const published = [];
  for (const { formacodes, ...overrides } of contents) {
    const content = actionContent({ ...overrides, content: `${overrides.content ?? "Cours et exercices pratiques."} ${word}` });
    published.push({ ...(await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor, content, formacodes })), title: content.title });
  }
  return published;
}

/** Searches as /formations would for this query string, today. */
export async function search(params: RawSearchParams) {
  const today = parisDate();
  return searchCatalogue({ filters: parseSearchParams(params, today), today });
}

export const titles = (outcome: Awaited<ReturnType<typeof search>>) => outcome.hits.map((h) => h.title);
