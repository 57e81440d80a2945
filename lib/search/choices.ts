// What the search form's department select offers. Pure: the form renders it, tests read it.

import { departmentName } from "@/lib/search/labels";

/** A value a select offers, with the number of results it gives (null: no number shown). */
export interface Choice {
  value: string;
  label: string;
  count: number | null;
}

/**
 * The departments the form offers — those counted and the one chosen, by number — and, when a
 * town applies, a hint instead of counts. A town found replaces the department in the filters
 * (searchCatalogue), and the counts per department are made without the place: with a town,
 * choosing a department would still give the town's results, so the counts are not shown and the
 * hint says to clear the town (the form is a plain GET form: no script can clear it for the user).
 */
export function departmentField(
  counts: Record<string, number>,
  selected: string | null,
  town: { name: string } | null,
): { choices: Choice[]; hint: string | null } {
  const codes = Object.keys({ ...counts, ...(selected ? { [selected]: 0 } : {}) }).sort();
  const choices = codes.map((code) => ({ value: code, label: departmentName(code), count: town ? null : (counts[code] ?? 0) }));
  const hint = town ? `La recherche se fait autour de ${town.name}\u00a0: effacez la ville pour chercher dans un département.` : null;
  return { choices, hint };
}
