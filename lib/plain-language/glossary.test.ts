import { describe, expect, it } from "vitest";
import { checkPlainLanguage } from "@/lib/plain-language/check";
import { abbreviations, acronyms, jargon, unitAbbreviations, wellKnownAcronyms } from "@/lib/plain-language/glossary";

const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

describe("acronym glossary", () => {
  it("covers the common acronyms of the training world", () => {
    expect(acronyms.length).toBeGreaterThanOrEqual(150);
    const known = new Set(acronyms.map((entry) => entry.acronym));
    for (const acronym of ["CAP", "BTS", "BAC PRO", "DEAES", "BPJEPS", "TP", "CQP", "RNCP", "CléA", "TOEIC", "CACES", "SST", "PSC1", "HACCP", "FIMO", "OPCO", "AGEFIPH", "CPF", "FT", "DREETS", "GRETA", "CFA", "POEI", "VAE", "IAE", "E2C", "AFEST", "ADVF", "ATSEM", "SPL"]) {
      expect(known, acronym).toContain(acronym);
    }
  });

  it("holds each acronym once, whatever its accents or case", () => {
    const keys = acronyms.map((entry) => folded(entry.acronym));
    expect(new Set(keys).size).toBe(keys.length);
    expect(acronyms.filter((entry) => wellKnownAcronyms.includes(entry.acronym))).toEqual([]);
  });

  it("writes expansions as they read in a sentence: lower case but proper nouns, typographic apostrophe", () => {
    for (const { acronym, expansion } of acronyms) {
      expect(expansion, acronym).not.toMatch(/'/);
      expect(expansion, acronym).toBe(expansion.trim());
      const properNoun = /^(?:France Travail|Pôle emploi|Fonds|Association|Agence|Conservatoire|Centre|Institut)\b/.test(expansion);
      if (!properNoun) expect(expansion.charAt(0), acronym).toBe(expansion.charAt(0).toLowerCase());
    }
    expect(acronyms.find((entry) => entry.acronym === "CACES")).toEqual({
      acronym: "CACES",
      expansion: "certificat d’aptitude à la conduite en sécurité",
      category: "habilitation",
    });
  });

  it("suggests expansions the checker itself finds plain", () => {
    for (const { acronym, expansion } of acronyms) {
      expect(checkPlainLanguage(`Une formation avec ${expansion} (${acronym}).`, "content"), acronym).toEqual([]);
    }
  });
});

describe("abbreviations and jargon", () => {
  it("lists at least 30 abbreviations and 20 jargon terms, each with its plain form", () => {
    expect(abbreviations.length).toBeGreaterThanOrEqual(30);
    expect(jargon.length).toBeGreaterThanOrEqual(20);
    for (const { abbreviation, expansion } of [...abbreviations, ...unitAbbreviations]) {
      expect(expansion.length, abbreviation).toBeGreaterThan(abbreviation.replace(".", "").length);
      expect(expansion, abbreviation).not.toMatch(/'/);
    }
    for (const { term, plain } of jargon) expect(plain, term).not.toMatch(/'/);
  });

  it("suggests words the checker itself finds plain", () => {
    for (const { abbreviation, expansion } of [...abbreviations, ...unitAbbreviations]) {
      expect(checkPlainLanguage(`Une phrase avec ${expansion} dedans.`, "content"), abbreviation).toEqual([]);
    }
    for (const { term, plain } of jargon) {
      expect(checkPlainLanguage(`Une phrase avec ${plain} dedans.`, "content"), term).toEqual([]);
    }
  });

  it("finds every listed abbreviation and jargon term as typed", () => {
    for (const { abbreviation } of abbreviations) {
      const [issue] = checkPlainLanguage(`Voir ${abbreviation} dans la liste`, "content");
      expect(issue, abbreviation).toMatchObject({ kind: "abbreviation", index: 5 });
    }
    for (const { term } of jargon) {
      expect(checkPlainLanguage(`Voir ${term} dans la liste`, "content"), term).toMatchObject([{ kind: "jargon", match: term }]);
    }
  });
});
