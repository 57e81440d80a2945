import { describe, expect, it } from "vitest";
import {
  applySuggestion,
  checkPlainLanguage,
  type PlainLanguageField,
  type PlainLanguageIssue,
} from "@/lib/plain-language/check";

const suggested = (text: string, field: PlainLanguageField = "content") =>
  checkPlainLanguage(text, field).map(({ kind, match, suggestion }) => [kind, match, suggestion]);

/** Applies every suggestion, the last occurrence first, so that earlier indexes stay right. */
const applyAll = (text: string, issues: PlainLanguageIssue[]) =>
  issues.reduceRight((result, issue) => applySuggestion(result, issue), text);

describe("abbreviations", () => {
  it("flags abbreviations with the word to write", () => {
    expect(suggested("Durée env. 3 mois, niv. B1 requis, Excel init. et perf.", "moduleTitle")).toEqual([
      ["abbreviation", "env.", "environ"],
      ["abbreviation", "niv.", "niveau"],
      ["abbreviation", "init.", "initiation"],
      ["abbreviation", "perf.", "perfectionnement"],
    ]);
    expect(suggested("Prépa compétences", "title")).toContainEqual(["abbreviation", "Prépa", "Préparation"]);
    expect(suggested("Prendre RDV pour une réunion d’info.")).toEqual([
      ["abbreviation", "RDV", "rendez-vous"],
      ["abbreviation", "info.", "information."],
    ]);
  });

  it("takes a dotless form for an abbreviation only before a number or a code", () => {
    expect(suggested("CACES R482 cat A et cat 3, anglais niv 2", "moduleTitle")).toEqual([
      ["acronym", "CACES", "Certificat d’aptitude à la conduite en sécurité (CACES)"],
      ["abbreviation", "cat", "catégorie"],
      ["abbreviation", "cat", "catégorie"],
      ["abbreviation", "niv", "niveau"],
    ]);
    expect(suggested("The cat is tel que décrit.")).toEqual([]);
    // At the end of a sentence after a number, « min. » is minutes, not minimum.
    expect(suggested("Pause de 15 min. Reprise ensuite.")).toEqual([["abbreviation", "min.", "minutes."]]);
    expect(suggested("Groupe de min. 8 et max 12 personnes.")).toEqual([
      ["abbreviation", "min.", "minimum"],
      ["abbreviation", "max", "maximum"],
    ]);
  });

  it("flags units after a number, in the singular below two, but not clock times", () => {
    expect(checkPlainLanguage("Remise à niveau env. 35 h", "title")).toMatchObject([
      { kind: "abbreviation", match: "env.", index: 16, suggestion: "environ" },
      { kind: "abbreviation", match: "h", index: 24, suggestion: "heures", key: "abbreviation:h" },
    ]);
    expect(suggested("Pause de 1 h, puis 1,5 h de cours, 400 hrs en tout, 2 j par sem.")).toEqual([
      ["abbreviation", "h", "heure"],
      ["abbreviation", "h", "heure"],
      ["abbreviation", "hrs", "heures"],
      ["abbreviation", "j", "jours"],
      ["abbreviation", "sem.", "semaine."],
    ]);
    // Glued to the number: the suggestion brings the (non-breaking) space French typography wants.
    expect(applyAll("Cariste, 70h, 15min", checkPlainLanguage("Cariste, 70h, 15min", "title"))).toBe(
      "Cariste, 70\u00a0heures, 15\u00a0minutes",
    );
    expect(suggested("Accueil de 9 h 30 à 12h30, 35 heures par semaine.")).toEqual([]);
  });

  it("keeps the dot of an abbreviation that also ends a sentence, except at the end of a title", () => {
    expect(applyAll("Durée : 3 mois env. La suite en mai.", checkPlainLanguage("Durée : 3 mois env. La suite en mai.", "content"))).toBe(
      "Durée : 3 mois environ. La suite en mai.",
    );
    expect(applyAll("Durée : 3 mois env.", checkPlainLanguage("Durée : 3 mois env.", "content"))).toBe("Durée : 3 mois environ.");
    expect(applyAll("Vendeur conseil – 3 mois env.", checkPlainLanguage("Vendeur conseil – 3 mois env.", "title"))).toBe(
      "Vendeur conseil – 3 mois environ",
    );
    expect(applyAll("Réf. CQP obligatoire", checkPlainLanguage("Réf. CQP obligatoire", "content"))).toBe(
      "Référence certificat de qualification professionnelle (CQP) obligatoire",
    );
  });

  it("does not take the start of a word for an abbreviation", () => {
    expect(suggested("Préparation, professionnel, informatique, ordinateur, entreprise, catégorie, maximum.")).toEqual([]);
    expect(suggested("Financé par Transitions Pro, accueil au Point Info Jeunes.")).toEqual([]);
  });
});

describe("jargon", () => {
  it("flags jargon in its inflected forms, with plain words in the message and no replacement", () => {
    const issues = checkPlainLanguage("Formation certifiante en présentiel, classes présentielles et soft skill.", "content");
    expect(issues.map(({ kind, match }) => [kind, match])).toEqual([
      ["jargon", "certifiante"],
      ["jargon", "présentiel"],
      ["jargon", "présentielles"],
      ["jargon", "soft skill"],
    ]);
    expect(issues[1]).not.toHaveProperty("suggestion");
    expect(issues[1]?.message).toBe(
      "Mot technique\u00a0: «\u00a0présentiel\u00a0». Préférez des mots simples, par exemple «\u00a0en salle, sur place\u00a0».",
    );
    expect(suggested("Montée en compétences, e-learning et elearning, DISTANCIEL.")).toEqual([
      ["jargon", "Montée en compétences", undefined],
      ["jargon", "e-learning", undefined],
      ["jargon", "elearning", undefined],
      ["jargon", "DISTANCIEL", undefined],
    ]);
  });
});

describe("applying suggestions", () => {
  it("replaces exactly the occurrence the issue points at", () => {
    const text = "Le SST forme. Le SST agit.";
    const second = checkPlainLanguage(text, "content")[1]!;
    expect(applySuggestion(text, second)).toBe("Le SST forme. Le sauveteur secouriste du travail (SST) agit.");
  });

  it("leaves the text unchanged when the occurrence is gone or nothing is suggested", () => {
    const [issue] = checkPlainLanguage("Le SST forme.", "content");
    expect(applySuggestion("Le chef forme.", issue!)).toBe("Le chef forme.");
    expect(applySuggestion("Le SST forme, le SST agit.", { ...issue!, index: 4 })).toBe("Le SST forme, le SST agit.");
    const [unknown] = checkPlainLanguage("Le XRT forme.", "content");
    expect(applySuggestion("Le XRT forme.", unknown!)).toBe("Le XRT forme.");
  });

  it("capitalises a suggestion that starts a sentence", () => {
    expect(suggested("SST obligatoire. CACES conseillé ; voir CléA.")).toEqual([
      ["acronym", "SST", "Sauveteur secouriste du travail (SST)"],
      ["acronym", "CACES", "Certificat d’aptitude à la conduite en sécurité (CACES)"],
      ["acronym", "CléA", "certificat de connaissances et de compétences professionnelles (CléA)"],
    ]);
  });

  it("is idempotent: once every suggestion is applied, nothing it fixed is flagged again", () => {
    for (const [text, field] of [
      ["CACES R489 cat. 1 3 5", "title"],
      ["Titre pro ADVF, BAC PRO et Bac pro, env. 35 h par sem.", "content"],
      ["Le SST et le PSC1 ; puis FIMO, FCO et ADR. Le SST encore. RDV à l’AFPA ou au GRETA.", "content"],
      ["POEI ou POEC financée par l’OPCO, le CPF ou FT, éligible RNCP et RS.", "objectives"],
      ["Préparer le DEAES, le DEAS ou le CAP AEPE ; VAE possible.", "results"],
    ] as const) {
      const fixed = applyAll(text, checkPlainLanguage(text, field));
      expect(checkPlainLanguage(fixed, field).filter((issue) => issue.suggestion !== undefined), fixed).toEqual([]);
      expect(applyAll(fixed, checkPlainLanguage(fixed, field)), text).toBe(fixed);
    }
  });
});

describe("messages", () => {
  const sample = [
    checkPlainLanguage("TP AGENT DE PROPRETE", "title"),
    checkPlainLanguage("BTS", "title"),
    checkPlainLanguage("Cuisine", "title"),
    checkPlainLanguage("URGENT : env. 3 mois en présentiel, CACES et XRT.", "content"),
  ].flat();

  it("covers every kind", () => {
    expect(new Set(sample.map((issue) => issue.kind))).toEqual(
      new Set(["title-capitals", "title-code-only", "title-too-short", "capitals", "abbreviation", "jargon", "acronym"]),
    );
  });

  it("follows French typography: non-breaking spaces before « : ; ! ? » and inside guillemets, curly apostrophes", () => {
    for (const { message } of sample) {
      expect(message, message).not.toMatch(/ [:;!?»]|« |'/);
      expect(message, message).not.toMatch(/[^\u00a0][:;!?»]/);
      expect(message, message).not.toMatch(/«[^\u00a0]/);
      expect(message, message).toMatch(/^\p{Lu}.*\.$/u);
    }
  });

  it("keys a dismissed warning by kind and text", () => {
    expect(sample.map((issue) => issue.key)).toContain("abbreviation:env.");
    for (const issue of sample) expect(issue.key).toBe(`${issue.kind}:${issue.match}`);
  });
});
