// Reading LHÉO files: hostile files are refused with a clear message and without expanding
// anything; real files (db/reference/lheo/samples) are read formation by formation, their errors
// reported rather than crashing; what the writer produces reads back as the same content.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importFormation, type ImportedFormation } from "@/lib/lheo/import-content";
import { FILE_ERRORS, IMPORT_MAX_BYTES, LheoFileError, readLheo, type XmlNode } from "@/lib/lheo/read";
import { documentEnd, documentStart, writeFormation } from "@/lib/lheo/writer";
import { CONTACT_NAME_MAX } from "@/lib/validations/fields";
import { completeAction, completeSession } from "@/lib/validations/test-content";
import { randomUUID } from "node:crypto";

const sample = (name: string) => readFileSync(new URL(`../../db/reference/lheo/samples/${name}`, import.meta.url), "utf8");

function readAll(xml: string): ImportedFormation[] {
  const formations: ImportedFormation[] = [];
  readLheo(xml, (node: XmlNode, index) => formations.push(importFormation(node, index + 1)));
  return formations;
}

function refusal(xml: string): string {
  try {
    readAll(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(LheoFileError);
    return (error as Error).message;
  }
  throw new Error("the file was accepted");
}

const minimal = readFileSync(new URL("../../db/reference/lheo/example-minimal-2.3.xml", import.meta.url), "utf8");

describe("reading an LHÉO file", () => {
  it("refuses entity expansion (billion laughs) without expanding anything", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lheo [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><lheo xmlns="http://lheo.gouv.fr/2.3"><offres><formation><intitule-formation>&d;&d;&d;</intitule-formation></formation></offres></lheo>`;
    const started = performance.now();
    expect(refusal(laughs)).toBe(FILE_ERRORS.doctype);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses external entities and never reads the file they name", () => {
    const external = `<?xml version="1.0"?><!DOCTYPE lheo [<!ENTITY secret SYSTEM "file:///etc/passwd">]><lheo xmlns="http://lheo.gouv.fr/2.3"><offres><formation><intitule-formation>&secret;</intitule-formation></formation></offres></lheo>`;
    expect(refusal(external)).toBe(FILE_ERRORS.doctype);
    // Without a DOCTYPE, an entity nobody declared is an error, not a lookup.
    expect(refusal(minimal.replace("Maçon du bâti ancien", "&secret;"))).toMatch(/n’est pas un fichier XML lisible \(erreur à la ligne 10\)/);
  });

  it("refuses a file over 5 MB before parsing it, and 100 MB as fast", () => {
    expect(refusal(" ".repeat(IMPORT_MAX_BYTES + 1))).toBe(FILE_ERRORS.tooLarge);
    const huge = "x".repeat(100 * 1024 * 1024);
    const started = performance.now();
    expect(refusal(huge)).toBe(FILE_ERRORS.tooLarge);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("refuses what is not LHÉO: another namespace, another root, not XML, empty", () => {
    expect(refusal(minimal.replace("http://lheo.gouv.fr/2.3", "http://example.org/autre"))).toBe(FILE_ERRORS.notLheo);
    expect(refusal(`<?xml version="1.0"?><offres xmlns="http://lheo.gouv.fr/2.3"><formation/></offres>`)).toBe(FILE_ERRORS.notLheo);
    expect(refusal("numero;intitule\n1;Maçon")).toMatch(/n’est pas un fichier XML lisible/);
    expect(refusal("%PDF-1.7 \u0000\u0001")).toMatch(/n’est pas un fichier XML lisible/);
    expect(refusal(minimal.replace("</offres>", ""))).toMatch(/n’est pas un fichier XML lisible/);
    expect(refusal("")).toBe(FILE_ERRORS.empty);
    expect(refusal(`<lheo xmlns="http://lheo.gouv.fr/2.3"><offres/></lheo>`)).toBe(FILE_ERRORS.noFormation);
  });

  it("reads the ONISEP offer in LHÉO 2.2: HTML removed from the texts, a report of what was left out", () => {
    const [formation, ...others] = readAll(sample("onisep-bts-2.2.xml"));
    expect(others).toHaveLength(0);
    expect(formation!.refusal).toBeNull();
    expect(formation!.title).toBe("BTS négociation et relation client");
    expect(formation!.content!.objectives).not.toMatch(/<p>/);
    expect(formation!.notes).toContain("La mise en forme (balises HTML) a été retirée des textes.");
    expect(formation!.siret).toMatch(/^\d{14}$/);
  });

  it("reads the export with errors formation by formation, saying what could not be read", () => {
    const [formation, ...others] = readAll(sample("intercarif-export-with-errors.xml"));
    expect(others).toHaveLength(0);
    expect(formation!.title).toBe("Développeur web");
    expect(formation!.content).toBeNull();
    expect(formation!.refusal).toBe(
      "Le numéro SIRET de l’organisme responsable («\u00a0011111111111111\u00a0») n’a pas 14 chiffres\u00a0: corrigez-le dans votre logiciel puis exportez de nouveau.",
    );
    expect(formation!.notes).toContain("Le contact de la formation n’a pas pu être lu (élément «\u00a0coordonnees\u00a0» absent ou mal orthographié).");
  });

  it("cuts a contact's name to the 50 characters the form accepts, rather than leaving it out", () => {
    const prenom = "Marie-Charlotte-Éléonore";
    const nom = "de La Tour d’Auvergne-Lauraguais de Montmorency";
    const xml = minimal.replace("<nom>Martin</nom>", `<prenom>${prenom}</prenom><nom>${nom}</nom>`);
    expect(xml).not.toBe(minimal);
    const [formation] = readAll(xml);
    expect(formation!.content!.contact.name).toBe(`${prenom} ${nom}`.slice(0, CONTACT_NAME_MAX));
    expect(formation!.content!.contact.phone).toBe("03 83 00 00 00");
    expect(formation!.notes.filter((note) => note.includes("contact"))).toEqual([]);
  });

  it("reads back what the writer wrote: the same content, but for the ids it draws again", () => {
    const content = completeAction({
      certifying: true,
      certification: { register: "rs", code: "5678", label: "Habilitation électrique" },
      pathway: "3",
      prerequisites: "Savoir lire.",
      specificConditions: "Être majeur.",
      accessibility: "Accès de plain-pied.",
      price: 1200,
      free: false,
      modules: [
        { id: randomUUID(), title: "Module un", content: "Premier.", hours: 300 },
        { id: randomUUID(), title: "Module deux", content: "", hours: 50 },
      ],
      contact: { name: "Paul Durand", phone: "03 83 11 22 33", email: "paul@example.org" },
      sessions: [completeSession({ contact: { name: "Accueil", phone: "", email: "accueil@example.org" } })],
    });
    const actionId = randomUUID();
    const xml =
      documentStart() +
      writeFormation(
        {
          actionId,
          firstEnteredOn: "2026-01-05",
          publishedOn: "2026-02-01",
          details: content,
          formacodes: ["22454"],
          romeCodes: [],
          nsfCode: null,
          exitLevel: content.exitLevel,
          fundingSentence: null,
          sessions: content.sessions.map((s) => ({ ...s, address: { lines: [s.address.street], postcode: s.address.postcode, town: "Toulouse", inseeCode: s.address.communeInsee }, placesTotal: 12, placesAvailable: 12, recruitment: "1" })),
          organisation: { siret: "12345678900012", activityNumber: null, name: "Organisme", legalName: null, address: { lines: ["1 rue"], postcode: "31000", town: "Toulouse" }, phone: null, email: null, website: null, contacts: [], trainingFields: [] },
        },
        { formacodeEdition: "V8" },
      ) +
      documentEnd();
    const [read] = readAll(xml);
    const withoutIds = (c: typeof content) => ({ ...c, funders: c.funders.map((f) => ({ ...f, id: "" })), modules: c.modules.map((m) => ({ ...m, id: "" })), sessions: c.sessions.map((s) => ({ ...s, address: { ...s.address, communeName: "" } })) });
    expect(read!.notes).toEqual([]);
    expect(withoutIds(read!.content!)).toEqual(withoutIds(content));
  });
});
