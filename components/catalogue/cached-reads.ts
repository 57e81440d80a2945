import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getDiffusedAction, getDiffusedOrganisation, listDiffusedActions, listDiffusedAddresses } from "@/db/queries/catalogue";
import { getDiffusionCounts } from "@/db/queries/overview";
import { searchCatalogue } from "@/db/queries/search";
import { getFormacodeLabels } from "@/db/queries/reference";
import { CATALOGUE_TAG, actionTag, organisationTag } from "@/lib/cache-tags";
import { currentDay } from "@/lib/clock";
import { parseSearchParams, searchAddress } from "@/lib/search/params";
import { listLimitSchema, publicPageSchema, publicSlugSchema, searchHrefSchema, selectionIdsSchema } from "@/lib/validations/public";

// The cached reads behind the public pages. Each one is also reachable from outside as a server
// reference, with whatever arguments a caller sends: so none takes anything that decides what is
// diffused (the day is read here, on the server's clock), and each checks its arguments before
// any query — whatever fails answers null, which the pages show as « page introuvable ».
// cached-reads.test.ts calls every export with hostile arguments; public-cache.test.ts checks
// that every 'use cache' function of the code base follows these rules.
//
// Every public page carries CATALOGUE_TAG, which each approval, withdrawal, archive, dossier
// decision and scheduled job refreshes (see lib/cache-tags.ts); the page is then rendered again
// at its next request and served from the cache until the next change, or an hour at most.

/** Refreshed by tag on every change; an hour old at most (a session past J+8 leaves within the hour). */
export const PUBLIC_CACHE_LIFE = { stale: 300, revalidate: 1800, expire: 3600 };

function publicCache(...tags: string[]) {
  cacheTag(CATALOGUE_TAG, ...tags);
  cacheLife(PUBLIC_CACHE_LIFE);
}

/** The diffused actions of today, soonest session first (`limit` from 1 to 200). */
export async function loadDiffusedActions(limit: unknown) {
  "use cache";
  publicCache();
  const parsed = listLimitSchema.safeParse(limit);
  if (!parsed.success) return null;
  const today = currentDay();
  return { today, actions: await listDiffusedActions({ today, limit: parsed.data }) };
}

/** An action page's content, a redirect to its current address, or null. */
export async function loadAction(slug: unknown) {
  "use cache";
  publicCache();
  const parsed = publicSlugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const today = currentDay();
  const found = await getDiffusedAction({ slug: parsed.data, today });
  if (found?.kind !== "found") return found;
  cacheTag(actionTag(found.action.actionId), organisationTag(found.action.organisationId));
  const labels = await getFormacodeLabels({ codes: found.action.details.publicCodes });
  return { ...found, today, publicLabels: Object.fromEntries(labels.map((l) => [l.code, l.label])) };
}

/** An organisation page's content (the organisation and one page of its diffused actions), or null. */
export async function loadOrganisation(slug: unknown, page: unknown = 1) {
  "use cache";
  publicCache();
  const parsed = publicSlugSchema.safeParse(slug);
  const pageNumber = publicPageSchema.safeParse(page);
  if (!parsed.success || !pageNumber.success) return null;
  const today = currentDay();
  const found = await getDiffusedOrganisation({ slug: parsed.data, today, page: pageNumber.data });
  if (!found) return null;
  cacheTag(organisationTag(found.organisation.id));
  return { ...found, today };
}

/** The diffused actions among a counsellor's selection (ids from a shared link), or null. */
export async function loadSelection(actionIds: unknown) {
  "use cache";
  publicCache();
  const parsed = selectionIdsSchema.safeParse(actionIds);
  if (!parsed.success) return null;
  const today = currentDay();
  return { today, actions: await listDiffusedActions({ today, actionIds: parsed.data, limit: parsed.data.length }) };
}

/**
 * A catalogue search by its address, as searchAddress writes it for its filters (only that one
 * spelling is answered, so that a search asked again — the page without words above all — is
 * read from the cache, and no one fills the cache with variants of it): the outcome and the day.
 */
export async function loadSearch(href: unknown) {
  "use cache";
  publicCache();
  const parsed = searchHrefSchema.safeParse(href);
  if (!parsed.success) return null;
  const today = currentDay();
  const params = new URLSearchParams(parsed.data.slice("/formations".length));
  const filters = parseSearchParams(Object.fromEntries(params), today);
  if (searchAddress(filters) !== parsed.data) return null;
  return { today, outcome: await searchCatalogue({ filters, today }) };
}

/**
 * What the public sees today, for the staff overview: cached as the public pages are, since it
 * reads the whole catalogue, so staff see the same figures as the public.
 */
export async function loadDiffusionCounts() {
  "use cache";
  publicCache();
  return getDiffusionCounts({ today: currentDay() });
}

/** The addresses of every diffused action and organisation, for sitemap.xml. */
export async function loadDiffusedAddresses() {
  "use cache";
  publicCache();
  return listDiffusedAddresses({ today: currentDay() });
}
