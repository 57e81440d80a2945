import { describe, expect, it } from "vitest";
import { blockingIssues, checkPlainLanguage, type PlainLanguageField } from "@/lib/plain-language/check";

const found = (text: string, field: PlainLanguageField = "content") =>
  checkPlainLanguage(text, field).map(({ kind, match }) => `${kind}:${match}`);

describe("titles", () => {
  it("blocks a title that is only an acronym, a code or a number", () => {
    for (const title of ["CACES R489", "TP AES", "BTS", "2024-56", "DELF B1", "CACES R489 cat. 1 3 5"]) {
      const [issue] = blockingIssues(checkPlainLanguage(title, "title"));
      expect(issue, title).toMatchObject({ kind: "title-code-only", severity: "blocking", match: title, index: 0 });
    }
    expect(checkPlainLanguage("  BTS ", "title")[0]).toMatchObject({ kind: "title-code-only", match: "BTS", index: 2 });
  });

  it("still points at each acronym of a code-only title, with its suggestion", () => {
    expect(checkPlainLanguage("CACES R489", "title")).toMatchObject([
      { kind: "title-code-only", match: "CACES R489" },
      { kind: "acronym", match: "CACES", index: 0, suggestion: "Certificat d’aptitude à la conduite en sécurité (CACES)" },
    ]);
  });

  it("blocks a title written in capitals, and then names only the acronyms it knows", () => {
    expect(found("TP AGENT DE PROPRETE ET D'HYGIENE", "title")).toEqual([
      "title-capitals:TP AGENT DE PROPRETE ET D'HYGIENE",
      "acronym:TP",
    ]);
    expect(found("ANGLAIS", "title")).toEqual(["title-capitals:ANGLAIS"]);
    // Acronyms are meant to be in capitals: they do not make a title « written in capitals ».
    expect(found("CONDUCTEUR DE BUS (FIMO voyageurs)", "title")).toEqual([
      "title-capitals:CONDUCTEUR DE BUS (FIMO voyageurs)",
      "acronym:FIMO",
    ]);
    expect(found("BTS MCO en alternance", "title")).toEqual(["acronym:BTS", "acronym:MCO"]);
  });

  it("warns about a title of fewer than three words", () => {
    expect(checkPlainLanguage("Cuisine", "title")).toMatchObject([{ kind: "title-too-short", severity: "warning" }]);
    expect(found("Soudure TIG", "title")).toEqual(["title-too-short:Soudure TIG", "acronym:TIG"]);
    expect(found("Agent de restauration collective", "title")).toEqual([]);
  });

  it("keeps title-level checks for the title: a module title only gets the in-text checks", () => {
    expect(found("SECURITE INCENDIE", "moduleTitle")).toEqual(["capitals:SECURITE INCENDIE"]);
    expect(blockingIssues(checkPlainLanguage("SECURITE INCENDIE", "moduleTitle"))).toEqual([]);
    expect(found("BTS", "moduleTitle")).toEqual(["acronym:BTS"]);
    expect(found("Cuisine", "moduleTitle")).toEqual([]);
    for (const field of ["objectives", "results", "content"] as const) {
      expect(found("CACES R489", field)).toEqual(["acronym:CACES"]);
    }
  });

  it("says nothing about an empty text", () => {
    expect(checkPlainLanguage("", "title")).toEqual([]);
    expect(checkPlainLanguage("   ", "content")).toEqual([]);
  });
});

describe("acronyms", () => {
  it("flags a known acronym with its expansion as suggestion", () => {
    expect(checkPlainLanguage("Vous passerez le CACES en fin de parcours.", "content")).toEqual([
      {
        kind: "acronym",
        severity: "warning",
        match: "CACES",
        index: 17,
        message: "Sigle à expliquer\u00a0: «\u00a0CACES\u00a0». Le grand public ne le connaît pas forcément.",
        suggestion: "certificat d’aptitude à la conduite en sécurité (CACES)",
        key: "acronym:CACES",
      },
    ]);
  });

  it("accepts an acronym right after or before its expansion, whatever the accents, case and apostrophe", () => {
    for (const text of [
      "Préparer le certificat d’aptitude professionnelle (CAP) en un an.",
      "Formation de Sauveteur Secouriste du Travail (SST).",
      "Passer le certificat d'aptitude a la conduite en securite (CACES) R489.",
      "Le SST (sauveteur secouriste du travail) est obligatoire.",
      "Le sauveteur secouriste du travail, SST, intervient en premier.",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it("accepts an unknown acronym whose words are given in brackets, before or after it", () => {
    expect(found("La prévention des risques électriques (PRE) est abordée.")).toEqual([]);
    expect(found("Le PRE (prévention des risques électriques) est abordé.")).toEqual([]);
    expect(found("Le module de soudure (PRE) est abordé.")).toEqual(["acronym:PRE"]);
  });

  it("flags an acronym in brackets that its words do not precede", () => {
    expect(found("Conduite de chariots (CACES R489)", "title")).toEqual(["acronym:CACES"]);
    expect(found("Maintenance industrielle (CQPM)", "title")).toEqual(["acronym:CQPM"]);
  });

  it("flags an unknown acronym without a suggestion, and asks to write it out", () => {
    const [issue] = checkPlainLanguage("Accès au logiciel XRT pendant la formation.", "content");
    expect(issue).toMatchObject({ kind: "acronym", match: "XRT", index: 18, key: "acronym:XRT" });
    expect(issue).not.toHaveProperty("suggestion");
    expect(issue?.message).toBe(
      "Sigle à expliquer\u00a0: «\u00a0XRT\u00a0». Écrivez-le en toutes lettres, suivi du sigle entre parenthèses.",
    );
  });

  it("reports every unexplained occurrence, in order, and none once the acronym is explained", () => {
    const issues = checkPlainLanguage("Le SST forme. Le SST agit. Le BTS suit.", "content");
    expect(issues.map(({ match, index }) => [match, index])).toEqual([
      ["SST", 3],
      ["SST", 17],
      ["BTS", 30],
    ]);
    expect(found("Le sauveteur secouriste du travail (SST) forme. Le SST agit.")).toEqual([]);
    // Explaining it later does not excuse the first use.
    expect(found("Le SST forme. Le sauveteur secouriste du travail (SST) agit.")).toEqual(["acronym:SST"]);
  });

  it("recognises acronyms however they are typed, but not the words they look like", () => {
    expect(found("Test CléA, test CLEA, test Caces et SSIAP1.")).toEqual([
      "acronym:CléA",
      "acronym:CLEA",
      "acronym:Caces",
      "acronym:SSIAP1",
    ]);
    expect(checkPlainLanguage("Agent SSIAP1", "content")[0]?.suggestion).toBe(
      "service de sécurité incendie et d’assistance à personnes (SSIAP1)",
    );
    expect(found("Un Bac en poche, un Cap à tenir, un voyage à Rome, un Mac et un Pic.")).toEqual([]);
  });

  it("reads « BAC PRO » as one acronym", () => {
    expect(found("Titulaire d’un BAC PRO commerce.")).toEqual(["acronym:BAC PRO"]);
    expect(found("Titulaire d’un baccalauréat professionnel (BAC PRO).")).toEqual([]);
  });

  it("leaves alone what only looks like an acronym", () => {
    for (const text of [
      "Accessible dès le niveau IV, puis niveau III ; chapitre XII.",
      "Chariots R489, anglais B1, habilitation électrique B0 H0V, 1er et 2e trimestres.",
      "À Nancy, Metz et en Île-de-France, avec la Région, l’État et France Travail.",
      "Préparer son CV, signer un CDI, utiliser le GPS.",
      "Préparation au permis B, au permis C et CE, ou au permis BE.",
      "Habilitation électrique BS BE manœuvre, puis BR et BC.",
      "Word, Excel, PowerPoint et LinkedIn.",
      "Inscription sur www.afpa-exemple.fr ou contact@CFA-exemple.fr.",
      "Financé par Transitions Pro et Pôle emploi.",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe("capitals", () => {
  it("flags words in capitals that are no acronym, a run of them as one issue", () => {
    expect(found("URGENT : formation complète.")).toEqual(["capitals:URGENT"]);
    expect(found("ATTENTION : LA FORMATION EST COMPLÈTE. Revenez en mars.")).toEqual([
      "capitals:ATTENTION",
      "capitals:LA FORMATION EST COMPLÈTE",
    ]);
    expect(found("Apprendre l’INFORMATIQUE et l’ANGLAIS D’AFFAIRES.")).toEqual([
      "capitals:INFORMATIQUE",
      "capitals:ANGLAIS D’AFFAIRES",
    ]);
  });

  it("tells an acronym from the shouting around it", () => {
    expect(found("Préparation FORMATION CACES obligatoire.")).toEqual(["capitals:FORMATION", "acronym:CACES"]);
    expect(checkPlainLanguage("Employé polyvalent de restauration RAPIDE", "title")).toMatchObject([
      { kind: "capitals", severity: "warning", match: "RAPIDE", index: 35, key: "capitals:RAPIDE" },
    ]);
  });

  it("leaves short words in capitals alone when they are ordinary words", () => {
    expect(found("Word ET Excel, Nancy OU Metz.")).toEqual([]);
  });
});
