// Trigram similarity as PostgreSQL's pg_trgm computes it (words split on anything that is not a
// letter or a digit, each word padded with two spaces before and one after), for matching a
// provider's wording against a few thousand short labels in memory, where calling
// word_similarity() once per row costs hundreds of milliseconds on the embedded database.

/** Lower case, accents and ligatures removed: what `fold_text()` (the migrations' unaccent) gives. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("œ", "oe")
    .replaceAll("æ", "ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

/** The set of trigrams of a folded text. */
export function trigrams(folded: string): Set<string> {
  const set = new Set<string>();
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/**
 * How much of `needle` the `haystack` holds: the share of the needle's trigrams found in the
 * haystack's (1 when every word of the needle appears there). Like pg_trgm's word_similarity()
 * without its requirement that the matching extent be contiguous, which short labels rarely need.
 */
export function containedSimilarity(needle: Set<string>, haystack: Set<string>): number {
  if (needle.size === 0) return 0;
  let shared = 0;
  for (const trigram of needle) if (haystack.has(trigram)) shared += 1;
  return shared / needle.size;
}
