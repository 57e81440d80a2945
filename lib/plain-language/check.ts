// R3 — plain language. Flags what the general public may not understand (acronyms, abbreviations,
// jargon, words in capitals) and blocks what is clearly wrong in a title (all in capitals, or only
// a code). Runs in the browser when the provider leaves a field and again on the server, so it is
// plain TypeScript, and every pattern is built once, at module load.

import {
  abbreviations,
  acronyms,
  jargon,
  properNames,
  unitAbbreviations,
  wellKnownAcronyms,
  type GlossaryAcronym,
} from "@/lib/plain-language/glossary";

export type PlainLanguageField = "title" | "objectives" | "results" | "content" | "moduleTitle";

export type PlainLanguageKind =
  | "title-capitals" // the whole title (or nearly all its letters) in capitals — blocking
  | "title-code-only" // the title is only an acronym, a code or a number — blocking
  | "title-too-short" // fewer than 3 words
  | "capitals" // words of 4+ letters in capitals that are not a known acronym
  | "acronym" // an acronym not preceded or followed by its expansion
  | "abbreviation"
  | "jargon";

export interface PlainLanguageIssue {
  kind: PlainLanguageKind;
  severity: "blocking" | "warning";
  /** The text found, exactly as typed (« CACES », « env. »). */
  match: string;
  /** Where it starts in the text (UTF-16 index), so the UI can replace exactly that occurrence. */
  index: number;
  /** A short French sentence for the provider, with French typography. */
  message: string;
  /** The replacement text when one is known; absent otherwise. */
  suggestion?: string;
  /** Remembers that the provider dismissed this warning. */
  key: string;
}

const NBSP = "\u00a0";
const quote = (text: string) => `«${NBSP}${text}${NBSP}»`;

/** Accent-, case-, apostrophe- and spacing-insensitive form, to compare typed text with the glossary. */
const fold = (text: string) =>
  text.normalize("NFD").replace(/\p{M}/gu, "").replace(/’/g, "'").replace(/\s+/g, " ").toLowerCase();
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const EXACT = new Map(acronyms.map((entry) => [entry.acronym, entry]));
const GLOSSARY = new Map(acronyms.map((entry) => [fold(entry.acronym), entry]));
const FOLDED_EXPANSION = new Map(acronyms.map((entry) => [entry, fold(entry.expansion)]));
const WELL_KNOWN = new Set(wellKnownAcronyms);

/** Glossary acronyms that are also ordinary words or names once written « Rome », « Bees ». */
const ALSO_WORDS = new Set(["ROME", "BEES"]);

/**
 * « CACES », « CléA », « CLEA », « SSIAP1 », and « Caces » as providers often type it; not « Bac »,
 * « Mac » or « Rome », which are words.
 */
function glossaryEntry(token: string): GlossaryAcronym | undefined {
  const exact = EXACT.get(token);
  if (exact || !/\p{Lu}/u.test(token)) return exact; // most words: no need to fold them
  const entry = GLOSSARY.get(fold(token));
  const asWord = /^\p{Lu}\p{Ll}{3,}$/u.test(token) && entry !== undefined && !ALSO_WORDS.has(entry.acronym);
  if (entry && (entry.acronym === token || !/\p{Ll}/u.test(token) || asWord)) return entry;
  const withLevel = /^(\p{Lu}{2,})\d+$/u.exec(token);
  return withLevel ? glossaryEntry(withLevel[1]!) : undefined;
}

// Regex sources that accept any accent and either case, so that « prepa » and « PRÉPA » match
// « prépa ». No `i` flag: with it, \p{Lu} would match lower-case letters too.
const ACCENTED: Record<string, string> = { a: "aàâä", c: "cç", e: "eéèêë", i: "iîï", o: "oôö", u: "uùûü" };
const loose = (text: string) =>
  [...fold(text)]
    .map((char) => {
      if (char === " ") return "\\s+";
      if (char === "'") return "['’]";
      if (!/\p{L}/u.test(char)) return char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      const variants = ACCENTED[char] ?? char;
      return `[${variants}${variants.toUpperCase()}]`;
    })
    .join("");
const alternation = (sources: string[]) => sources.map((source) => `(${source})`).join("|");
/** Which numbered alternative of an `alternation` matched. */
const alternative = (match: RegExpExecArray) => match.findIndex((group, i) => i > 0 && group !== undefined) - 1;

const NOT_BEFORE = "(?<![\\p{L}\\p{N}-])";
const NOT_AFTER = "(?![\\p{L}\\p{N}-])";

const PROTECTED = new RegExp(
  `${alternation(properNames.map(loose))}|(?:https?://|www\\.)\\S+|(?<![\\w.+-])[\\w.+-]+@[\\w-]+\\.[\\w.-]+`,
  "gu",
);

// « 35 h », « 70h », « 45 min. »; not clock times (« 9 h 30 ») nor codes (« R489 »).
const UNITS = [...unitAbbreviations].sort((a, b) => b.abbreviation.length - a.abbreviation.length);
const UNIT = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(\\d+(?:[.,]\\d+)?)(\\s?)(${UNITS.map((u) => loose(u.abbreviation)).join("|")})(?![\\p{L}\\p{N}])(?!\\s*\\d)\\.?`,
  "gu",
);

// A dotted form needs its dot, or a number or code right after it (« cat 3 », « cat A »); a
// dotless form may carry a sentence's final dot.
const ABBREVIATIONS = [...abbreviations].sort((a, b) => b.abbreviation.length - a.abbreviation.length);
const ABBREVIATION = new RegExp(
  NOT_BEFORE +
    `(?:${alternation(
      ABBREVIATIONS.map(({ abbreviation }) =>
        abbreviation.endsWith(".")
          ? `${loose(abbreviation.slice(0, -1))}(?:\\.|(?=\\s+(?:\\d|\\p{Lu}(?!\\p{Ll}))))`
          : `${loose(abbreviation)}${NOT_AFTER}\\.?`,
      ),
    )})`,
  "gu",
);

// Inflected forms too: « présentielle », « compétences transversales », « soft skill ».
const JARGON = new RegExp(
  NOT_BEFORE +
    `(?:${alternation(
      jargon.map(({ term }) =>
        term
          .split(/[\s-]+/)
          .map((word) => (word.length < 4 ? loose(word) : `${loose(word.replace(/s$/, ""))}(?:l?e)?s?`))
          .join("[\\s-]*"),
      ),
    )})${NOT_AFTER}`,
  "gu",
);

/** Acronyms of several words (« BAC PRO »), found before « PRO » is taken for an abbreviation. */
const PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${acronyms
    .filter((entry) => entry.acronym.includes(" "))
    .map((entry) => entry.acronym.replace(/ /g, "\\s+"))
    .join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);

const TOKEN = /[\p{L}\p{N}]+/gu;
const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;
/** Short French words, harmless in capitals on their own and part of a run of capitals. */
const SMALL_WORDS = new Set(
  "A À AU AUX CE CES DE DES DU EN ES EST ET IL LA LE LES MA NE NON NOS ON OU OUI PAR PAS QUE QUI SA SE SES SON SUR UN UNE VOS Y".split(" "),
);
/** Codes written in capitals that their context explains: « permis CE », « habilitation électrique BS BE ». */
const CODE_CONTEXTS = [
  { code: /^(?:AM|BE|CE|DE)$/, after: /permis[^.;:!?()\n]{0,30}$/i },
  { code: /^[BH][RCSEPF]$/, after: /habilitations?[^.;:!?()\n]{0,60}$/i },
];
/** Words that only qualify a code: a title made of them and codes is still only a code. */
const CODE_WORDS = new Set(["categorie", "categories", "niveau", "niveaux", "option", "module", "session", "groupe", "version"]);

const messages = {
  "title-capitals": (match: string) =>
    `Intitulé en capitales${NBSP}: ${quote(match)}. Écrivez-le en minuscules, avec une majuscule au début seulement.`,
  "title-code-only": (match: string) =>
    `L’intitulé n’est qu’un sigle ou un code${NBSP}: ${quote(match)}. Écrivez en toutes lettres le métier ou la compétence visée.`,
  "title-too-short": (match: string) =>
    `Intitulé peu explicite${NBSP}: ${quote(match)}. Précisez le métier ou la compétence visée, en trois mots au moins.`,
  capitals: (match: string) =>
    `Texte en capitales${NBSP}: ${quote(match)}. Écrivez-le en minuscules, plus faciles à lire${NBSP}; s’il s’agit d’un sigle, écrivez-le en toutes lettres.`,
  acronym: (match: string, known: boolean) =>
    `Sigle à expliquer${NBSP}: ${quote(match)}. ` +
    (known
      ? "Le grand public ne le connaît pas forcément."
      : "Écrivez-le en toutes lettres, suivi du sigle entre parenthèses."),
  abbreviation: (match: string, expansion: string) =>
    `Abréviation${NBSP}: ${quote(match)}. Écrivez le mot en entier${NBSP}: ${quote(expansion)}.`,
  jargon: (match: string, plain: string) =>
    `Mot technique${NBSP}: ${quote(match)}. Préférez des mots simples, par exemple ${quote(plain)}.`,
};

/** At the start of the text or after a sentence's end, but not after an abbreviation's dot (« Qualif. CQP »). */
function atSentenceStart(text: string, index: number, taken: Uint8Array): boolean {
  const before = /[.!?…\n][\s«"“(]*$/.exec((index <= 12 ? "\n" : "") + text.slice(Math.max(0, index - 12), index));
  return before !== null && !(before[0].startsWith(".") && taken[index - before[0].length] === 1);
}

/** A dot that ends a sentence, not only the abbreviation, must stay after the replacement. */
const SENTENCE_GOES_ON = /\s+\p{Lu}(?![\p{Lu}\p{N}])/uy;
function keepsFinalDot(text: string, end: number, field: PlainLanguageField): boolean {
  if (text.slice(end).trim() === "") return field !== "title" && field !== "moduleTitle";
  SENTENCE_GOES_ON.lastIndex = end;
  return SENTENCE_GOES_ON.test(text);
}

/** The expansion (or, for an acronym in brackets, words with its initials) is right next to it. */
function isExplained(text: string, start: number, end: number, acronym: string, entry?: GlossaryAcronym): boolean {
  const wanted = entry && FOLDED_EXPANSION.get(entry);
  if (wanted) {
    const before = fold(text.slice(Math.max(0, start - wanted.length - 12), start)).replace(/[\s(«"“:,–—-]+$/, "");
    if (before.endsWith(wanted)) return true;
    const after = fold(text.slice(end, end + wanted.length + 12)).replace(/^[\s(«"“:,–—-]+/, "");
    if (after.startsWith(wanted)) return true;
  }
  const letters = fold(acronym).replace(/[^a-z]/g, "");
  const initials = (words: string) =>
    words
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .map((word) => fold(word)[0])
      .join("");
  const isSubsequence = (of: string) => {
    let i = 0;
    for (const char of of) if (char === letters[i]) i++;
    return i === letters.length;
  };
  const opening = /\(\s*$/.exec(text.slice(Math.max(0, start - 3), start));
  if (opening && /^\s*\)/.test(text.slice(end))) {
    const words = initials(text.slice(Math.max(0, start - 160), start - opening[0].length)).slice(-3 * letters.length);
    return isSubsequence(words) && words.endsWith(letters.slice(-1));
  }
  const bracket = /^\s*\(([^)]{1,160})\)/.exec(text.slice(end, end + 170));
  if (bracket) {
    const words = initials(bracket[1]!);
    return words.startsWith(letters.charAt(0)) && isSubsequence(words);
  }
  return false;
}

interface Token {
  start: number;
  end: number;
  text: string;
  /** Its glossary entry, unless it is one of the acronyms everybody knows. */
  entry: GlossaryAcronym | undefined;
  wellKnown: boolean;
}

export function checkPlainLanguage(text: string, field: PlainLanguageField): PlainLanguageIssue[] {
  const issues: PlainLanguageIssue[] = [];
  if (text.trim() === "") return issues;
  // Characters already covered by an issue or a proper name: one issue per occurrence.
  const taken = new Uint8Array(text.length);
  const isFree = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  const report = (kind: PlainLanguageKind, index: number, match: string, message: string, suggestion?: string) => {
    const severity = kind === "title-capitals" || kind === "title-code-only" ? "blocking" : "warning";
    issues.push({ kind, severity, match, index, message, key: `${kind}:${match}`, ...(suggestion !== undefined && { suggestion }) });
  };
  const add: typeof report = (kind, index, match, ...rest) => {
    taken.fill(1, index, index + match.length);
    report(kind, index, match, ...rest);
  };
  const withDot = (match: string, end: number, expansion: string) =>
    match.endsWith(".") && keepsFinalDot(text, end, field) ? `${expansion}.` : expansion;

  for (const m of text.matchAll(PROTECTED)) taken.fill(1, m.index, m.index + m[0].length);

  const explained = new Set<string>();
  const acronymAt = (start: number, match: string, entry?: GlossaryAcronym) => {
    const key = entry?.acronym ?? match;
    // Explained once, fine for the rest of the text; and its letters are no abbreviation (« BAC PRO »).
    if (explained.has(key) || isExplained(text, start, start + match.length, match, entry)) {
      explained.add(key);
      taken.fill(1, start, start + match.length);
      return;
    }
    const expansion = entry && (atSentenceStart(text, start, taken) ? upperFirst(entry.expansion) : entry.expansion);
    add("acronym", start, match, messages.acronym(match, entry !== undefined), expansion && `${expansion} (${match})`);
  };

  for (const m of text.matchAll(PHRASE)) if (isFree(m.index, m.index + m[0].length)) acronymAt(m.index, m[0], glossaryEntry(m[0]));

  for (const m of text.matchAll(UNIT)) {
    const [whole, amount = "", space = ""] = m;
    const index = m.index + amount.length + space.length;
    const match = whole.slice(amount.length + space.length);
    if (!isFree(index, index + match.length)) continue;
    const unit = UNITS.find((u) => fold(u.abbreviation) === fold(match.replace(/\.$/, "")))!;
    const singular = Number(amount.replace(",", ".")) < 2;
    const expansion = singular ? unit.expansion.replace(/s$/, "") : unit.expansion;
    add("abbreviation", index, match, messages.abbreviation(match, expansion), (space ? "" : NBSP) + withDot(match, index + match.length, expansion));
  }

  for (const m of text.matchAll(ABBREVIATION)) {
    if (!isFree(m.index, m.index + m[0].length)) continue;
    // « Prépa » → « Préparation », « RDV » → « rendez-vous ».
    const { expansion } = ABBREVIATIONS[alternative(m)]!;
    const cased = atSentenceStart(text, m.index, taken) || /^\p{Lu}\P{Lu}*$/u.test(m[0]) ? upperFirst(expansion) : expansion;
    add("abbreviation", m.index, m[0], messages.abbreviation(m[0], cased), withDot(m[0], m.index + m[0].length, cased));
  }

  for (const m of text.matchAll(JARGON)) {
    if (isFree(m.index, m.index + m[0].length)) add("jargon", m.index, m[0], messages.jargon(m[0], jargon[alternative(m)]!.plain));
  }

  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const wellKnown = WELL_KNOWN.has(m[0]);
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], wellKnown, entry: wellKnown ? undefined : glossaryEntry(m[0]) });
  }
  const free = tokens.filter((token) => isFree(token.start, token.end));
  // Mostly in capitals, not counting acronyms, which are meant to be.
  const words = tokens.filter((token) => !token.entry && !token.wellKnown).map((token) => token.text).join("");
  const letters = words.match(/\p{L}/gu)?.length ?? 0;
  const shouting = letters >= 4 && (words.match(/\p{Lu}/gu)?.length ?? 0) / letters >= 0.6;

  if (field === "title") {
    const trimmed = text.trim();
    const start = text.indexOf(trimmed);
    const isRealWord = (token: Token) =>
      /^\p{L}{3,}$/u.test(token.text) &&
      // An abbreviation (« cat. ») or an acronym is no word; a jargon word is one.
      !issues.some((i) => i.kind !== "jargon" && i.index <= token.start && token.start < i.index + i.match.length) &&
      !SMALL_WORDS.has(token.text.toUpperCase()) &&
      !token.entry &&
      !token.wellKnown &&
      !(token.text.length === 3 && !/\p{Ll}/u.test(token.text)) &&
      !CODE_WORDS.has(fold(token.text));
    const wordCount = tokens.filter((token) => /\p{L}/u.test(token.text)).length;
    const titleIssue = !tokens.some(isRealWord)
      ? "title-code-only"
      : shouting
        ? "title-capitals"
        : wordCount < 3
          ? "title-too-short"
          : undefined;
    // Spans the whole title, so it takes no characters from the word-level findings.
    if (titleIssue) report(titleIssue, start, trimmed, messages[titleIssue](trimmed));
  }

  // Words: known acronyms, unknown ones (2–3 capitals), and runs of capitals. In a title written
  // all in capitals, only known acronyms can be told apart from ordinary words.
  const isCaps = (token: Token) => /^\p{Lu}+$/u.test(token.text);
  const isShouted = (token: Token) => isCaps(token) && token.text.length >= 4 && !ROMAN.test(token.text);
  for (let i = 0; i < free.length; i++) {
    const token = free[i]!;
    if (token.entry) {
      acronymAt(token.start, token.text, token.entry);
      continue;
    }
    if (!isCaps(token) || token.wellKnown || (shouting && field === "title")) continue;
    // A run: capitalised words separated only by spaces, apostrophes or hyphens.
    let last = i;
    while (last + 1 < free.length) {
      const next = free[last + 1]!;
      if (!isCaps(next) || next.entry || !/^[\s'’-]+$/.test(text.slice(free[last]!.end, next.start))) break;
      last++;
    }
    const run = free.slice(i, last + 1);
    if (run.some(isShouted)) {
      const match = text.slice(token.start, run.at(-1)!.end);
      add("capitals", token.start, match, messages.capitals(match));
    } else {
      for (const word of run) {
        const isCode =
          word.text.length < 2 ||
          SMALL_WORDS.has(word.text) ||
          word.wellKnown ||
          ROMAN.test(word.text) ||
          CODE_CONTEXTS.some(({ code, after }) => code.test(word.text) && after.test(text.slice(Math.max(0, word.start - 70), word.start)));
        if (!isCode) acronymAt(word.start, word.text);
      }
    }
    i = last;
  }

  // At the same place, the title-level issue (the longer match) comes first.
  return issues.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
}

/** Replaces the occurrence the issue points at with its suggestion (the text unchanged when that occurrence is no longer there or there is no suggestion). */
export function applySuggestion(text: string, issue: PlainLanguageIssue): string {
  const end = issue.index + issue.match.length;
  if (issue.suggestion === undefined || text.slice(issue.index, end) !== issue.match) return text;
  return text.slice(0, issue.index) + issue.suggestion + text.slice(end);
}

/** The blocking issues only. */
export function blockingIssues(issues: PlainLanguageIssue[]): PlainLanguageIssue[] {
  return issues.filter((issue) => issue.severity === "blocking");
}
