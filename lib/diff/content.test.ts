import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diffActionContent, diffDossierContent, isMinorChange, wordingChanges, type ContentDiff } from "@/lib/diff/content";
import { formatPlaces } from "@/lib/format";
import type { ActionContent } from "@/lib/validations/action";
import type { DossierContent } from "@/lib/validations/organisation";
import { completeAction, completeSession } from "@/lib/validations/test-content";

const NANCY = { street: "3 rue Saint-Dizier", street2: "", postcode: "54000", communeInsee: "54395", communeName: "Nancy" };
const METZ = { street: "1 place d’Armes", street2: "", postcode: "57000", communeInsee: "57463", communeName: "Metz" };

/** An approved action with two sessions, two modules and two funders, at fixed dates. */
function approved(): ActionContent {
  return completeAction({
    pathway: "3",
    funding: { notifiedOn: "2026-10-01", voteDate: "2026-09-15", kind: "achat", comment: "" },
    funders: [
      { id: randomUUID(), code: "2", places: 12 },
      { id: randomUUID(), code: "4", places: null },
    ],
    modules: [
      { id: randomUUID(), title: "Lire un plan", content: "Les cotes et les échelles.", hours: 140 },
      { id: randomUUID(), title: "Poser une cloison", content: "", hours: 210 },
    ],
    sessions: [
      completeSession({ startDate: "2027-01-04", endDate: "2027-02-26", address: METZ }),
      completeSession({ startDate: "2027-03-01", endDate: "2027-06-30", address: NANCY }),
    ],
  });
}

const list = (diff: ContentDiff, name: string) => diff.lists.find((l) => l.list === name);
const changedItems = (diff: ContentDiff, name: string) => list(diff, name)?.items.filter((item) => item.kind !== "same") ?? [];

describe("diffActionContent: fields", () => {
  it("finds nothing between a content and its copy", () => {
    const before = approved();
    const diff = diffActionContent(before, structuredClone(before));
    expect(diff).toMatchObject({ fields: [], isNew: false, hasChanges: false });
    expect(diff.lists.map((l) => l.list)).toEqual(["sessions", "modules", "funders"]);
  });

  it("shows a changed title with its label, both values and the words that changed", () => {
    const before = approved();
    const diff = diffActionContent(before, { ...before, title: "Agent de propreté et d’hygiène en milieu hospitalier" });
    expect(diff.fields).toEqual([
      {
        path: "title",
        label: "Intitulé de la formation",
        kind: "changed",
        before: "Agent de propreté et d’hygiène",
        after: "Agent de propreté et d’hygiène en milieu hospitalier",
        words: [
          { kind: "same", text: "Agent de propreté et d’hygiène" },
          { kind: "added", text: " en milieu hospitalier" },
        ],
      },
    ]);
    expect(diff.hasChanges).toBe(true);
  });

  it("shows codes as their labels, booleans as Oui or Non, hours, prices and dates as people read them", () => {
    const before = approved();
    const after: ActionContent = {
      ...before,
      pathway: "1",
      free: false,
      price: 1200,
      hoursCentre: 300,
      funding: { ...before.funding, voteDate: "2027-03-01" },
    };
    const byPath = Object.fromEntries(diffActionContent(before, after).fields.map((f) => [f.path, f]));
    expect(byPath.pathway).toMatchObject({
      label: "Type de parcours",
      kind: "changed",
      before: "Modulaire (des modules que l’on peut suivre séparément)",
      after: "En groupe (le même parcours pour tous)",
    });
    expect(byPath.free).toMatchObject({ label: "Gratuit pour la personne formée", before: "Oui", after: "Non" });
    expect(byPath.price).toMatchObject({ kind: "added", before: "", after: `${(1200).toLocaleString("fr-FR")} euros` });
    expect(byPath.hoursCentre).toMatchObject({ before: "280 heures", after: "300 heures" });
    expect(byPath["funding.voteDate"]).toMatchObject({ before: "mardi 15 septembre 2026", after: "lundi 1 mars 2027" });
    // Only free text is compared word by word.
    expect(byPath.pathway?.words).toBeUndefined();
    expect(Object.keys(byPath)).toHaveLength(5);
  });

  it("reports an emptied text as removed, and ignores a new order of the public codes", () => {
    const before = { ...approved(), alternance: "Deux semaines en entreprise.", publicCodes: ["80056", "15061"] };
    const diff = diffActionContent(before, { ...before, alternance: "", publicCodes: ["15061", "80056"] });
    expect(diff.fields).toMatchObject([{ path: "alternance", kind: "removed", before: "Deux semaines en entreprise.", after: "" }]);
  });

  it("names the public codes with the labels given", () => {
    const before = approved();
    const diff = diffActionContent(before, { ...before, publicCodes: ["80056", "15061"] }, { "80056": "Tout public", "15061": "Jeune de moins de 26 ans" });
    expect(diff.fields).toMatchObject([{ label: "Public visé", before: "Tout public", after: "Tout public, Jeune de moins de 26 ans" }]);
  });
});

describe("diffActionContent: lists matched by id", () => {
  it("sees no change when the sessions are only reordered", () => {
    const before = approved();
    const diff = diffActionContent(before, { ...before, sessions: [...before.sessions].reverse() });
    expect(diff.hasChanges).toBe(false);
    expect(list(diff, "sessions")?.items.map((item) => item.kind)).toEqual(["same", "same"]);
  });

  it("sees a session with new dates as one changed session, labelled with its place and dates", () => {
    const before = approved();
    const [metz, nancy] = before.sessions as [ActionContent["sessions"][number], ActionContent["sessions"][number]];
    const diff = diffActionContent(before, { ...before, sessions: [metz, { ...nancy, startDate: "2027-03-08", endDate: "2027-07-02" }] });
    const items = changedItems(diff, "sessions");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: nancy.id, kind: "changed", label: "Session 2 — Nancy, du 8 mars au 2 juillet 2027" });
    expect(items[0]?.fields).toMatchObject([
      { path: "sessions.1.startDate", label: "Date de début", before: "lundi 1 mars 2027", after: "lundi 8 mars 2027" },
      { path: "sessions.1.endDate", label: "Date de fin", before: "mercredi 30 juin 2027", after: "vendredi 2 juillet 2027" },
    ]);
    expect(diff.fields).toEqual([]);
  });

  it("lists an added module with its values, and keeps the others as they were", () => {
    const before = approved();
    const added = { id: randomUUID(), title: "Lire un plan de masse", content: "", hours: 35 };
    const diff = diffActionContent(before, { ...before, modules: [added, ...before.modules] });
    expect(list(diff, "modules")?.items).toMatchObject([
      { id: added.id, kind: "added", label: "Module 1 — Lire un plan de masse" },
      { kind: "same", label: "Module 2 — Lire un plan", fields: [] },
      { kind: "same", label: "Module 3 — Poser une cloison", fields: [] },
    ]);
    expect(changedItems(diff, "modules")[0]?.fields).toMatchObject([
      { path: "modules.0.title", label: "Titre", kind: "added", after: "Lire un plan de masse" },
      { path: "modules.0.hours", label: "Durée", kind: "added", after: "35 heures" },
    ]);
  });

  it("lists a removed funder where it was, labelled with its name and places", () => {
    const before = approved();
    const diff = diffActionContent(before, { ...before, funders: before.funders.slice(1) });
    expect(list(diff, "funders")?.items).toMatchObject([
      { kind: "removed", label: "Région (conseil régional), 12 places", fields: [{ label: "Financeur", kind: "removed" }, { label: "Places financées", before: "12 places" }] },
      { kind: "same", label: "France Travail (anciennement Pôle emploi)" },
    ]);
  });

  it("shows the places and recruitment of a session, and its address on one line", () => {
    const before = approved();
    const [metz, nancy] = before.sessions as [ActionContent["sessions"][number], ActionContent["sessions"][number]];
    const after = { ...before, sessions: [{ ...metz, placesAvailable: 0, recruitment: "2" as const, address: { ...METZ, street2: "Bâtiment B" } }, nancy] };
    expect(changedItems(diffActionContent(before, after), "sessions")[0]?.fields).toMatchObject([
      { label: "Adresse", before: "1 place d’Armes, 57000 Metz", after: "1 place d’Armes, Bâtiment B, 57000 Metz" },
      { label: "Places disponibles", before: "12 places disponibles", after: formatPlaces(0) },
      { label: "État du recrutement", before: "Ouvert", after: "Fermé" },
    ]);
  });
});

describe("diffActionContent: a new action", () => {
  it("reports every filled field and item as added", () => {
    const after = approved();
    const diff = diffActionContent(null, after);
    expect(diff.isNew).toBe(true);
    expect(diff.hasChanges).toBe(true);
    expect(diff.fields.every((f) => f.kind === "added" && f.before === "")).toBe(true);
    expect(diff.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["title", "objectives", "pathway", "free", "funding.voteDate"]));
    // Empty fields are not listed.
    expect(diff.fields.map((f) => f.path)).not.toContain("prerequisites");
    expect(diff.lists.flatMap((l) => l.items.map((item) => item.kind))).toEqual(Array(6).fill("added"));
  });
});

describe("isMinorChange", () => {
  const withSession = (content: ActionContent, index: number, change: Partial<ActionContent["sessions"][number]>) => ({
    ...content,
    sessions: content.sessions.map((s, i) => (i === index ? { ...s, ...change } : s)),
  });

  it("is true when only places available or recruitment of existing sessions change", () => {
    const before = approved();
    expect(isMinorChange(before, withSession(before, 0, { placesAvailable: 3 }))).toBe(true);
    expect(isMinorChange(before, withSession(withSession(before, 0, { recruitment: "3" }), 1, { placesAvailable: 0, recruitment: "2" }))).toBe(true);
    // A new order of the sessions hides nothing.
    expect(isMinorChange(before, { ...withSession(before, 1, { placesAvailable: 1 }), sessions: [...withSession(before, 1, { placesAvailable: 1 }).sessions].reverse() })).toBe(true);
  });

  it("is false for anything else, for no change and for a new action", () => {
    const before = approved();
    expect(isMinorChange(before, { ...before, sessions: [...before.sessions, completeSession()] })).toBe(false);
    expect(isMinorChange(before, { ...before, sessions: before.sessions.slice(1) })).toBe(false);
    expect(isMinorChange(before, withSession(before, 0, { startDate: "2027-01-05", placesAvailable: 3 }))).toBe(false);
    expect(isMinorChange(before, withSession(before, 0, { placesTotal: 20 }))).toBe(false);
    expect(isMinorChange(before, { ...withSession(before, 0, { placesAvailable: 3 }), title: "Agent de propreté et d’hygiène (nouveau)" })).toBe(false);
    expect(isMinorChange(before, structuredClone(before))).toBe(false);
    expect(isMinorChange(null, before)).toBe(false);
  });
});

describe("wordingChanges", () => {
  it("keeps only the free text that changed, modules included, with its words", () => {
    const before = approved();
    const after: ActionContent = {
      ...before,
      title: "Agent de propreté et d’hygiène des locaux",
      objectives: `${before.objectives} Utiliser les produits sans danger.`,
      pathway: "1",
      hoursCentre: 300,
      modules: [{ ...before.modules[0]!, content: "Les cotes, les échelles et les symboles." }, before.modules[1]!],
      sessions: before.sessions.slice(1),
    };
    const changes = wordingChanges(before, after);
    expect(changes.map((c) => [c.path, c.label])).toEqual([
      ["title", "Intitulé de la formation"],
      ["objectives", "Objectifs"],
      ["modules.0.content", "Contenu du module 1"],
    ]);
    expect(changes[0]?.words).toEqual([
      { kind: "same", text: "Agent de propreté et d’hygiène" },
      { kind: "added", text: " des locaux" },
    ]);
  });

  it("is empty when no text changed", () => {
    const before = approved();
    expect(wordingChanges(before, { ...before, price: 900, free: false })).toEqual([]);
  });
});

function dossier(overrides: Partial<DossierContent> = {}): DossierContent {
  return {
    legalName: "Institut lorrain des métiers du soin",
    usualName: "",
    siret: "73282932000074",
    activityNumber: "41540123454",
    address: NANCY,
    phone: "03 83 00 00 00",
    email: "contact@ilms.fr",
    website: "",
    contacts: [
      { id: randomUUID(), name: "Claire Martin", role: "5", phone: "03 83 00 00 01", email: "" },
      { id: randomUUID(), name: "Paul Girard", role: "1", phone: "", email: "p.girard@ilms.fr" },
    ],
    trainingFields: ["43448"],
    premises: "Trois salles de cours et un plateau technique.",
    equipment: "",
    trainers: "Six formateurs diplômés d’État.",
    qualiopi: true,
    qualiopiDate: "2025-06-12",
    otherCertifications: "",
    accessibility: "Locaux de plain-pied, référent handicap joignable.",
    ...overrides,
  };
}

describe("diffDossierContent", () => {
  it("shows changed fields and contacts matched by id", () => {
    const before = dossier();
    const [claire, paul] = before.contacts as [DossierContent["contacts"][number], DossierContent["contacts"][number]];
    const added = { id: randomUUID(), name: "Inès Roux", role: "3" as const, phone: "", email: "i.roux@ilms.fr" };
    const after = dossier({ usualName: "ILMS", siret: "73282932000074", contacts: [{ ...paul, phone: "03 83 00 00 02" }, added], trainers: "Sept formateurs diplômés d’État." });
    const diff = diffDossierContent(before, after);
    expect(diff.fields.map((f) => [f.label, f.kind])).toEqual([
      ["Nom d’usage", "added"],
      ["Formateurs", "changed"],
    ]);
    expect(diff.fields[1]?.words).toEqual([
      { kind: "removed", text: "Six" },
      { kind: "added", text: "Sept" },
      { kind: "same", text: " formateurs diplômés d’État." },
    ]);
    expect(list(diff, "contacts")?.items).toMatchObject([
      { id: claire.id, kind: "removed", label: "Contact 1 — Claire Martin, direction" },
      { id: paul.id, kind: "changed", label: "Contact 1 — Paul Girard, référent handicap", fields: [{ path: "contacts.0.phone", label: "Téléphone", kind: "added" }] },
      { id: added.id, kind: "added", label: "Contact 2 — Inès Roux, référent pédagogique" },
    ]);
  });

  it("sees no change in reordered contacts, and shows a new dossier as all added", () => {
    const before = dossier();
    expect(diffDossierContent(before, { ...before, contacts: [...before.contacts].reverse() }).hasChanges).toBe(false);
    const created = diffDossierContent(null, before);
    expect(created.isNew).toBe(true);
    expect(created.fields.find((f) => f.path === "siret")?.after).toBe("732\u00a0829\u00a0320\u00a000074");
    expect(created.fields.find((f) => f.path === "qualiopiDate")?.after).toBe("jeudi 12 juin 2025");
    expect(list(created, "contacts")?.items.map((item) => item.kind)).toEqual(["added", "added"]);
  });
});
