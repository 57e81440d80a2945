// The catalogue search as it is written in the address of /formations: every filter is a query
// parameter, so that a search is a link that can be shared and works without JavaScript (a GET
// form). Whatever arrives is read leniently: an unknown value, an absurd date or radius, a
// repeated parameter or a very long text is ignored or clamped, never an error.

import { z } from "@/lib/validations/zod";
import { addMonths, isIsoDate } from "@/lib/dates";
import { earliestDiffusedStartDate } from "@/lib/diffusion";
import { FUNDER_CODES, LEVEL_CODES, TEACHING_MODE_CODES } from "@/lib/lheo/codes";
import { searchText } from "@/lib/validations/fields";

export const RADII = [10, 20, 30, 50] as const;
export type Radius = (typeof RADII)[number];
export const DEFAULT_RADIUS: Radius = 20;
export const SORTS = ["pertinence", "date", "distance"] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;
/** Deeper pages are not served: nobody reads 10 000 results twenty at a time. */
export const MAX_PAGE = 500;
export const QUERY_MAX_LENGTH = 200;
const TOWN_MAX_LENGTH = 80;
/** How far ahead a start date may be asked for. */
const MAX_YEARS_AHEAD = 5;

/** How many results page `page` of a search with `total` results shows. */
export function pageLength(total: number, page: number): number {
  return Math.min(PAGE_SIZE, Math.max(0, total - (page - 1) * PAGE_SIZE));
}

export interface SearchFilters {
  /** The words typed, tidied ("" for none). */
  q: string;
  department: string | null;
  /** A town's name or postcode, as typed; the query finds the commune. */
  town: string | null;
  radius: Radius;
  /** Start date between from and to (ISO), either may be open. */
  from: string | null;
  to: string | null;
  /** Formacode field: its three digits (« 223 » is « bâtiment gros œuvre »). */
  field: string | null;
  funder: string | null;
  /** A « public visé » Formacode (five digits). */
  publicCode: string | null;
  level: string | null;
  certifying: boolean;
  teachingMode: string | null;
  placesOnly: boolean;
  permanentEntry: boolean;
  /** The order asked for; `sortOf` says which one applies. */
  sort: Sort | null;
  page: number;
}

/** The parameter each filter is written under. */
export const PARAM = {
  q: "q",
  department: "departement",
  town: "ville",
  radius: "rayon",
  from: "du",
  to: "au",
  field: "domaine",
  funder: "financeur",
  publicCode: "public",
  level: "niveau",
  certifying: "certifiant",
  teachingMode: "modalite",
  placesOnly: "places",
  permanentEntry: "permanent",
  sort: "tri",
  page: "page",
} as const satisfies Record<keyof SearchFilters, string>;

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of a repeated parameter; anything else than text is no value. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) => z.preprocess(first, searchText(max).transform((v) => v.replace(/\s+/g, " ")));
const oneOf = <T extends string>(values: readonly T[]) =>
  z.preprocess((v) => (typeof first(v) === "string" ? (first(v) as string).trim() : first(v)), z.enum(values as [T, ...T[]]).nullable().catch(null));
const pattern = (regex: RegExp, normalise = (v: string) => v) =>
  z.preprocess((v) => (typeof first(v) === "string" ? normalise((first(v) as string).trim()) : undefined), z.string().regex(regex).nullable().catch(null));
const flag = z.preprocess((v) => first(v) === "1" || first(v) === "oui" || first(v) === "on", z.boolean());
const isoDate = z.preprocess((v) => first(v), z.string().refine(isIsoDate).nullable().catch(null));
const integer = z.preprocess((v) => {
  const value = first(v);
  return typeof value === "string" && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : null;
}, z.number().nullable());

const searchParamsSchema = z.object({
  q: text(QUERY_MAX_LENGTH),
  departement: pattern(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, (v) => v.toUpperCase()),
  ville: text(TOWN_MAX_LENGTH),
  rayon: integer,
  du: isoDate,
  au: isoDate,
  domaine: pattern(/^\d{3}$/),
  financeur: oneOf(FUNDER_CODES),
  public: pattern(/^\d{5}$/),
  niveau: oneOf(LEVEL_CODES),
  certifiant: flag,
  modalite: oneOf(TEACHING_MODE_CODES),
  places: flag,
  permanent: flag,
  tri: oneOf(SORTS),
  page: integer,
});

/** The allowed radius nearest above the one asked for (clamped to 10–50 km). */
export function clampRadius(km: number | null): Radius {
  if (km === null || !Number.isFinite(km)) return DEFAULT_RADIUS;
  return RADII.find((r) => r >= km) ?? RADII[RADII.length - 1]!;
}

function clampDate(date: string | null, earliest: string, latest: string) {
  if (date === null) return null;
  if (date < earliest) return earliest;
  return date > latest ? latest : date;
}

/**
 * The filters in a request's query string, for the given Paris day (dates before the first
 * diffused start are moved to it, dates more than five years ahead back to that limit; a
 * reversed range is put right). A Formacode field or « public visé » is only checked for its
 * shape here: whether the thesaurus has it is for `withKnownCodes`, once its lists are loaded.
 */
export function parseSearchParams(raw: RawSearchParams, today: string): SearchFilters {
  const p = searchParamsSchema.parse(raw);
  const earliest = earliestDiffusedStartDate(today);
  const latest = addMonths(today, 12 * MAX_YEARS_AHEAD);
  let from = clampDate(p.du, earliest, latest);
  let to = clampDate(p.au, earliest, latest);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    q: p.q,
    department: p.departement,
    town: p.ville || null,
    radius: clampRadius(p.rayon),
    from,
    to,
    field: p.domaine,
    funder: p.financeur,
    publicCode: p.public,
    level: p.niveau,
    certifying: p.certifiant,
    teachingMode: p.modalite,
    placesOnly: p.places,
    permanentEntry: p.permanent,
    sort: p.tri,
    page: Math.min(Math.max(p.page ?? 1, 1), MAX_PAGE),
  };
}

/** The Formacode fields and « public visé » codes the search form lists (loadSearchLabels). */
export interface KnownCodes {
  fields: readonly { code: string }[];
  publics: readonly { code: string }[];
}

/**
 * The filters without a Formacode field or « public visé » that the form does not list: an
 * unknown one is left out exactly as if it had not been asked (no filter, no count, no chip, not
 * in any link), as any other unknown value is by parseSearchParams. The lists are in the
 * database, so the page applies this right after loading them, before anything reads the filters
 * (the search, its counts, the form and the chips all read the filters it gives).
 */
export function withKnownCodes(filters: SearchFilters, known: KnownCodes): SearchFilters {
  const listed = (list: readonly { code: string }[], code: string | null) => (code !== null && list.some((e) => e.code === code) ? code : null);
  const field = listed(known.fields, filters.field);
  const publicCode = listed(known.publics, filters.publicCode);
  return field === filters.field && publicCode === filters.publicCode ? filters : { ...filters, field, publicCode };
}

/** The order that applies: the one asked for when it makes sense, else distance from a town, relevance of words, or date. */
export function sortOf(filters: Pick<SearchFilters, "sort" | "q">, hasTown: boolean): Sort {
  if (filters.sort === "distance" && !hasTown) return filters.q ? "pertinence" : "date";
  if (filters.sort === "pertinence" && !filters.q) return hasTown ? "distance" : "date";
  if (filters.sort) return filters.sort;
  if (hasTown) return "distance";
  return filters.q ? "pertinence" : "date";
}

/**
 * The address of a search: the filters given, with `changes` applied (a change to anything but
 * the page goes back to the first page). Empty and default values are left out.
 */
export function searchHref(filters: SearchFilters, changes: Partial<SearchFilters> = {}): string {
  const next = { ...filters, ...changes };
  if (!("page" in changes)) next.page = 1;
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof SearchFilters)[]) {
    const value = next[key];
    if (value === null || value === "" || value === false) continue;
    if (key === "page" && value === 1) continue;
    if (key === "radius" && (!next.town || value === DEFAULT_RADIUS)) continue;
    params.set(PARAM[key], value === true ? "1" : String(value));
  }
  const query = params.toString();
  return query ? `/formations?${query}` : "/formations";
}

/** The one address of a search, its page included: the key its results are cached under. */
export function searchAddress(filters: SearchFilters): string {
  return searchHref(filters, { page: filters.page });
}

/** Whether any filter other than the words is set (a radius alone is not a filter). */
export function activeFilters(filters: SearchFilters): (keyof SearchFilters)[] {
  const keys: (keyof SearchFilters)[] = ["department", "town", "from", "to", "field", "funder", "publicCode", "level", "certifying", "teachingMode", "placesOnly", "permanentEntry"];
  return keys.filter((key) => filters[key] !== null && filters[key] !== false);
}

/** The words of a query that the text search uses: letters and digits, two characters or more. */
export function searchTerms(q: string): string[] {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 2).map((w) => w.slice(0, 40)))].slice(0, 12);
}

/**
 * The query string a GET form sends, without the fields left blank and without a radius that
 * says nothing (no town, or the default): the address to show, or null when it is already tidy.
 */
export function tidySearchQuery(params: URLSearchParams): string | null {
  const hasTown = params.getAll(PARAM.town).some((value) => value.trim() !== "");
  const kept = new URLSearchParams();
  let changed = false;
  for (const [key, value] of params) {
    const idle = value.trim() === "" || (key === PARAM.radius && (!hasTown || value.trim() === String(DEFAULT_RADIUS)));
    if (idle) changed = true;
    else kept.append(key, value);
  }
  return changed ? kept.toString() : null;
}
