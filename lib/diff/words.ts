// A word-level diff for showing what changed in a text (staff review, the provider's history).
// Tokens keep every character — words, runs of spaces, single punctuation marks — so that the
// parts always rebuild both texts exactly: `same` + `removed` is the text before, `same` + `added`
// the text after.

export interface WordChange {
  kind: "same" | "added" | "removed";
  text: string;
}

// Letters with their combining accents and digits form words; each other visible character stands alone.
const WORD_TOKENS = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;
// A line with its line break, or a blank line.
const LINE_TOKENS = /[^\n]+\n?|\n/g;

/**
 * A correction changes a few words: Myers' algorithm finds them in time proportional to the
 * length of the texts times the number of tokens inserted or deleted, up to MAX_EDITS. Beyond,
 * the LCS table is filled when the product of the two token counts is at most MAX_CELLS (about
 * 630 tokens each); otherwise lines are compared, and failing that the whole text is replaced.
 * A 3 000-character text is about 1 000 tokens: two such texts sharing most of their words take
 * about a millisecond, and two rewritten from end to end — where a replacement reads best anyway
 * — a few.
 */
const MAX_EDITS = 400;
const MAX_CELLS = 400_000;

function tokens(text: string, pattern: RegExp): string[] {
  return text.match(pattern) ?? [];
}

/** Tokens as numbers, equal when the tokens are: comparing them is what both algorithms do most. */
function numbered(a: string[], b: string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
    return id;
  };
  return [Int32Array.from(a, idOf), Int32Array.from(b, idOf)];
}

/** Myers' greedy shortest edit script, or null when it needs more than MAX_EDITS insertions and deletions. */
function myersParts(a: string[], b: string[], x: Int32Array, y: Int32Array): WordChange[] | null {
  const n = x.length;
  const m = y.length;
  const limit = Math.min(n + m, MAX_EDITS);
  const offset = limit + 1;
  // furthest[offset + k]: the furthest position in a reached on diagonal k (k = position in a − position in b).
  const furthest = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(furthest.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && furthest[offset + k - 1]! < furthest[offset + k + 1]!);
      let i = down ? furthest[offset + k + 1]! : furthest[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      furthest[offset + k] = i;
      if (i >= n && j >= m) return myersBacktrack(a, b, trace, d, offset);
    }
  }
  return null;
}

function myersBacktrack(a: string[], b: string[], trace: Int32Array[], edits: number, offset: number): WordChange[] {
  const parts: WordChange[] = [];
  let i = a.length;
  let j = b.length;
  for (let d = edits; d >= 0; d--) {
    const furthest = trace[d]!;
    const k = i - j;
    const down = k === -d || (k !== d && furthest[offset + k - 1]! < furthest[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousI = furthest[offset + previousK]!;
    const previousJ = previousI - previousK;
    while (i > previousI && j > previousJ) {
      parts.push({ kind: "same", text: a[--i]! });
      j--;
    }
    if (d > 0) {
      if (down) parts.push({ kind: "added", text: b[--j]! });
      else parts.push({ kind: "removed", text: a[--i]! });
    }
  }
  return parts.reverse();
}

/** The longest common subsequence of a and b, walked from the start: one part per token. */
function lcsParts(a: string[], b: string[], x: Int32Array, y: Int32Array): WordChange[] {
  const n = x.length;
  const m = y.length;
  const width = m + 1;
  // lengths[i * width + j]: the LCS of a[i..] and b[j..]; it never exceeds min(n, m) < 65 536.
  const lengths = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const below = row + width;
    const xi = x[i];
    for (let j = m - 1; j >= 0; j--) {
      lengths[row + j] = xi === y[j] ? lengths[below + j + 1]! + 1 : Math.max(lengths[below + j]!, lengths[row + j + 1]!);
    }
  }
  const parts: WordChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      parts.push({ kind: "same", text: a[i++]! });
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      parts.push({ kind: "removed", text: a[i++]! });
    } else {
      parts.push({ kind: "added", text: b[j++]! });
    }
  }
  while (i < n) parts.push({ kind: "removed", text: a[i++]! });
  while (j < m) parts.push({ kind: "added", text: b[j++]! });
  return parts;
}

/** Common prefix and suffix set aside first (most edits touch a small part of a text), then the middle compared. */
function diffTokens(a: string[], b: string[]): WordChange[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  let middle: WordChange[] | null;
  if (middleA.length === 0 || middleB.length === 0) {
    middle = [...middleA.map((text): WordChange => ({ kind: "removed", text })), ...middleB.map((text): WordChange => ({ kind: "added", text }))];
  } else {
    const [x, y] = numbered(middleA, middleB);
    middle = myersParts(middleA, middleB, x, y) ?? (x.length * y.length <= MAX_CELLS ? lcsParts(middleA, middleB, x, y) : null);
  }
  if (!middle) return null;
  return [...a.slice(0, start).map((text): WordChange => ({ kind: "same", text })), ...middle, ...a.slice(endA).map((text): WordChange => ({ kind: "same", text }))];
}

/**
 * Adjacent parts of a kind merged, and each run of changes written as what was removed then what
 * was added. A lone space kept between two changes is folded into them, so that « le chat noir »
 * → « un chien blanc » reads as one replacement rather than three.
 */
function normalise(parts: WordChange[]): WordChange[] {
  const merged: WordChange[] = [];
  for (const part of parts) {
    if (part.text === "") continue;
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  const result: WordChange[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) result.push({ kind: "removed", text: removed });
    if (added) result.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  merged.forEach((part, index) => {
    // Once merged, a part of kind "same" is followed by a change, if by anything.
    const folded = part.kind === "same" && (removed || added) && index < merged.length - 1 && /^\s+$/.test(part.text);
    if (folded) {
      removed += part.text;
      added += part.text;
    } else if (part.kind === "same") {
      flush();
      result.push(part);
    } else if (part.kind === "removed") {
      removed += part.text;
    } else {
      added += part.text;
    }
  });
  flush();
  return result;
}

export function diffWords(before: string, after: string): WordChange[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const parts =
    diffTokens(tokens(before, WORD_TOKENS), tokens(after, WORD_TOKENS)) ??
    diffTokens(tokens(before, LINE_TOKENS), tokens(after, LINE_TOKENS)) ?? [
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ];
  return normalise(parts);
}
