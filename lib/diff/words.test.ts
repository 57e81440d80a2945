import { describe, expect, it } from "vitest";
import { diffWords, type WordChange } from "@/lib/diff/words";

const rebuild = (parts: WordChange[], side: "removed" | "added") =>
  parts
    .filter((part) => part.kind === "same" || part.kind === side)
    .map((part) => part.text)
    .join("");

/** Both texts rebuilt exactly, no empty part, no two neighbours of the same kind. */
function expectWellFormed(before: string, after: string) {
  const parts = diffWords(before, after);
  expect(rebuild(parts, "removed")).toBe(before);
  expect(rebuild(parts, "added")).toBe(after);
  for (const part of parts) expect(part.text).not.toBe("");
  parts.forEach((part, index) => {
    if (index > 0) expect(part.kind === parts[index - 1]!.kind).toBe(false);
  });
  return parts;
}

/** A deterministic pseudo-random generator, so that a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const VOCABULARY = [
  "la", "formation", "permet", "aux", "personnes", "de", "découvrir", "les", "métiers", "du", "bâtiment",
  "avec", "des", "stages", "en", "entreprise", "et", "ateliers", "pratiques", "elle", "prépare", "au",
  "certificat", "d’aptitude", "professionnelle", "l’hygiène", "Œuvre", "ÉTÉ", "naïve", "35", "12 500",
];
const SEPARATORS = [" ", " ", " ", ", ", ". ", " ; ", " : ", "\n", "\n\n", " « ", " » ", "  ", "! ", "? ", "—", "'", "\u00a0"];

function randomText(random: () => number, words: number): string {
  let text = "";
  for (let i = 0; i < words; i++) {
    text += VOCABULARY[Math.floor(random() * VOCABULARY.length)];
    if (i < words - 1) text += SEPARATORS[Math.floor(random() * SEPARATORS.length)];
  }
  return text;
}

/** A few words replaced, inserted or deleted: what a correction looks like. */
function edited(random: () => number, text: string): string {
  const words = text.split(" ");
  const edits = 1 + Math.floor(random() * 5);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (words.length + 1));
    const choice = random();
    const word = VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
    if (choice < 0.4) words.splice(at, 1, word);
    else if (choice < 0.7) words.splice(at, 0, word);
    else words.splice(at, 1);
  }
  return words.join(" ");
}

describe("diffWords", () => {
  it("gives nothing for two empty texts, and one part for equal texts", () => {
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("Agent de propreté", "Agent de propreté")).toEqual([{ kind: "same", text: "Agent de propreté" }]);
  });

  it("adds or removes a whole text from or to nothing", () => {
    expect(diffWords("", "Nouveau texte.")).toEqual([{ kind: "added", text: "Nouveau texte." }]);
    expect(diffWords("Ancien texte.", "")).toEqual([{ kind: "removed", text: "Ancien texte." }]);
  });

  it("marks the one word that changed, keeping the spaces around it", () => {
    expect(diffWords("Le chat dort.", "Le chien dort.")).toEqual([
      { kind: "same", text: "Le " },
      { kind: "removed", text: "chat" },
      { kind: "added", text: "chien" },
      { kind: "same", text: " dort." },
    ]);
  });

  it("reads consecutive replaced words as one replacement, not word by word", () => {
    expect(diffWords("Le chat noir dort.", "Le chien blanc dort.")).toEqual([
      { kind: "same", text: "Le " },
      { kind: "removed", text: "chat noir" },
      { kind: "added", text: "chien blanc" },
      { kind: "same", text: " dort." },
    ]);
  });

  it("treats accented letters as part of the word, and a changed accent as a changed word", () => {
    expect(diffWords("Métiers de l’été", "Métiers de l’éte")).toEqual([
      { kind: "same", text: "Métiers de l’" },
      { kind: "removed", text: "été" },
      { kind: "added", text: "éte" },
    ]);
    expectWellFormed("Œuvre naïve", "Œuvres naïves");
    // Decomposed accents (e + combining acute) stay in their word.
    expectWellFormed("Ete\u0301 2027", "Hiver 2027");
  });

  it("sees punctuation apart from words", () => {
    expect(diffWords("Prérequis : aucun.", "Prérequis : aucun !")).toEqual([
      { kind: "same", text: "Prérequis : aucun" },
      { kind: "removed", text: "." },
      { kind: "added", text: " !" },
    ]);
    expectWellFormed("« Agent d’accueil », 35 heures ; Nancy.", "« Agent d’accueil » (35 heures) : Nancy !");
  });

  it("finds an inserted repeated word without shifting the rest", () => {
    expect(diffWords("très bien", "très très bien")).toEqual([
      { kind: "same", text: "très " },
      { kind: "added", text: "très " },
      { kind: "same", text: "bien" },
    ]);
    expectWellFormed("de de de la la", "la de la de de la");
  });

  it("keeps line breaks and non-breaking spaces exactly", () => {
    expectWellFormed("Première ligne\nDeuxième ligne\n\nTroisième", "Première ligne\nDeuxième phrase\nTroisième\n");
    expectWellFormed("35\u00a0heures", "35 heures");
    expectWellFormed("  espaces  au début et à la fin  ", "espaces au début et à la fin");
  });

  it("rebuilds both texts on many pairs, similar or not", () => {
    const random = generator(20_270_301);
    for (let i = 0; i < 300; i++) {
      const before = randomText(random, Math.floor(random() * 40));
      const after = random() < 0.6 ? edited(random, before) : randomText(random, Math.floor(random() * 40));
      expectWellFormed(before, after);
    }
  });

  it("compares two texts of 3 000 characters word by word when they share most words", () => {
    const random = generator(7);
    let before = randomText(random, 600).slice(0, 3000);
    before = before.slice(0, before.lastIndexOf(" "));
    const after = edited(random, before);
    expect(before.length).toBeGreaterThan(2800);
    const parts = expectWellFormed(before, after);
    const changed = parts.filter((part) => part.kind !== "same").map((part) => part.text.length);
    expect(changed.reduce((sum, length) => sum + length, 0)).toBeLessThan(200);
  });

  it("still rebuilds two unrelated texts of 3 000 characters, and longer ones", () => {
    const random = generator(11);
    expectWellFormed(randomText(random, 500).slice(0, 3000), randomText(random, 500).slice(0, 3000));
    expectWellFormed(randomText(random, 4000), randomText(random, 4000));
  });

  it("falls back to whole lines for long texts rewritten line by line", () => {
    const random = generator(5);
    const kept = "Cette ligne ne change pas.\n";
    const before = `${randomText(random, 2000).replace(/\n/g, " ")}\n${kept}`;
    const after = `${randomText(random, 2000).replace(/\n/g, " ")}\n${kept}`;
    const parts = expectWellFormed(before, after);
    expect(parts.at(-1)).toEqual({ kind: "same", text: kept });
  });
});
