import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { searchActions as sa, searchLexicon } from "@/db/schema";
import { countSearch, findTown, runSearch, wordsMatch, type Context, type SearchPage, type TextMatch, type Town } from "@/db/queries/search-run";
import { activeFilters, RADII, searchTerms, type SearchFilters } from "@/lib/search/params";

export type { Facets, SearchHit, Town } from "@/db/queries/search-run";

/** Something to try when nothing matches, with what it would give. */
export type Alternative =
  | { kind: "drop"; filter: keyof SearchFilters; total: number }
  | { kind: "radius"; radius: number; total: number }
  | { kind: "words"; total: number };

export interface SearchOutcome extends SearchPage {
  /** The filters that applied (an unknown town is left out). */
  filters: SearchFilters;
  town: Town | null;
  /** A town was typed and no commune has that name: what was typed, to correct it. */
  townNotFound: string | null;
  /**
   * No action had all the words as typed: the results are the nearest spellings (from the words
   * of the published texts) and titles that look alike; `suggestion` is the query corrected.
   */
  approximate: { suggestion: string | null } | null;
  /**
   * Nothing matched, not even the nearest spellings with these filters: the query with its
   * misspelt words corrected, when some were (the alternatives below are counted with them).
   */
  spelling: string | null;
  /** When nothing matches: filters to drop, a wider radius, or no words. */
  alternatives: Alternative[];
}

/** Minimum trigram similarity for a word of the lexicon to stand for a misspelt word. */
const SPELLING_SIMILARITY = 0.4;

/** For each word: whether the published texts have a word starting with it, else the nearest ones. */
async function spellings(terms: string[]) {
  const db = await getDb();
  const list = sql.join(terms.map((t) => sql`${t}`), sql`, `);
  const plain = sql`public.fold_text(t.term)`;
  const result = (await db.execute(sql`
    select t.term as term,
      exists (select 1 from ${searchLexicon} l where l.plain like ${plain} || '%') as known,
      coalesce((select array_agg(c.word order by c.sim desc, length(c.word), c.word) from (
        select l.word, similarity(l.plain, ${plain}) as sim from ${searchLexicon} l
        where l.plain % ${plain} order by sim desc limit 3) c where c.sim >= ${SPELLING_SIMILARITY}), '{}') as nearest
    from unnest(array[${list}]::text[]) as t(term)`)) as unknown as { rows: { term: string; known: boolean; nearest: string[] | string }[] };
  return result.rows.map((row) => ({
    term: row.term,
    known: row.known,
    // Only plain words go into a text-search query.
    nearest: (typeof row.nearest === "string" ? parsePgArray(row.nearest) : row.nearest).filter((w) => /^\p{L}+$/u.test(w)),
  }));
}

/** Drivers that leave a text[] as its literal ("{a,b}"). */
function parsePgArray(literal: string): string[] {
  const body = literal.replace(/^\{|\}$/g, "");
  return body ? body.split(",").map((w) => w.replace(/^"|"$/g, "")) : [];
}

/**
 * The typo-tolerant match: each word not found as typed is replaced by its nearest spellings in the
 * published texts, and titles that look like the whole query (trigram word similarity) match too.
 */
async function approximateMatch(q: string, terms: string[]): Promise<{ match: TextMatch; suggestion: string | null }> {
  const found = await spellings(terms);
  const groups = found.flatMap((f) => (f.known ? [[f.term]] : f.nearest.length ? [f.nearest] : []));
  const query = (operator: string) => sql`to_tsquery('public.french_unaccent', ${groups.map((g) => `(${g.map((w) => `${w}:*`).join(" | ")})`).join(operator)})`;
  const words = groups.length ? query(" & ") : null;
  const typed = sql`public.fold_text(${q})`;
  const title = sql`public.fold_text(${sa.title})`;
  const looksLike = sql`${typed} <% ${title}`;
  const corrected = found.map((f) => (f.known || f.nearest.length === 0 ? f.term : f.nearest[0]!));
  const suggestion = found.some((f) => !f.known && f.nearest.length > 0) ? corrected.join(" ") : null;
  return {
    match: {
      where: words ? sql`(${sa.document} @@ ${words} or ${looksLike})` : looksLike,
      rank: sql`(${words ? sql`ts_rank(${sa.rankDocument}, ${query(" | ")})` : sql`0`} + word_similarity(${typed}, ${title}))`,
    },
    suggestion,
  };
}

/** The ways to widen a search that found nothing, each with the number of results it gives. */
async function alternativesTo(context: Context): Promise<Alternative[]> {
  const { filters, town } = context;
  const tries: [Alternative, Context][] = [];
  const widest = RADII[RADII.length - 1]!;
  if (town && filters.radius < widest) tries.push([{ kind: "radius", radius: widest, total: 0 }, { ...context, filters: { ...filters, radius: widest } }]);
  for (const key of activeFilters(filters)) {
    if (key === "to" && filters.from) continue;
    const without = key === "from" || key === "to" ? { from: null, to: null } : { [key]: typeof filters[key] === "boolean" ? false : null };
    tries.push([{ kind: "drop", filter: key, total: 0 }, { ...context, filters: { ...filters, ...without }, town: key === "town" ? null : town }]);
  }
  if (context.text && tries.length > 0) tries.push([{ kind: "words", total: 0 }, { ...context, text: null }]);
  const totals = await Promise.all(tries.map(([, c]) => countSearch(c)));
  return tries.flatMap(([alternative], i) => (totals[i]! > 0 ? [{ ...alternative, total: totals[i]! }] : []));
}

/**
 * The catalogue search of /formations for the Paris day `today` (the server's, never the
 * request's): the page asked for, with the counts per filter value and, when nothing matches,
 * approximate spellings and ways to widen the search.
 */
export async function searchCatalogue({ filters: asked, today }: { filters: SearchFilters; today: string }): Promise<SearchOutcome> {
  const town = asked.town ? await findTown(asked.town) : null;
  // The place is a department or a town with its radius, not both: a town found replaces the
  // department (the form offers both, and the filters shown must be those that apply).
  const filters = town ? { ...asked, department: null } : asked.town ? { ...asked, town: null } : asked;
  const terms = searchTerms(filters.q);
  let context: Context = { filters, today, town, text: wordsMatch(terms) };
  let page = await runSearch(context);
  let approximate: SearchOutcome["approximate"] = null;
  let spelling: string | null = null;
  let alternatives: Alternative[] | null = null;
  if (page.total === 0 && terms.length > 0) {
    const { match, suggestion } = await approximateMatch(filters.q, terms);
    const approximateContext = { ...context, text: match };
    const approximatePage = await runSearch(approximateContext);
    if (approximatePage.total > 0) {
      context = approximateContext;
      page = approximatePage;
      approximate = { suggestion };
    } else if (suggestion) {
      // The filters leave nothing even so: the ways out are counted with the nearest spellings, as
      // the page they lead to will search (« maçonerie » in the wrong department offers the
      // department where « maçonnerie » is). The correction is offered only when one of them
      // finds something: the lexicon keeps every word ever published, and a word left only in
      // texts no longer online would lead nowhere.
      const ways = await alternativesTo(approximateContext);
      if (ways.some((way) => way.kind !== "words")) {
        context = approximateContext;
        spelling = suggestion;
        alternatives = ways;
      }
    }
  }
  alternatives ??= page.total === 0 ? await alternativesTo(context) : [];
  return { ...page, filters, town, townNotFound: asked.town && !town ? asked.town : null, approximate, spelling, alternatives };
}
