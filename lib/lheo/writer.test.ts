// The writer's documents checked by the official schema (xmllint, db/reference/lheo/lheo-2.3.xsd):
// an action with every optional field, hostile texts at their longest, a permanent-entry action
// with no dated session, and the empty offer LHÉO cannot express.

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { documentEnd, documentStart, numeros, writeFormation, type LheoFormation } from "@/lib/lheo/writer";
import { validateLheo } from "@/lib/lheo/xmllint";
import { completeAction, completeSession } from "@/lib/validations/test-content";
import type { ActionContent } from "@/lib/validations/action";

const options = { formacodeEdition: "V8" };

function formation(details: ActionContent, overrides: Partial<LheoFormation> = {}): LheoFormation {
  return {
    actionId: randomUUID(),
    firstEnteredOn: "2026-01-05",
    publishedOn: "2026-02-10",
    details,
    formacodes: ["22454", "22403"],
    romeCodes: ["F1703"],
    nsfCode: "233",
    exitLevel: "13",
    fundingSentence: "Formation financée par la Région Grand Est, décision du 12 mars 2026.",
    sessions: details.sessions.map((s) => ({
      id: s.id,
      startDate: s.startDate,
      endDate: s.endDate,
      address: { lines: [s.address.street, s.address.street2], postcode: s.address.postcode, town: "Toulouse", inseeCode: s.address.communeInsee, latitude: 43.6, longitude: 1.44 },
      placesTotal: s.placesTotal ?? 0,
      placesAvailable: s.placesAvailable ?? 0,
      recruitment: s.recruitment || "1",
    })),
    organisation: {
      siret: "12345678900012",
      activityNumber: "41540218754",
      name: "Bâtiment Formation Lorraine",
      legalName: "Association pour la formation aux métiers du bâtiment en Lorraine",
      address: { lines: ["12 rue de la Pierre"], postcode: "54000", town: "Nancy", inseeCode: "54395" },
      phone: "03 83 00 00 00",
      email: "contact@example.org",
      website: "https://www.example.org",
      contacts: [{ name: "Claire Martin", role: "4", phone: "06 12 34 56 78", email: "claire.martin@example.org" }],
      trainingFields: ["22454", "22403"],
    },
    ...overrides,
  };
}

const documentOf = (...formations: LheoFormation[]) => documentStart() + formations.map((f) => writeFormation(f, options)).join("") + documentEnd();

function expectValid(xml: string) {
  const { valid, errors } = validateLheo(xml);
  expect(valid, errors).toBe(true);
}

describe("LHÉO 2.3 writer", () => {
  it("writes an action with every optional field as a valid document", () => {
    const details = completeAction({
      certifying: true,
      certification: { register: "rncp", code: "34828", label: "Titre professionnel de maçon" },
      pathway: "3",
      contact: { name: "Paul Durand", phone: "03 83 11 22 33", email: "paul.durand@example.org" },
      publicCodes: ["80056", "83056"],
      prerequisites: "Savoir lire et écrire le français.",
      entryLevelMandatory: true,
      specificConditions: "Être inscrit comme demandeur d’emploi.",
      accessibility: "Locaux accessibles en fauteuil roulant.",
      free: false,
      price: 4500,
      funders: [
        { id: randomUUID(), code: "2", places: 12 },
        { id: randomUUID(), code: "4", places: null },
      ],
      funding: { notifiedOn: "2026-01-20", voteDate: "2025-12-12", kind: "achat", comment: "Rémunération possible." },
      hoursCentre: 280,
      hoursCompany: 70,
      modules: [
        { id: randomUUID(), title: "Sécurité sur le chantier", content: "Gestes et postures.", hours: 70 },
        { id: randomUUID(), title: "Taille de pierre", content: "", hours: 280 },
      ],
      sessions: [
        completeSession({ contact: { name: "Accueil", phone: "03 83 44 55 66", email: "accueil@example.org" } }),
        completeSession({ address: { street: "1 place Stanislas", street2: "Bâtiment B", postcode: "31000", communeInsee: "31555", communeName: "" } }),
      ],
    });
    const f = formation(details);
    const xml = documentOf(f);
    expectValid(xml);
    expect(xml).toContain(`<session numero="${numeros.session(f.actionId, details.sessions[1]!.id)}">`);
    expect(xml).toContain("<extra info=\"places-disponibles\">12</extra>");
    expect(xml).toContain("<code-RNCP>34828</code-RNCP>");
    expect(xml).toContain("<potentiel><code-FORMACODE ref=\"V8\">22454</code-FORMACODE>");
    expect(xml).toContain("<detail-conditions-prise-en-charge>Formation financée par la Région Grand Est, décision du 12 mars 2026.</detail-conditions-prise-en-charge>");
    expect(xml).toContain("<libelle-enseignement>Sécurité sur le chantier</libelle-enseignement>");
  });

  it("escapes what a provider typed and cuts texts to LHÉO's limits", () => {
    const hostile = `Tarif < 300 € & « gratuit » pour "certains" l'été 🎓 \u0001\u0008\u000B fin ]]> <script>alert(1)</script>`;
    const long = (prefix: string) => (prefix + " " + "é🎓x ".repeat(1000)).slice(0, 3000);
    const details = completeAction({
      title: ("Titre & <b>gras</b> " + "🎓".repeat(300)).slice(0, 255),
      objectives: long(hostile),
      results: long("résultats"),
      content: long("contenu"),
      rhythm: long("rythme"),
      alternance: long("alternance"),
      prerequisites: long("prérequis").slice(0, 1400),
      specificConditions: long("conditions").slice(0, 1400),
      contact: { name: "O'Brien & \"fils\" <contact> avec un nom bien trop long pour LHÉO qui limite à cinquante", phone: "", email: "a&b@example.org" },
      sessions: [completeSession({ address: { street: "x".repeat(50) + "🎓", street2: "<>&\"'", postcode: "31000", communeInsee: "31555", communeName: "" } })],
    });
    const f = formation(details, { fundingSentence: "F".repeat(700) });
    f.sessions[0]!.address!.town = "Une commune au nom vraiment très long & <étrange> 🎓 qui dépasse cinquante caractères";
    const xml = documentOf(f);
    expectValid(xml);
    expect(xml).not.toMatch(/[\u0001\u0008\u000B]/);
    expect(xml).toContain("Tarif &lt; 300 € &amp; « gratuit » pour \"certains\" l'été 🎓");
    expect(xml).not.toContain("<script>");
  });

  it("gives a permanent-entry action with no dated session one session over the whole calendar", () => {
    const details = completeAction({ permanentEntry: true, sessions: [] });
    const f = formation(details);
    const xml = documentOf(f);
    expectValid(xml);
    expect(xml).toContain(`<session numero="${numeros.permanentSession(f.actionId)}"><periode><debut>00000000</debut><fin>99999999</fin></periode>`);
    expect(xml).toContain("<modalites-entrees-sorties>1</modalites-entrees-sorties>");
  });

  it("writes an incomplete legacy action with placeholders rather than an invalid document", () => {
    const details = { ...completeAction(), results: "", rhythm: "", publicCodes: [], pathway: "", entryLevel: "", teachingMode: "", contact: { name: "", phone: "", email: "" } } as ActionContent;
    const f = formation(details, { formacodes: [], romeCodes: [], nsfCode: null, exitLevel: null });
    f.organisation = { ...f.organisation, contacts: [], trainingFields: [], activityNumber: null, legalName: null, website: null };
    expectValid(documentOf(f));
  });

  it("cannot express an empty offer: the schema requires one formation, so the feed answers 204 instead", () => {
    expect(validateLheo(documentOf()).valid).toBe(false);
  });
});
