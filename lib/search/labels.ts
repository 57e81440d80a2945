// What the search page calls each filter, for the list of filters in use and the alternatives
// offered when nothing matches. Pure data.

import type { SearchFilters } from "@/lib/search/params";

/** The departments of the Grand Est region; others are shown by their number. */
const DEPARTMENTS: Record<string, string> = {
  "08": "Ardennes",
  "10": "Aube",
  "51": "Marne",
  "52": "Haute-Marne",
  "54": "Meurthe-et-Moselle",
  "55": "Meuse",
  "57": "Moselle",
  "67": "Bas-Rhin",
  "68": "Haut-Rhin",
  "88": "Vosges",
};

export function departmentName(code: string): string {
  const name = DEPARTMENTS[code];
  return name ? `${name} (${code})` : `Département ${code}`;
}

/** The name of a filter, as « Sans … » completes it: « Sans le filtre : département ». */
export const FILTER_NAMES: Partial<Record<keyof SearchFilters, string>> = {
  department: "département",
  town: "ville",
  from: "dates de début",
  to: "dates de début",
  field: "domaine",
  funder: "financeur",
  publicCode: "public visé",
  level: "niveau",
  certifying: "formations certifiantes",
  teachingMode: "modalité",
  placesOnly: "places disponibles uniquement",
  permanentEntry: "entrées permanentes",
};

/** « 1 formation », « 12 500 formations ». */
export function formationCount(count: number): string {
  return `${count.toLocaleString("fr-FR").replace(/\s/g, "\u00a0")} formation${count > 1 ? "s" : ""}`;
}
