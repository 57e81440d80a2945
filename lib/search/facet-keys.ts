// The filter values of a published action as one array of keys (search_actions.facet_keys,
// written by public.search_facet_keys in migration 0014): each value prefixed by its filter's
// letter, so that the counts per value of every filter come from one unnest of one array.

import type { SearchFilters } from "@/lib/search/params";

/** The filters on the action itself (the others are on its sessions). */
export type ActionFilter = "field" | "funder" | "publicCode" | "level" | "teachingMode" | "certifying" | "permanentEntry";

/** Each filter's letter; a key is the letter, then the value (« f223 »), or the letter alone for a yes/no filter. */
export const FACET_LETTER: Record<ActionFilter, string> = {
  field: "f",
  funder: "u",
  publicCode: "p",
  level: "l",
  teachingMode: "m",
  certifying: "c",
  permanentEntry: "e",
};

const FILTER_OF_LETTER = new Map(Object.entries(FACET_LETTER).map(([filter, letter]) => [letter, filter as ActionFilter]));

/** The key an action must have for each action filter asked for. */
export function requiredKeys(filters: SearchFilters): [ActionFilter, string][] {
  const keys: [ActionFilter, string | null][] = [
    ["field", filters.field && `f${filters.field}`],
    ["funder", filters.funder && `u${filters.funder}`],
    ["publicCode", filters.publicCode && `p${filters.publicCode}`],
    ["level", filters.level && `l${filters.level}`],
    ["teachingMode", filters.teachingMode && `m${filters.teachingMode}`],
    ["certifying", filters.certifying ? "c" : null],
    ["permanentEntry", filters.permanentEntry ? "e" : null],
  ];
  return keys.flatMap(([filter, key]) => (key ? [[filter, key] as [ActionFilter, string]] : []));
}

export interface ValueCounts {
  field: Record<string, number>;
  funder: Record<string, number>;
  publicCode: Record<string, number>;
  level: Record<string, number>;
  teachingMode: Record<string, number>;
  certifying: number;
  permanentEntry: number;
}

/** The counts per key (« f223 »: 12) as counts per filter value. */
export function countsByFilter(keyCounts: Record<string, number>): ValueCounts {
  const counts: ValueCounts = { field: {}, funder: {}, publicCode: {}, level: {}, teachingMode: {}, certifying: 0, permanentEntry: 0 };
  for (const [key, n] of Object.entries(keyCounts)) {
    const filter = FILTER_OF_LETTER.get(key.charAt(0));
    if (!filter) continue;
    if (filter === "certifying" || filter === "permanentEntry") counts[filter] = n;
    else counts[filter][key.slice(1)] = n;
  }
  return counts;
}
